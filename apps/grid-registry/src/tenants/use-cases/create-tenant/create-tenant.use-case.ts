import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TenantStateChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { ApiError } from '@gridline/platform';
import { TenantErrors } from '../../tenant-errors';
import { toTenantState } from '../../tenant-state';
import { Tenant } from '../../tenant.entity';
import { CreateTenantCommand, TenantToCreate } from './create-tenant.command';

/**
 * Registers a district and announces it, in one transaction. The insert skips on any conflict (slug or division
 * code), so two concurrent registrations of the same district give one 201 and one 409, never a 500.
 */
@Injectable()
export class CreateTenantUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute({ tenant: toCreate, correlationId }: CreateTenantCommand): Promise<Tenant> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const tenant = manager.create(Tenant, {
        tenantId: toCreate.tenantId,
        divisionCode: toCreate.divisionCode,
        name: toCreate.name,
        nameEn: toCreate.nameEn ?? null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(Tenant)
        .values(tenant)
        .orIgnore()
        .returning('tenant_id')
        .execute();
      if ((result.raw as unknown[]).length === 0) throw await this.conflictFor(manager, toCreate);
      await this.outbox.add(
        manager,
        TenantStateChanged,
        toTenantState(tenant),
        EventContext.start(tenant.tenantId, correlationId),
      );
      return tenant;
    });
  }

  private async conflictFor(manager: EntityManager, toCreate: TenantToCreate): Promise<ApiError> {
    const existing = await manager.findOne(Tenant, {
      where: [{ tenantId: toCreate.tenantId }, { divisionCode: toCreate.divisionCode }],
    });
    if (existing && existing.tenantId !== toCreate.tenantId) {
      return TenantErrors.TENANT_EXISTS({ divisionCode: toCreate.divisionCode, owner: existing.tenantId });
    }
    return TenantErrors.TENANT_EXISTS({ tenantId: toCreate.tenantId });
  }
}

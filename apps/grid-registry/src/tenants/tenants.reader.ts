import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasRole, Identity } from '@gridline/platform';
import { TenantErrors } from './tenant-errors';
import { Tenant } from './tenant.entity';
import { TenantView, toTenantView } from './tenant-view';

/** Read side of the districts: the ones a caller may see, and one district by id. */
@Injectable()
export class TenantsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every district for city roles, else the caller's own (none without one). */
  async list(identity: Identity): Promise<TenantView[]> {
    const cityWide = hasRole(identity, 'city-admin', 'city-viewer');
    const tenants = await this.dataSource.manager.find(Tenant, {
      where: cityWide ? {} : { tenantId: identity.tenantId ?? '' },
      order: { tenantId: 'ASC' },
    });
    return tenants.map(toTenantView);
  }

  async get(tenantId: string): Promise<TenantView> {
    const tenant = await this.dataSource.manager.findOneBy(Tenant, { tenantId });
    if (!tenant) throw TenantErrors.TENANT_NOT_FOUND(tenantId);
    return toTenantView(tenant);
  }
}

import { EntityManager } from 'typeorm';
import { TenantErrors } from './tenant-errors';
import { Tenant } from './tenant.entity';

/** 404 TENANT_NOT_FOUND unless grid-registry holds the district: the one check every district-scoped path starts with. */
export async function requireDistrict(manager: EntityManager, tenantId: string): Promise<void> {
  if (!(await manager.existsBy(Tenant, { tenantId }))) throw TenantErrors.TENANT_NOT_FOUND(tenantId);
}

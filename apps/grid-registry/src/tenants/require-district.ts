import { EntityManager } from 'typeorm';
import { NotFoundError } from '@gridline/platform';
import { Tenant } from './tenant.entity';

/** 404 TENANT_NOT_FOUND unless grid-registry holds the district: the one check every district-scoped path starts with. */
export async function requireDistrict(manager: EntityManager, tenantId: string): Promise<void> {
  if (!(await manager.existsBy(Tenant, { tenantId })))
    throw new NotFoundError('TENANT_NOT_FOUND', `district ${tenantId} does not exist`);
}

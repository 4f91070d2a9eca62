import type { TenantState } from '@gridline/contracts';
import { Tenant } from './tenant.entity';

/** The whole current state of a district, as published on the compacted tenant-state topic. */
export function toTenantState(tenant: Tenant): TenantState {
  return {
    tenantId: tenant.tenantId,
    divisionCode: tenant.divisionCode,
    name: tenant.name,
    nameEn: tenant.nameEn,
    version: tenant.version,
  };
}

import { PlatformErrors } from '@gridline/platform';

/**
 * What a route under /v1/tenants/{tenantId} may answer before its own errors when it does not look the district up
 * in the grid replica: its parameters, and the access guard. Routes that do look it up list `districtRouteErrors`
 * (@gridline/grid-replica), which adds TENANT_NOT_FOUND.
 */
export const tenantRouteErrors = [
  PlatformErrors.VALIDATION_FAILED,
  PlatformErrors.FORBIDDEN_ROLE,
  PlatformErrors.FORBIDDEN_DISTRICT,
] as const;

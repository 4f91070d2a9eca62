import { HttpStatus } from '@nestjs/common';
import { errorCatalogue, PlatformErrors } from '@gridline/platform';

/** What a service answers from its replica of grid-registry's districts and grids. */
export const ReplicaErrors = errorCatalogue({
  TENANT_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the district is not known to this service (a new district reaches its replica moments after grid-registry)',
    message: (tenantId: string, serviceName: string) => `district ${tenantId} is not known to ${serviceName}`,
  },
});

/** What any route under /v1/tenants/{tenantId} of a replica-reading service may answer before its own errors. */
export const districtRouteErrors = [
  PlatformErrors.VALIDATION_FAILED,
  PlatformErrors.FORBIDDEN_ROLE,
  PlatformErrors.FORBIDDEN_DISTRICT,
  ReplicaErrors.TENANT_NOT_FOUND,
] as const;

/** What a city-wide route may answer before its own errors. */
export const cityRouteErrors = [PlatformErrors.VALIDATION_FAILED, PlatformErrors.FORBIDDEN_ROLE] as const;

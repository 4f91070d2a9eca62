import { HttpStatus } from '@nestjs/common';
import { errorCatalogue, tenantRouteErrors } from '@gridline/platform';

/** What a service answers from its replica of grid-registry's districts and grids. */
export const ReplicaErrors = errorCatalogue({
  TENANT_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the district is not known to this service (a new district reaches its replica moments after grid-registry)',
    message: (tenantId: string, serviceName: string) => `district ${tenantId} is not known to ${serviceName}`,
  },
});

/** What a route under /v1/tenants/{tenantId} of a replica-reading service that looks the district up may answer first. */
export const districtRouteErrors = [...tenantRouteErrors, ReplicaErrors.TENANT_NOT_FOUND] as const;

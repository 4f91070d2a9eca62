import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from '@gridline/platform';

/** The districts' errors; TENANT_NOT_FOUND is answered by every feature's routes under a district. */
export const TenantErrors = errorCatalogue({
  TENANT_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the district does not exist',
    message: (tenantId: string) => `district ${tenantId} does not exist`,
  },
  TENANT_EXISTS: {
    status: HttpStatus.CONFLICT,
    when: 'the slug or the division code is taken',
    message: (taken: { readonly tenantId: string } | { readonly divisionCode: string; readonly owner: string }) =>
      'divisionCode' in taken
        ? `division code ${taken.divisionCode} already belongs to district ${taken.owner}`
        : `district ${taken.tenantId} already exists`,
  },
});

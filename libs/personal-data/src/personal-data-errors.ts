import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from '@gridline/platform';

/** What the personal-data routes answer beyond the platform's own errors. */
export const PersonalDataErrors = errorCatalogue({
  TENANT_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the district does not exist',
    message: (tenantId: string) => `district ${tenantId} does not exist`,
  },
});

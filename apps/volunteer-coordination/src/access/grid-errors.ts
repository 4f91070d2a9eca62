import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from '@gridline/platform';

/** The grids of this service's replica as a request names them (a home grid, a request's or an event's grid). */
export const GridErrors = errorCatalogue({
  UNKNOWN_GRID: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: "a grid named in the body is not in the district (as this service's replica knows it)",
    message: (tenantId: string, gridId: string, field: string) => ({
      message: `grid ${gridId} is not in district ${tenantId}`,
      details: [{ field, reason: 'unknown grid' }],
    }),
  },
});

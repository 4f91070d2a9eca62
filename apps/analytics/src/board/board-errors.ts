import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from '@gridline/platform';

export const BoardErrors = errorCatalogue({
  GRID_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the board is asked for a grid the district (or, on the city board, any district) does not have',
    message: (gridId: string, tenantId: string | null) =>
      `grid ${gridId} is not known in ${tenantId === null ? 'any district' : `district ${tenantId}`}`,
  },
});

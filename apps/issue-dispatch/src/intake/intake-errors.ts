import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from '@gridline/platform';

/** Intake's own errors (Open311's are in open311/). */
export const IntakeErrors = errorCatalogue({
  FORBIDDEN_CHANNEL: {
    status: HttpStatus.FORBIDDEN,
    when: 'a report on channel `patrol` or `visit` by someone who is not a grid leader or worker',
    message: (channel: string) => `channel ${channel} is for grid leaders and workers; report as channel resident`,
  },
});

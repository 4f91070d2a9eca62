import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from '@gridline/platform';

/** The hours ledger: hours given (a correction, a confirmed task) and corrections. */
export const HoursErrors = errorCatalogue({
  INVALID_HOURS: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: '`hours` is not a whole number of minutes',
    message: () => ({
      message: 'hours must be a whole number of minutes',
      details: [{ field: 'hours', reason: 'not a whole number of minutes' }],
    }),
  },
  UNKNOWN_VOLUNTEER: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the volunteer to correct is not in the district',
    message: (tenantId: string, volunteerId: string) => ({
      message: `volunteer ${volunteerId} is not in district ${tenantId}`,
      details: [{ field: 'volunteerId', reason: 'unknown volunteer' }],
    }),
  },
  UNKNOWN_ENTRY: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: '`correctsEntryId` is not a ledger entry of that volunteer',
    message: (entryId: string, volunteerId: string) => ({
      message: `entry ${entryId} is not an entry of volunteer ${volunteerId}`,
      details: [{ field: 'correctsEntryId', reason: 'not an entry of this volunteer' }],
    }),
  },
  CORRECTION_NOT_ALLOWED: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: "the correction would take the volunteer's total below zero (or is zero)",
    message: (problem: string) => ({ message: problem, details: [{ field: 'hours', reason: problem }] }),
  },
});

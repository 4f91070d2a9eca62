import { HttpStatus } from '@nestjs/common';
import { errorCatalogue, FieldProblem } from '@gridline/platform';

/** A check-in rule's refusal: its reason is the message, and the field it is about the one detail. */
const checkInRefusal = ({ field, reason }: FieldProblem) => ({ message: reason, details: [{ field, reason }] });

/** The daily zero-report: its policy, check-ins and their history. */
export const CheckInErrors = errorCatalogue({
  ZERO_REPORT_POLICY_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the district has no zero-report policy yet',
    message: (tenantId: string) => `district ${tenantId} has no zero-report policy yet (PUT one)`,
  },
  MATTERS_REQUIRED: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'a check-in with something to report lists no matters',
    message: checkInRefusal,
  },
  MATTERS_NOT_ALLOWED: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'a check-in with nothing to report lists matters',
    message: checkInRefusal,
  },
  CHECK_IN_DATE_NOT_TODAY: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: "the date is not today in the district's time zone",
    message: checkInRefusal,
  },
  CHECK_IN_AFTER_CUTOFF: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: "the day's cut-off has passed",
    message: checkInRefusal,
  },
  UNKNOWN_MEMBER: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: '`reportedBy.memberId` is not a member of the district',
    message: (tenantId: string, memberId: string) => ({
      message: `member ${memberId} does not exist in district ${tenantId}`,
      details: [{ field: 'reportedBy.memberId', reason: 'unknown member in this district' }],
    }),
  },
  ALREADY_CHECKED_IN: {
    status: HttpStatus.CONFLICT,
    when: 'the grid already checked in for the day with a different report',
    message: (grid: { readonly name: string; readonly code: string }, date: string, at: Date) =>
      `grid ${grid.name} (${grid.code}) already checked in for ${date} at ${at.toISOString()}`,
  },
  INVALID_DATE_RANGE: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the period is longer than the most one request may ask for',
    message: (maxDays: number) => ({
      message: `at most ${maxDays} days at a time`,
      details: [{ field: 'from', reason: `more than ${maxDays} days before to` }],
    }),
  },
});

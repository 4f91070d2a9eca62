import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from '@gridline/platform';

/** Recurring service events: series, occurrences, sign-ups and attendance. */
export const ServiceEventErrors = errorCatalogue({
  SERIES_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the service event does not exist in the district',
    message: (tenantId: string, seriesId: string) => `service event ${seriesId} does not exist in district ${tenantId}`,
  },
  OCCURRENCE_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the occurrence does not exist in the district',
    message: (tenantId: string, occurrenceId: string) =>
      `occurrence ${occurrenceId} does not exist in district ${tenantId}`,
  },
  SIGN_UP_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: "the sign-up does not exist for the occurrence (or is someone else's and the caller is not staff of the event's grid)",
    message: (occurrenceId: string, signUpId: string) =>
      `sign-up ${signUpId} does not exist for occurrence ${occurrenceId}`,
  },
  POOL_REQUIRED: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the occurrence has several slots (or shifts) of the role and `pool` names none',
    message: (what: string, pools: readonly string[]) => ({
      message: `name the ${what}: one of ${pools.join(', ') || '(none)'}`,
      details: [{ field: 'pool', reason: `required: the occurrence has ${pools.length} of them` }],
    }),
  },
  UNKNOWN_POOL: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: '`pool` is not a slot (or shift) of the occurrence',
    message: (what: string, pool: string) => ({
      message: `this occurrence has no ${what} "${pool}"`,
      details: [{ field: 'pool', reason: `not a ${what} of this occurrence` }],
    }),
  },
  VOLUNTEER_NOT_FOUND: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the volunteer to put on a shift is not registered in the district',
    message: (tenantId: string, volunteerId: string) => ({
      message: `volunteer ${volunteerId} is not registered in district ${tenantId}`,
      details: [{ field: 'volunteerId', reason: 'unknown volunteer' }],
    }),
  },
  VOLUNTEER_LACKS_SKILL: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: "the volunteer does not have the shift's skill",
    message: (volunteerId: string, skill: string) => ({
      message: `volunteer ${volunteerId} does not have the skill ${skill}`,
      details: [{ field: 'volunteerId', reason: `lacks ${skill}` }],
    }),
  },
  OCCURRENCE_STARTED: {
    status: HttpStatus.CONFLICT,
    when: 'the occurrence has started: sign-up and cancellation are closed',
    message: (occurrenceId: string, closed: { readonly signUpSince: Date } | { readonly cancellation: true }) =>
      'signUpSince' in closed
        ? `occurrence ${occurrenceId} started at ${closed.signUpSince.toISOString()}; sign-up is closed`
        : `occurrence ${occurrenceId} has started; it can no longer be cancelled`,
  },
  ALREADY_SIGNED_UP: {
    status: HttpStatus.CONFLICT,
    when: 'the person already has a live sign-up (or waitlist place) for the occurrence in that role',
    message: (who: string) => `${who} already signed up for this occurrence (or on its waitlist)`,
  },
  POOL_BUSY: {
    status: HttpStatus.CONFLICT,
    when: 'places in the pool kept changing while signing up; try again',
    message: () => 'places in this pool kept changing; try again',
  },
  ALREADY_CANCELLED: {
    status: HttpStatus.CONFLICT,
    when: 'the sign-up was cancelled already',
    message: (signUpId: string) => `sign-up ${signUpId} was already cancelled`,
  },
  CHECK_IN_CLOSED: {
    status: HttpStatus.CONFLICT,
    when: 'check-in is open from one hour before the start to the end',
    message: (refusal: string) => refusal,
  },
  NOT_CONFIRMED: {
    status: HttpStatus.CONFLICT,
    when: 'the sign-up is waitlisted or cancelled: only confirmed participants check in',
    message: (signUpId: string, status: string) =>
      `sign-up ${signUpId} is ${status}; only confirmed participants check in`,
  },
  ALREADY_CHECKED_IN: {
    status: HttpStatus.CONFLICT,
    when: 'the sign-up checked in already',
    message: (signUpId: string, at: Date) => `sign-up ${signUpId} checked in at ${at.toISOString()}`,
  },
  NOT_CHECKED_IN: {
    status: HttpStatus.CONFLICT,
    when: 'the sign-up has not checked in',
    message: (signUpId: string) => `sign-up ${signUpId} has not checked in`,
  },
  ALREADY_CHECKED_OUT: {
    status: HttpStatus.CONFLICT,
    when: 'the sign-up checked out already',
    message: (signUpId: string, at: Date) => `sign-up ${signUpId} checked out at ${at.toISOString()}`,
  },
  CHECK_OUT_CLOSED: {
    status: HttpStatus.CONFLICT,
    when: 'check-out is before check-in or more than six hours after the end',
    message: (refusal: string) => refusal,
  },
});

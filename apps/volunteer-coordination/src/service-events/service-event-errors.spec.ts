import { ServiceEventErrors } from './service-event-errors';

describe('ServiceEventErrors', () => {
  it('OCCURRENCE_STARTED: for a sign-up, and for a cancellation', () => {
    const signUp = ServiceEventErrors.OCCURRENCE_STARTED('o-1', { signUpSince: new Date('2026-12-09T01:00:00Z') });
    expect([signUp.status, signUp.code, signUp.message]).toEqual([
      409,
      'OCCURRENCE_STARTED',
      'occurrence o-1 started at 2026-12-09T01:00:00.000Z; sign-up is closed',
    ]);
    expect(ServiceEventErrors.OCCURRENCE_STARTED('o-1', { cancellation: true }).message).toBe(
      'occurrence o-1 has started; it can no longer be cancelled',
    );
  });

  it('VOLUNTEER_NOT_FOUND here is a 422 about the body, not the 404 of the volunteers routes', () => {
    expect(ServiceEventErrors.VOLUNTEER_NOT_FOUND('erqi', 'v-1')).toMatchObject({
      status: 422,
      message: 'volunteer v-1 is not registered in district erqi',
      details: [{ field: 'volunteerId', reason: 'unknown volunteer' }],
    });
  });

  it('POOL_REQUIRED lists the pools, or says there are none', () => {
    expect(ServiceEventErrors.POOL_REQUIRED('resident slot', ['理发', '量血压'])).toMatchObject({
      message: 'name the resident slot: one of 理发, 量血压',
      details: [{ field: 'pool', reason: 'required: the occurrence has 2 of them' }],
    });
    expect(ServiceEventErrors.POOL_REQUIRED('volunteer shift', []).message).toBe(
      'name the volunteer shift: one of (none)',
    );
  });

  it('keeps the wording of sign-up and attendance conflicts', () => {
    expect(ServiceEventErrors.ALREADY_SIGNED_UP('you are').message).toBe(
      'you are already signed up for this occurrence (or on its waitlist)',
    );
    expect(ServiceEventErrors.UNKNOWN_POOL('resident slot', '理发').message).toBe(
      'this occurrence has no resident slot "理发"',
    );
    expect(ServiceEventErrors.POOL_BUSY().message).toBe('places in this pool kept changing; try again');
    const at = new Date('2026-12-09T01:05:00Z');
    expect(ServiceEventErrors.ALREADY_CHECKED_IN('s-1', at).message).toBe(
      'sign-up s-1 checked in at 2026-12-09T01:05:00.000Z',
    );
    expect(ServiceEventErrors.NOT_CONFIRMED('s-1', 'waitlisted').message).toBe(
      'sign-up s-1 is waitlisted; only confirmed participants check in',
    );
    expect(ServiceEventErrors.CHECK_IN_CLOSED('the occurrence has ended')).toMatchObject({
      status: 409,
      message: 'the occurrence has ended',
    });
  });
});

import { HoursErrors } from './hours-errors';

describe('HoursErrors', () => {
  it("a correction's refusals name the field they are about", () => {
    expect(HoursErrors.INVALID_HOURS()).toMatchObject({
      status: 422,
      code: 'INVALID_HOURS',
      message: 'hours must be a whole number of minutes',
      details: [{ field: 'hours', reason: 'not a whole number of minutes' }],
    });
    expect(HoursErrors.UNKNOWN_VOLUNTEER('erqi', 'v-1')).toMatchObject({
      message: 'volunteer v-1 is not in district erqi',
      details: [{ field: 'volunteerId', reason: 'unknown volunteer' }],
    });
    expect(HoursErrors.UNKNOWN_ENTRY('e-1', 'v-1')).toMatchObject({
      message: 'entry e-1 is not an entry of volunteer v-1',
      details: [{ field: 'correctsEntryId', reason: 'not an entry of this volunteer' }],
    });
    const refused = HoursErrors.CORRECTION_NOT_ALLOWED('a correction of 0 hours changes nothing');
    expect([refused.message, refused.details]).toEqual([
      'a correction of 0 hours changes nothing',
      [{ field: 'hours', reason: 'a correction of 0 hours changes nothing' }],
    ]);
  });
});

import { VolunteerErrors } from './volunteer-errors';

/** The messages clients and the integration specs read, word for word, for each way a code is raised. */
describe('VolunteerErrors', () => {
  it('UNKNOWN_SKILL: one skill named in the body, or the claims of a registration', () => {
    const one = VolunteerErrors.UNKNOWN_SKILL({ skill: 'juggling' });
    expect([one.status, one.code, one.message, one.details]).toEqual([
      422,
      'UNKNOWN_SKILL',
      'skill juggling is not in the skill catalogue',
      [{ field: 'skill', reason: 'unknown skill' }],
    ]);
    const claims = [
      { field: 'skills[0].skill', reason: 'unknown skill juggling' },
      { field: 'skills[2].skill', reason: 'unknown skill flying' },
    ];
    const many = VolunteerErrors.UNKNOWN_SKILL({ claims });
    expect([many.message, many.details]).toEqual([
      'unknown skill juggling, unknown skill flying: see GET /v1/skills',
      claims,
    ]);
  });

  it('INVALID_AVAILABILITY names every field; DUPLICATE_SKILL the one repeated', () => {
    const problems = [{ field: 'weekly[0]', reason: 'ends before it starts' }];
    expect(VolunteerErrors.INVALID_AVAILABILITY(problems)).toMatchObject({
      status: 422,
      message: 'weekly[0]: ends before it starts',
      details: problems,
    });
    expect(VolunteerErrors.DUPLICATE_SKILL('first-aid')).toMatchObject({
      message: 'skill first-aid is listed twice',
      details: [{ field: 'skills', reason: 'first-aid repeats' }],
    });
  });

  it('VOLUNTEER_NOT_FOUND is a 404, NO_CONSENT a 403', () => {
    const absent = VolunteerErrors.VOLUNTEER_NOT_FOUND('erqi', 'v-1');
    expect([absent.status, absent.message]).toEqual([404, 'volunteer v-1 does not exist in district erqi']);
    const refused = VolunteerErrors.NO_CONSENT('v-1');
    expect([refused.status, refused.message]).toEqual([403, 'volunteer v-1 did not agree to be contacted']);
  });
});

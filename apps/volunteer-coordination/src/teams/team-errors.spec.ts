import { TeamErrors } from './team-errors';

describe('TeamErrors', () => {
  it('keeps the wording of each code', () => {
    expect(TeamErrors.TEAM_NOT_FOUND('erqi', 't-1')).toMatchObject({
      status: 404,
      message: 'team t-1 does not exist in district erqi',
    });
    expect(TeamErrors.TEAM_EXISTS('erqi', '郑大2024级')).toMatchObject({
      status: 409,
      message: 'district erqi already has a team named 郑大2024级',
    });
    expect(TeamErrors.UNKNOWN_TEAM('erqi', 't-1')).toMatchObject({
      status: 422,
      message: 'team t-1 is not in district erqi',
      details: [{ field: 'teamId', reason: 'unknown team' }],
    });
  });
});

import { MatchingErrors } from './matching-errors';

describe('MatchingErrors', () => {
  it('INVALID_WINDOW: ends before it starts, crosses local midnight, or is over', () => {
    const backwards = MatchingErrors.INVALID_WINDOW({
      endsBeforeStart: { startsAt: '2026-12-05T10:00:00+08:00', endsAt: '2026-12-05T09:00:00+08:00' },
    });
    expect([backwards.status, backwards.code, backwards.message, backwards.details]).toEqual([
      422,
      'INVALID_WINDOW',
      'the window ends (2026-12-05T09:00:00+08:00) before it starts (2026-12-05T10:00:00+08:00)',
      [{ field: 'endsAt', reason: 'ends before it starts' }],
    ]);
    expect(MatchingErrors.INVALID_WINDOW({ notOneLocalDay: true })).toMatchObject({
      message: 'the window must fall on one local day (Asia/Shanghai): volunteers are available by the day',
      details: [{ field: 'endsAt', reason: 'after local midnight' }],
    });
    expect(MatchingErrors.INVALID_WINDOW({ over: true })).toMatchObject({
      message: 'the window is over already',
      details: [{ field: 'endsAt', reason: 'in the past' }],
    });
  });

  it('OFFER_NOT_FOUND, TASK_NOT_FOUND and ILLEGAL_TRANSITION keep their wording', () => {
    expect(MatchingErrors.OFFER_NOT_FOUND('erqi', 'o-1')).toMatchObject({
      status: 404,
      message: 'offer o-1 does not exist in district erqi',
    });
    expect(MatchingErrors.TASK_NOT_FOUND('erqi', 't-1')).toMatchObject({
      status: 404,
      message: 'task t-1 does not exist in district erqi',
    });
    expect(MatchingErrors.ILLEGAL_TRANSITION('accept', 'expired')).toMatchObject({
      status: 409,
      message: 'cannot accept an offer that is expired',
    });
  });
});

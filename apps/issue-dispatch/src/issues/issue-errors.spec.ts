import { IssueErrors } from './issue-errors';

/** The messages clients and the integration specs read, word for word, for each way a code is raised. */
describe('IssueErrors', () => {
  it('ISSUE_NOT_FOUND: one wording wherever an issue is missing', () => {
    const error = IssueErrors.ISSUE_NOT_FOUND('erqi', 'i-1');
    expect([error.status, error.code, error.message]).toEqual([
      404,
      'ISSUE_NOT_FOUND',
      'issue i-1 does not exist in district erqi',
    ]);
  });

  it('OUTSIDE_YOUR_GRID: reading an issue, or a case action held elsewhere', () => {
    expect(IssueErrors.OUTSIDE_YOUR_GRID('i-1').message).toBe('issue i-1 is outside the grids you lead or work in');
    const action = IssueErrors.OUTSIDE_YOUR_GRID('i-1', { who: 'holder', action: 'resolve', heldBy: 'the street g-1' });
    expect([action.status, action.message]).toEqual([403, 'only holder may resolve issue i-1, held by the street g-1']);
  });

  it('the case rule refusals and the escalation at the top', () => {
    const parked = IssueErrors.ISSUE_PARKED('i-1', 'the case is parked');
    expect([parked.status, parked.code, parked.message]).toEqual([
      409,
      'ISSUE_PARKED',
      'issue i-1: the case is parked',
    ]);
    expect(IssueErrors.ILLEGAL_TRANSITION('i-1', { nowhereHigher: true }).message).toBe(
      'issue i-1 is held by the city centre; there is nowhere higher to escalate it',
    );
    expect(IssueErrors.VERSION_CONFLICT('i-1', 3, 2).message).toBe(
      'issue i-1 is at version 3, not 2; reload it and try again',
    );
  });

  it('refusals about a field name it in the details', () => {
    const grid = IssueErrors.UNKNOWN_GRID('erqi', 'g-9');
    expect([grid.status, grid.message, grid.details]).toEqual([
      422,
      'grid g-9 is not in district erqi',
      [{ field: 'gridId', reason: 'unknown grid' }],
    ]);
    const extension = IssueErrors.INVALID_EXTENSION({ field: 'requestedDeadline', reason: 'must be in the future' });
    expect([extension.message, extension.details]).toEqual([
      'requestedDeadline must be in the future',
      [{ field: 'requestedDeadline', reason: 'must be in the future' }],
    ]);
  });
});

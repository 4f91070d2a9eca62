import { GridErrors } from './grid-errors';

describe('GridErrors', () => {
  it('UNKNOWN_GRID names the field the grid came in', () => {
    const unknown = GridErrors.UNKNOWN_GRID('erqi', 'g-9', 'homeGridId');
    expect([unknown.status, unknown.code, unknown.message, unknown.details]).toEqual([
      422,
      'UNKNOWN_GRID',
      'grid g-9 is not in district erqi',
      [{ field: 'homeGridId', reason: 'unknown grid' }],
    ]);
  });
});

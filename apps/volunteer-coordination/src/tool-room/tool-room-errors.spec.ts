import { lendRefusal } from './domain/tool-loan-rules';
import { ToolRoomErrors } from './tool-room-errors';

describe('ToolRoomErrors', () => {
  it("a lend refusal's code is an entry of the catalogue and its reason ends the message", () => {
    const refusal = lendRefusal({ condition: 'broken', currentLoanId: null })!;
    const broken = ToolRoomErrors[refusal.code]('tool-1', refusal.reason);
    expect([broken.status, broken.code, broken.message]).toEqual([
      409,
      'TOOL_BROKEN',
      'tool tool-1 cannot be lent: a broken tool is not lent until it is repaired',
    ]);
    expect(ToolRoomErrors.TOOL_ALREADY_LENT('tool-1', 'the tool is out on loan').message).toBe(
      'tool tool-1 cannot be lent: the tool is out on loan',
    );
  });

  it('keeps the wording and details of the other codes', () => {
    expect(ToolRoomErrors.TOOL_ROOM_NOT_FOUND('erqi', 'g-1').message).toBe('grid g-1 is not in district erqi');
    expect(ToolRoomErrors.NOT_A_COMMUNITY('g-1', 'street')).toMatchObject({
      status: 422,
      message: 'grid g-1 is a street; tool rooms belong to communities',
      details: [{ field: 'gridId', reason: 'not a community' }],
    });
    expect(ToolRoomErrors.INVALID_DUE_DATE('must be in the future')).toMatchObject({
      message: 'dueAt must be in the future',
      details: [{ field: 'dueAt', reason: 'must be in the future' }],
    });
    expect(ToolRoomErrors.ALREADY_RETURNED('l-1', new Date('2026-12-01T02:00:00Z')).message).toBe(
      'loan l-1 was returned at 2026-12-01T02:00:00.000Z',
    );
  });
});

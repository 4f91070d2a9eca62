import { dueAtProblem, lendRefusal, overdueReminderAt } from './tool-loan-rules';

const now = new Date('2025-12-01T02:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

describe('the tool room rules', () => {
  it('lends a tool in good or worn condition that is in the room', () => {
    expect(lendRefusal({ condition: 'good', currentLoanId: null })).toBeNull();
    expect(lendRefusal({ condition: 'worn', currentLoanId: null })).toBeNull();
  });

  it('refuses a tool that is out, and a broken one', () => {
    expect(lendRefusal({ condition: 'good', currentLoanId: 'loan-1' })?.code).toBe('TOOL_ALREADY_LENT');
    expect(lendRefusal({ condition: 'broken', currentLoanId: null })?.code).toBe('TOOL_BROKEN');
    expect(lendRefusal({ condition: 'broken', currentLoanId: 'loan-1' })?.code).toBe('TOOL_ALREADY_LENT');
  });

  it('wants a due time in the future and at most 30 days ahead', () => {
    expect(dueAtProblem(new Date(now.getTime() + DAY), now)).toBeNull();
    expect(dueAtProblem(new Date(now.getTime() + 30 * DAY), now)).toBeNull();
    expect(dueAtProblem(now, now)).toMatch(/future/);
    expect(dueAtProblem(new Date(now.getTime() - 1), now)).toMatch(/future/);
    expect(dueAtProblem(new Date(now.getTime() + 30 * DAY + 1), now)).toMatch(/30 days/);
    expect(dueAtProblem(new Date('nonsense'), now)).toMatch(/date-time/);
  });

  it('reminds at the due time, then once a day', () => {
    const due = new Date('2025-12-05T10:00:00Z');
    expect(overdueReminderAt(due, 1)).toEqual(due);
    expect(overdueReminderAt(due, 2)).toEqual(new Date('2025-12-06T10:00:00Z'));
    expect(overdueReminderAt(due, 8)).toEqual(new Date('2025-12-12T10:00:00Z'));
  });
});

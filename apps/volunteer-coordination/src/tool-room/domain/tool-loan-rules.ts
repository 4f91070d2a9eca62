/**
 * The rules of a community's shared tool room (共享工具房): a tool is lent to one person at a time, never while
 * broken, for at most 30 days; a loan that passes its due time is reminded about, then once a day until the
 * tool comes back.
 */
export type ToolCondition = 'good' | 'worn' | 'broken';

export interface LendableTool {
  readonly condition: ToolCondition;
  readonly currentLoanId: string | null;
}

export const MAX_LOAN_DAYS = 30;
export const OVERDUE_REMINDER_EVERY_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type LendRefusal = { readonly code: 'TOOL_ALREADY_LENT' | 'TOOL_BROKEN'; readonly reason: string };

/** Why the tool cannot be lent now, or null. Being out wins: it is the answer a borrower can act on (wait). */
export function lendRefusal(tool: LendableTool): LendRefusal | null {
  if (tool.currentLoanId !== null) return { code: 'TOOL_ALREADY_LENT', reason: 'the tool is out on loan' };
  if (tool.condition === 'broken')
    return { code: 'TOOL_BROKEN', reason: 'a broken tool is not lent until it is repaired' };
  return null;
}

/** What is wrong with a due time requested at `now`, or null. */
export function dueAtProblem(dueAt: Date, now: Date): string | null {
  if (Number.isNaN(dueAt.getTime())) return 'not a date-time';
  if (dueAt.getTime() <= now.getTime()) return 'must be in the future';
  if (dueAt.getTime() - now.getTime() > MAX_LOAN_DAYS * DAY_MS) return `at most ${MAX_LOAN_DAYS} days ahead`;
  return null;
}

/** When reminder number `n` (1, 2, …) of an overdue loan goes out: at the due time, then a day apart. */
export function overdueReminderAt(dueAt: Date, n: number): Date {
  return new Date(dueAt.getTime() + (n - 1) * OVERDUE_REMINDER_EVERY_MS);
}

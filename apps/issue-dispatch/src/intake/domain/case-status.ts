/**
 * Open311 knows two statuses; our case loop has many more, and the list grows (accepted, rejected, in progress,
 * resolved, verified, closed…). Only a finished case is `closed`: one closed after verification, or one the
 * dispatch centre rejected (invalid, duplicate, not ours). Every other state — including ones added later —
 * is still `open`, so a new state never makes a live case look finished.
 */
export type Open311Status = 'open' | 'closed';

export const CLOSED_STATES: readonly string[] = ['closed', 'rejected'];

export function open311StatusOf(state: string): Open311Status {
  return CLOSED_STATES.includes(state) ? 'closed' : 'open';
}

export interface CaseStatusFacts {
  readonly state: string;
  readonly holderLevel: string;
  readonly critical: boolean;
}

/** The detail behind open/closed, for Open311's `status_notes`: the real state and who holds the case. */
export function open311StatusNotes({ state, holderLevel, critical }: CaseStatusFacts): string {
  const held =
    open311StatusOf(state) === 'open' ? `; held at ${holderLevel === 'micro' ? 'micro-grid' : holderLevel} level` : '';
  return `${state}${held}${critical ? '; critical (escalated to the top)' : ''}`;
}

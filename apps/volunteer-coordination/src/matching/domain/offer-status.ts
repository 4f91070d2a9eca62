/**
 * The life of one offer to one volunteer. An offer that is declined or expires is closed and the
 * task moves on to the next candidate; an accepted offer is the volunteer's assignment, which they check in to,
 * check out of, and which is then completed (hours credited).
 */
export const offerStatuses = [
  'offered',
  'declined',
  'expired',
  'accepted',
  'checked-in',
  'checked-out',
  'completed',
] as const;
export type OfferStatus = (typeof offerStatuses)[number];

export type OfferAction = 'accept' | 'decline' | 'expire' | 'check-in' | 'check-out' | 'complete';

const transitions: Record<OfferAction, { from: OfferStatus; to: OfferStatus }> = {
  accept: { from: 'offered', to: 'accepted' },
  decline: { from: 'offered', to: 'declined' },
  expire: { from: 'offered', to: 'expired' },
  'check-in': { from: 'accepted', to: 'checked-in' },
  'check-out': { from: 'checked-in', to: 'checked-out' },
  complete: { from: 'checked-out', to: 'completed' },
};

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextOfferStatus(status: OfferStatus, action: OfferAction): OfferStatus | null {
  const rule = transitions[action];
  return rule.from === status ? rule.to : null;
}

/** Statuses that hold a place in the task (the volunteer said yes). */
export const assignedStatuses: readonly OfferStatus[] = ['accepted', 'checked-in', 'checked-out', 'completed'];
/** Statuses that count as a task for fairness and the weekly cap: waiting for an answer, or taken. */
export const loadStatuses: readonly OfferStatus[] = ['offered', ...assignedStatuses];

export interface TaskSlots {
  readonly needed: number;
  readonly assigned: number;
  readonly pending: number;
}

/** How many new offers to make now: one per place neither taken nor waiting for an answer. */
export function offersToMake({ needed, assigned, pending }: TaskSlots): number {
  return Math.max(0, needed - assigned - pending);
}

/** The task's state once the offers of a round are made: filled, still waiting, or nobody left to ask. */
export function taskStateAfter(slots: TaskSlots): 'filled' | 'open' | 'unfilled' {
  if (slots.assigned >= slots.needed) return 'filled';
  return slots.pending > 0 ? 'open' : 'unfilled';
}

import {
  type EventData,
  OfferDeclined,
  OfferExpired,
  TaskAccepted,
  TaskCheckedIn,
  TaskCheckedOut,
  TaskCompleted,
  TaskOffered,
  TaskUnmatched,
} from '@gridline/contracts';

/** What a volunteer (or the matcher) did for an issue, as the issue's history names it. */
export type VolunteerHistoryAction =
  | 'volunteer-offered'
  | 'volunteer-declined'
  | 'volunteer-offer-expired'
  | 'volunteer-accepted'
  | 'volunteer-checked-in'
  | 'volunteer-checked-out'
  | 'volunteer-completed'
  | 'volunteer-unavailable';

/** The volunteer-coordination events that become rows of an issue's history. */
export const volunteerHistoryEvents = [
  TaskOffered,
  TaskUnmatched,
  OfferDeclined,
  OfferExpired,
  TaskAccepted,
  TaskCheckedIn,
  TaskCheckedOut,
  TaskCompleted,
] as const;

/** One row to append: on which issue, what, by whom (a volunteer id or the matcher, never a name), why, and when. */
export interface VolunteerHistoryStep {
  readonly tenantId: string;
  readonly issueId: string;
  readonly action: VolunteerHistoryAction;
  readonly actor: string;
  readonly actorRole: 'volunteer' | 'system';
  readonly reason: string | null;
  readonly at: Date;
}

type OfferStep = EventData<typeof TaskAccepted>;

const offerStepActions: Record<string, VolunteerHistoryAction> = {
  [OfferDeclined.type]: 'volunteer-declined',
  [OfferExpired.type]: 'volunteer-offer-expired',
  [TaskAccepted.type]: 'volunteer-accepted',
  [TaskCheckedIn.type]: 'volunteer-checked-in',
  [TaskCheckedOut.type]: 'volunteer-checked-out',
  [TaskCompleted.type]: 'volunteer-completed',
};

const volunteer = (volunteerId: string) => ({ actor: `volunteer:${volunteerId}`, actorRole: 'volunteer' as const });

/**
 * Maps one event of the task-offers topic (already validated against the catalogue) to the history row it
 * adds to its issue, or null when it is not about an issue (a grid leader's direct request) or not a step the
 * history shows. The time is when it happened in volunteer-coordination, so the history reads in time order
 * even when this consumer lags behind. A decline's reason stays in volunteer-coordination, as it never leaves it.
 */
export function volunteerHistoryStep(type: string, data: unknown, eventTime: string): VolunteerHistoryStep | null {
  if (type === TaskOffered.type) {
    const d = data as EventData<typeof TaskOffered>;
    const until = d.expiresAt ? `; answer by ${d.expiresAt}` : '';
    return {
      tenantId: d.tenantId,
      issueId: d.issueId,
      action: 'volunteer-offered',
      ...volunteer(d.volunteerId),
      reason: `skill ${d.skill}, volunteer of grid ${d.matchedGridId}${until}`,
      at: new Date(d.offeredAt),
    };
  }
  if (type === TaskUnmatched.type) {
    const d = data as EventData<typeof TaskUnmatched>;
    const asked = d.asked === undefined ? '' : ` (${d.asked} asked)`;
    return {
      tenantId: d.tenantId,
      issueId: d.issueId,
      action: 'volunteer-unavailable',
      actor: 'system:matching',
      actorRole: 'system',
      reason: `no volunteer available with skill ${d.skill}${asked}`,
      at: new Date(eventTime),
    };
  }
  const action = offerStepActions[type];
  if (action === undefined) return null;
  const d = data as OfferStep;
  if (d.issueId === null) return null;
  const hours = type === TaskCompleted.type ? `${(data as EventData<typeof TaskCompleted>).hours} h credited` : null;
  return {
    tenantId: d.tenantId,
    issueId: d.issueId,
    action,
    ...volunteer(d.volunteerId),
    reason: hours,
    at: new Date(d.at),
  };
}

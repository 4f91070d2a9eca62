import type { CaseAction } from './case-state-machine';

/**
 * Who may move a case, decided from the caller's role grants and where the case sits in the grid tree. Pure:
 * the adapter supplies the holder grid's lineage from the replica.
 *
 * - `district-staff`: the district dispatch centre (dispatcher) and district administrators (and city admins).
 * - `holder-leader` / `holder-worker`: the leader or a worker of the grid holding the case.
 * - `ancestor-leader`: the leader of a grid above the holder — "one level up" for extensions, and a supervisor
 *   who may act for the grids below. Workers of ancestor grids are not included.
 * - `reporter`: the person who reported the case (by token subject).
 */
export type Capacity = 'district-staff' | 'holder-leader' | 'holder-worker' | 'ancestor-leader' | 'reporter';

export interface ActorGrants {
  readonly subject: string;
  readonly roles: readonly { readonly role: string; readonly grid?: string }[];
}

export interface CasePlace {
  /** The holder grid first, then its ancestors up to the street; empty when a dispatch centre holds the case. */
  readonly holderLineage: readonly string[];
  readonly reporterSubject: string | null;
}

/** The capacity a caller acts in, with the role and grid that gave it: written into the case history. */
export interface ActingAs {
  readonly capacity: Capacity;
  readonly role: string;
  readonly gridId: string | null;
}

const handlers: readonly Capacity[] = ['holder-leader', 'holder-worker', 'ancestor-leader', 'district-staff'];
const supervisors: readonly Capacity[] = ['holder-leader', 'ancestor-leader', 'district-staff'];

export const whoMay: Readonly<Record<CaseAction, readonly Capacity[]>> = {
  accept: ['district-staff'],
  reject: ['district-staff'],
  dispatch: ['district-staff'],
  acknowledge: handlers,
  'start-work': handlers,
  resolve: handlers,
  verify: ['reporter', 'district-staff'],
  'fail-verification': ['reporter', 'district-staff'],
  close: ['district-staff'],
  rate: ['reporter'],
  'request-extension': ['holder-leader', 'holder-worker'],
  'approve-extension': ['ancestor-leader', 'district-staff'],
  'deny-extension': ['ancestor-leader', 'district-staff'],
  return: handlers,
  escalate: handlers,
  reassign: supervisors,
  park: supervisors,
  unpark: supervisors,
};

const districtRoles = ['city-admin', 'district-admin', 'dispatcher'];

/** Every capacity the caller holds on this case, in order of precedence. */
export function capacitiesOf(actor: ActorGrants, place: CasePlace): ActingAs[] {
  const [holderGrid, ...ancestors] = place.holderLineage;
  const found: ActingAs[] = [];
  for (const grant of actor.roles) {
    if (districtRoles.includes(grant.role)) found.push({ capacity: 'district-staff', role: grant.role, gridId: null });
    if (grant.grid === undefined || grant.grid !== holderGrid) continue;
    if (grant.role === 'leader') found.push({ capacity: 'holder-leader', role: grant.role, gridId: grant.grid });
    if (grant.role === 'worker') found.push({ capacity: 'holder-worker', role: grant.role, gridId: grant.grid });
  }
  for (const grant of actor.roles) {
    if (grant.role === 'leader' && grant.grid !== undefined && ancestors.includes(grant.grid))
      found.push({ capacity: 'ancestor-leader', role: grant.role, gridId: grant.grid });
  }
  if (place.reporterSubject !== null && place.reporterSubject === actor.subject) {
    const role = actor.roles.find((grant) => grant.role === 'resident') ?? actor.roles[0];
    found.push({ capacity: 'reporter', role: role?.role ?? 'resident', gridId: role?.grid ?? null });
  }
  return found;
}

/** The capacity in which the caller may take `action`, preferring the one closest to the case; null if none. */
export function authorise(action: CaseAction, actor: ActorGrants, place: CasePlace): ActingAs | null {
  const allowed = whoMay[action];
  const held = capacitiesOf(actor, place);
  for (const capacity of allowed) {
    const match = held.find((h) => h.capacity === capacity);
    if (match) return match;
  }
  return null;
}

import type { HolderLevel } from '@gridline/contracts';
import { AckWindows, completeAckWindows } from './ack-policy';

/** Seconds each holder level has, from acknowledgement (or from taking over by escalation), to resolve a case. */
export type ResolveWindows = Readonly<Record<HolderLevel, number>>;

/** Used for any level a district's category policy does not name. */
export const defaultResolveWindows: ResolveWindows = {
  micro: 24 * 60 * 60,
  grid: 2 * 24 * 60 * 60,
  community: 3 * 24 * 60 * 60,
  street: 5 * 24 * 60 * 60,
  district: 7 * 24 * 60 * 60,
  city: 10 * 24 * 60 * 60,
};

export function completeResolveWindows(partial: Partial<Record<HolderLevel, number>>): ResolveWindows {
  return { ...defaultResolveWindows, ...partial };
}

export function resolveDeadline(windows: ResolveWindows, level: HolderLevel, from: Date): Date {
  return new Date(from.getTime() + windows[level] * 1000);
}

/** A category's windows frozen on a case at dispatch; later policy edits do not touch cases in flight. */
export interface PolicySnapshot {
  readonly ackWithinSeconds: AckWindows;
  /** Absent on cases dispatched before resolve windows existed (and by today's intake): see completeSnapshot. */
  readonly resolveWithinSeconds?: ResolveWindows;
}

export interface CategoryWindows {
  readonly ackWithinSeconds: Partial<Record<HolderLevel, number>>;
  readonly resolveWithinSeconds: Partial<Record<HolderLevel, number>>;
}

export function policySnapshotOf(category: CategoryWindows): Required<PolicySnapshot> {
  return {
    ackWithinSeconds: completeAckWindows(category.ackWithinSeconds),
    resolveWithinSeconds: completeResolveWindows(category.resolveWithinSeconds),
  };
}

/**
 * A snapshot with resolve windows: the case's own when it has them, otherwise taken from the category as it is
 * now (the first time the resolve clock starts) and frozen from then on.
 */
export function completeSnapshot(snapshot: PolicySnapshot, category: CategoryWindows | null): Required<PolicySnapshot> {
  if (snapshot.resolveWithinSeconds)
    return { ackWithinSeconds: snapshot.ackWithinSeconds, resolveWithinSeconds: snapshot.resolveWithinSeconds };
  return {
    ackWithinSeconds: snapshot.ackWithinSeconds,
    resolveWithinSeconds: completeResolveWindows(category?.resolveWithinSeconds ?? {}),
  };
}

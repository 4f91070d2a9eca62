import type { HolderLevel } from '@gridline/contracts';

/** Seconds each holder level has to acknowledge an issue of one category before it escalates. */
export type AckWindows = Readonly<Record<HolderLevel, number>>;

/** Used for any level a district's category policy does not name. */
export const defaultAckWindows: AckWindows = {
  micro: 30 * 60,
  grid: 60 * 60,
  community: 2 * 60 * 60,
  street: 4 * 60 * 60,
  district: 8 * 60 * 60,
  city: 24 * 60 * 60,
};

export function completeAckWindows(partial: Partial<Record<HolderLevel, number>>): AckWindows {
  return { ...defaultAckWindows, ...partial };
}

export function ackDeadline(windows: AckWindows, level: HolderLevel, from: Date): Date {
  return new Date(from.getTime() + windows[level] * 1000);
}

import type { AvailabilityException, WeeklyWindow } from './domain/availability';

/** Availability as a caller gives it: weekly windows and, optionally, one-off exceptions (checked before use). */
export interface AvailabilityInput {
  readonly weekly: readonly WeeklyWindow[];
  readonly exceptions?: readonly AvailabilityException[];
}

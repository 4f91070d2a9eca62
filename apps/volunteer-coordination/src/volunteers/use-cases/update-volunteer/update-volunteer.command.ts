import type { AvailabilityInput } from '../../availability.command';

/** What may change about a volunteer; a field left out stays as it is. */
export interface VolunteerChange {
  /** Replaces the weekly windows and exceptions. */
  readonly availability?: AvailabilityInput;
  readonly weeklyTaskCap?: number;
  readonly consentToContact?: boolean;
}

import type { volunteerKinds } from '@gridline/contracts';
import type { AvailabilityInput } from '../../availability.command';

/** A skill the volunteer claims; level 1-3 (default 1), with a certificate where the skill asks for one. */
export interface SkillClaimInput {
  readonly skill: string;
  readonly level?: number;
  readonly certificateId?: string;
  /** `YYYY-MM-DD` */
  readonly certificateExpiresOn?: string;
}

/** A volunteer to register, from whichever caller. */
export interface VolunteerRegistration {
  readonly name: string;
  readonly phone?: string;
  /** Default resident. */
  readonly kind?: (typeof volunteerKinds)[number];
  /** The grid (any level) the volunteer lives in; must be a grid of this district. */
  readonly homeGridId: string;
  readonly skills: readonly SkillClaimInput[];
  readonly availability?: AvailabilityInput;
  readonly weeklyTaskCap?: number;
  readonly consentToContact?: boolean;
  readonly teamId?: string;
  readonly accountSubject?: string;
}

export interface RegisterVolunteerCommand {
  readonly tenantId: string;
  readonly registration: VolunteerRegistration;
  readonly correlationId: string;
}

/** One skill a volunteer claims, at a level, possibly backed by a certificate that expires. */
export interface SkillClaim {
  readonly skill: string;
  /** 1 basic, 2 skilled, 3 expert. */
  readonly level: number;
  readonly certificateId: string | null;
  /** ISO date (YYYY-MM-DD, last valid day) or null when the certificate does not expire or there is none. */
  readonly certificateExpiresOn: string | null;
}

/** What a task asks of a helper's skill. */
export interface SkillNeed {
  readonly skill: string;
  readonly minLevel: number;
  /** When true, only a claim with a certificate that is still valid on `onDate` counts. */
  readonly certificateRequired: boolean;
}

/**
 * Does one of the claims meet the need on a local date (YYYY-MM-DD)? An expired certificate disqualifies the
 * claim even when the task does not require a certificate: the volunteer said the skill rests on it.
 */
export function meetsSkillNeed(claims: readonly SkillClaim[], need: SkillNeed, onDate: string): boolean {
  return claims.some((claim) => {
    if (claim.skill !== need.skill || claim.level < need.minLevel) return false;
    const expired = claim.certificateExpiresOn !== null && claim.certificateExpiresOn < onDate;
    if (expired) return false;
    return !need.certificateRequired || claim.certificateId !== null;
  });
}

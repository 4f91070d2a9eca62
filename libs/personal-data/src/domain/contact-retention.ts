/**
 * How long a contact (a reporter's name, phone and e-mail; a member's phone) is kept after the reason to hold it
 * ends — the case closes or is rejected, the membership ends. Pure rules; each service applies them to its own data.
 */
export const SECONDS_PER_DAY = 86_400;
/** Ten years: a longer period is a typo, not a policy. */
export const MAX_RETENTION_DAYS = 3_650;
export const MAX_RETENTION_SECONDS = MAX_RETENTION_DAYS * SECONDS_PER_DAY;
export const DEFAULT_RETENTION_DAYS = 180;

export type RetentionInput = { readonly contactRetentionDays?: number; readonly contactRetentionSeconds?: number };

export type RetentionDecision =
  | { readonly ok: true; readonly seconds: number }
  | { readonly ok: false; readonly field: string; readonly reason: string };

/**
 * A district's period, given in days (the normal case) or in seconds (exact periods, and tests that cannot wait a
 * day) — exactly one of the two. 0 means "erase as soon as the reason ends".
 */
export function retentionSecondsOf(input: RetentionInput): RetentionDecision {
  const { contactRetentionDays: days, contactRetentionSeconds: seconds } = input;
  if ((days === undefined) === (seconds === undefined)) {
    return {
      ok: false,
      field: 'contactRetentionDays',
      reason: 'give exactly one of contactRetentionDays or contactRetentionSeconds',
    };
  }
  if (days !== undefined) {
    if (!Number.isInteger(days) || days < 0 || days > MAX_RETENTION_DAYS)
      return {
        ok: false,
        field: 'contactRetentionDays',
        reason: `must be a whole number of days from 0 to ${MAX_RETENTION_DAYS}`,
      };
    return { ok: true, seconds: days * SECONDS_PER_DAY };
  }
  const s = seconds as number;
  if (!Number.isInteger(s) || s < 0 || s > MAX_RETENTION_SECONDS)
    return {
      ok: false,
      field: 'contactRetentionSeconds',
      reason: `must be a whole number of seconds from 0 to ${MAX_RETENTION_SECONDS}`,
    };
  return { ok: true, seconds: s };
}

/** When a contact held until `endedAt` must be gone. */
export function erasureDueAt(endedAt: Date, retentionSeconds: number): Date {
  return new Date(endedAt.getTime() + retentionSeconds * 1000);
}

/**
 * What an erasure timer finds when it fires. A timer is set for one ending of the reason to hold a contact (a case
 * finishing, a membership ending), identified by an instant; the record says which ending it is in now.
 */
export interface ErasureCheck {
  /** The ending the timer was set for. */
  readonly scheduledFor: Date;
  /** The ending the record shows now; null when it is active again (a reopened case, a re-activated member). */
  readonly currentlyFor: Date | null;
  readonly alreadyErased: boolean;
}

/**
 * A timer erases only the contact it was set for: the record must still be ended, by the same ending. A case or
 * membership that became active again (and maybe ended again later, with a timer of its own) keeps its contact.
 */
export function shouldErase(check: ErasureCheck): boolean {
  if (check.alreadyErased || check.currentlyFor === null) return false;
  return check.currentlyFor.getTime() === check.scheduledFor.getTime();
}

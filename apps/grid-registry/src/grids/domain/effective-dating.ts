/** A period of a grid's state: from `validFrom` (inclusive) to `validTo` (exclusive; null while current). */
export interface Period {
  readonly validFrom: Date;
  readonly validTo: Date | null;
}

/** Whether `at` falls in the period: validFrom <= at < validTo. */
export function coversInstant(period: Period, at: Date): boolean {
  return (
    period.validFrom.getTime() <= at.getTime() && (period.validTo === null || at.getTime() < period.validTo.getTime())
  );
}

/**
 * The version in force at `at`, or null before the first one. Periods of one grid do not overlap; should two ever
 * cover `at`, the one that started later wins (it was recorded as replacing the other).
 */
export function versionAsOf<V extends Period>(versions: readonly V[], at: Date): V | null {
  let found: V | null = null;
  for (const version of versions) {
    if (coversInstant(version, at) && (found === null || version.validFrom.getTime() > found.validFrom.getTime()))
      found = version;
  }
  return found;
}

export type EffectiveDateVerdict =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly code: 'EFFECTIVE_DATE_IN_FUTURE' | 'EFFECTIVE_DATE_TOO_EARLY';
      readonly reason: string;
    };

/**
 * A change may take effect now or be back-dated, but not into the future (nothing would apply it then) and not
 * before `earliest`: the latest start of the current periods it closes, so history stays one line per grid.
 */
export function checkEffectiveFrom(effectiveFrom: Date, now: Date, earliest: Date): EffectiveDateVerdict {
  if (effectiveFrom.getTime() > now.getTime()) {
    return {
      allowed: false,
      code: 'EFFECTIVE_DATE_IN_FUTURE',
      reason: `effectiveFrom ${effectiveFrom.toISOString()} is in the future; changes take effect now or back-dated`,
    };
  }
  if (effectiveFrom.getTime() < earliest.getTime()) {
    return {
      allowed: false,
      code: 'EFFECTIVE_DATE_TOO_EARLY',
      reason: `effectiveFrom ${effectiveFrom.toISOString()} is before the last change of the grids involved (${earliest.toISOString()})`,
    };
  }
  return { allowed: true };
}

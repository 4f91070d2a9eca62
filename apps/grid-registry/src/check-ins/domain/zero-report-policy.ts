import { type GridLevel, gridLevels } from '@gridline/contracts';
import { CutoffRule } from './cutoff';
import { canonicalTimeZone } from '@gridline/calendar';

/** The Erqi districts keep Beijing time; a district elsewhere (or a test) may set another IANA zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A district's zero-report settings: when the day's check-ins close, in which zone, and which levels owe one. */
export interface ZeroReportRule extends CutoffRule {
  readonly levels: readonly GridLevel[];
  readonly enabled: boolean;
}

export interface ZeroReportRuleInput {
  readonly cutoff: string;
  readonly timeZone?: string;
  readonly levels?: readonly GridLevel[];
  readonly enabled: boolean;
}

export type RuleVerdict =
  | { readonly ok: true; readonly rule: ZeroReportRule }
  | { readonly ok: false; readonly field: string; readonly reason: string };

/**
 * Fills the defaults (Asia/Shanghai, every level) and normalises what is stored: the zone's canonical IANA name
 * and the levels in tree order, so equal settings compare equal.
 */
export function zeroReportRuleFrom(input: ZeroReportRuleInput): RuleVerdict {
  const requested = input.timeZone ?? DEFAULT_TIME_ZONE;
  const timeZone = canonicalTimeZone(requested);
  if (timeZone === null)
    return {
      ok: false,
      field: 'timeZone',
      reason: `${requested} is not an IANA time zone this runtime knows (e.g. Asia/Shanghai)`,
    };
  const wanted = new Set(input.levels ?? gridLevels);
  const levels = gridLevels.filter((level) => wanted.has(level));
  return { ok: true, rule: { cutoff: input.cutoff, timeZone, levels, enabled: input.enabled } };
}

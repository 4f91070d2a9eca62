import type { GridLevel } from '@gridline/contracts';

/** A district's daily zero-report policy as requested; checked by the use case. */
export interface ZeroReportPolicyToSet {
  /** Local time (24 h, HH:mm) at which the day's check-ins close. */
  readonly cutoff: string;
  /** IANA time zone of the cut-off and of "today". */
  readonly timeZone?: string;
  /** Grid levels that must check in daily; default all. */
  readonly levels?: readonly GridLevel[];
  /** false: no cut-off runs and nothing is flagged missed; check-ins are still taken. */
  readonly enabled: boolean;
}

export interface SetZeroReportPolicyCommand {
  readonly tenantId: string;
  readonly policy: ZeroReportPolicyToSet;
  readonly now?: Date;
}

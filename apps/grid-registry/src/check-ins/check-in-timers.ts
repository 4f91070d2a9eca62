import type { CalendarDate } from '@gridline/calendar';

/** Durable-timer kind of a district's daily cut-off; the timer's aggregate id is the tenant id. */
export const CUTOFF_TIMER = 'zero-report.cutoff';

export interface CutoffTimerPayload {
  /** The local date whose check-ins this cut-off closes. */
  readonly date: CalendarDate;
  /** The policy version the timer was set for: a timer left over from an older policy does nothing. */
  readonly policyVersion: number;
}

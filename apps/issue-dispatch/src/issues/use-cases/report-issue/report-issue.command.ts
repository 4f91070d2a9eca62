import type { AccessRoute } from '@gridline/personal-data';
import type { Identity } from '@gridline/platform';
import type { IntakeDetails, IntakeSource } from '../../issue.entity';

/** Who reported, privately: never in events or public APIs; only the reporter and district staff read it. */
export interface ReporterContact {
  readonly name: string;
  readonly phone?: string;
  readonly email?: string;
}

/** WGS84 degrees, e.g. from a phone's GPS. */
export interface ReportedLocation {
  readonly lon: number;
  readonly lat: number;
}

/** A problem as reported, from whichever door (REST or Open311): where it is — a grid, an address or a point. */
export interface ReportedProblem {
  /** One of the district's categories. */
  readonly category: string;
  readonly gridId?: string;
  readonly address?: string;
  readonly location?: ReportedLocation;
  readonly description: string;
  readonly photoUrls?: readonly string[];
  /** `patrol` and `visit` are grid staff's own reports; default `resident`. */
  readonly channel?: 'resident' | 'patrol' | 'visit';
  readonly reporter: ReporterContact;
}

/**
 * Who will read the reporter's contact in the answer to this report, and which fields: the contact access log's
 * row for that answer commits with the issue, in the same transaction (ADR 0022), instead of in one of its own.
 */
export interface ContactShownInAnswer {
  readonly reader: Identity;
  readonly via: AccessRoute;
  readonly fields: readonly string[];
}

export interface ReportIssueCommand {
  readonly tenantId: string;
  readonly report: ReportedProblem;
  readonly correlationId: string;
  /** The token subject of whoever reports. */
  readonly reporterSubject: string;
  /** Where the report came in, when not through the REST API (an Open311 app and its extras). */
  readonly intake?: { readonly source: IntakeSource; readonly appId: string | null; readonly details: IntakeDetails };
  readonly contactShown?: ContactShownInAnswer;
}

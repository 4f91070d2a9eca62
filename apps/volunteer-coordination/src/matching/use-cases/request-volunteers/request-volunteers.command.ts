import type { Identity } from '@gridline/platform';

/** Volunteers asked for directly: how many, with which skill, where and when. */
export interface VolunteerRequest {
  /** A skill of the catalogue. */
  readonly skill: string;
  readonly count: number;
  /** The grid the help is for; a grid leader may ask for their grid or below. */
  readonly gridId: string;
  /** ISO 8601 date-time. */
  readonly startsAt: string;
  /** After startsAt, on the same local day. */
  readonly endsAt: string;
  /** Default 1. */
  readonly minLevel?: number;
  /** Default false. */
  readonly certificateRequired?: boolean;
  readonly note?: string;
}

export interface RequestVolunteersCommand {
  readonly tenantId: string;
  readonly request: VolunteerRequest;
  readonly identity: Identity;
  readonly correlationId: string;
}

import type { Identity } from '@gridline/platform';

/** A place asked for in an occurrence: a resident's slot or a volunteer's shift. */
export interface SignUpRequest {
  readonly role: 'resident' | 'volunteer';
  /** The slot's service or the shift's skill; may be left out when the occurrence has only one for the role. */
  readonly pool?: string;
  /** The volunteer signing up (role volunteer). */
  readonly volunteerId?: string;
}

export interface SignUpCommand {
  readonly tenantId: string;
  readonly occurrenceId: string;
  readonly request: SignUpRequest;
  readonly identity: Identity;
  readonly correlationId: string;
}

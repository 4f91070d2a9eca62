import type { MemberRole } from '@gridline/contracts';

/** A person to add to a grid in a role, from the HTTP body or a member import row. */
export interface MemberToAdd {
  readonly name: string;
  /** Private: kept in grid-registry and on the internal member-contacts topic only. */
  readonly phone?: string;
  readonly role: MemberRole;
  readonly note?: string;
}

export interface AddMemberCommand {
  readonly tenantId: string;
  readonly gridId: string;
  readonly member: MemberToAdd;
  readonly correlationId: string;
}

import { isPubliclyNamed, MemberContacts, MemberState } from '@gridline/contracts';
import { GridMember } from './grid-member.entity';

/** The public state of a member: no phone, and a name only for leaders and workers (see `publiclyNamedRoles`). */
export function toMemberState(member: GridMember): MemberState {
  return {
    memberId: member.id,
    tenantId: member.tenantId,
    gridId: member.gridId,
    role: member.role,
    ...(isPubliclyNamed(member.role) ? { name: member.name } : {}),
    active: member.endedAt === null,
    version: member.version,
  };
}

/**
 * The internal contact record: name and phone, for services that must call people. An ended membership keeps its
 * phone for the district's retention period; the record published when it is erased has none, and being the
 * latest for the member id it is what the compacted topic keeps.
 */
export function toMemberContacts(member: GridMember): MemberContacts {
  return {
    memberId: member.id,
    tenantId: member.tenantId,
    gridId: member.gridId,
    role: member.role,
    name: member.name,
    phone: member.phone,
    active: member.endedAt === null,
    version: member.version,
  };
}

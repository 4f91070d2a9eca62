import { hasRole, Identity } from '@gridline/platform';
import { Volunteer } from './volunteer.entity';

/**
 * A caller acting only as a resident may act on a volunteer's behalf only when they are that volunteer: their
 * token's subject is the account the volunteer registered with. Null when the caller is staff (their grid scope
 * decides instead).
 */
export function residentIsTheVolunteer(identity: Identity, volunteer: Volunteer | null): boolean | null {
  if (!(hasRole(identity, 'resident') && identity.roles.length === 1)) return null;
  return volunteer !== null && volunteer.accountSubject !== null && volunteer.accountSubject === identity.subject;
}

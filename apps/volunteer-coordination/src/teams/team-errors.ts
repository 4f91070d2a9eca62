import { HttpStatus } from '@nestjs/common';
import { errorCatalogue } from '@gridline/platform';

/** A district's teams, and a volunteer joining one. */
export const TeamErrors = errorCatalogue({
  TEAM_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the team does not exist in the district',
    message: (tenantId: string, teamId: string) => `team ${teamId} does not exist in district ${tenantId}`,
  },
  UNKNOWN_TEAM: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the team named in the body is not in the district',
    message: (tenantId: string, teamId: string) => ({
      message: `team ${teamId} is not in district ${tenantId}`,
      details: [{ field: 'teamId', reason: 'unknown team' }],
    }),
  },
  TEAM_EXISTS: {
    status: HttpStatus.CONFLICT,
    when: 'the district already has a team of that name',
    message: (tenantId: string, name: string) => `district ${tenantId} already has a team named ${name}`,
  },
});

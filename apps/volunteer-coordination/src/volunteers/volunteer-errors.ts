import { HttpStatus } from '@nestjs/common';
import { errorCatalogue, FieldProblem } from '@gridline/platform';

/** Volunteers, their skills (from the catalogue) and availability, and their contact. */
export const VolunteerErrors = errorCatalogue({
  VOLUNTEER_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the volunteer does not exist in the district (or, to a resident, is not themselves)',
    message: (tenantId: string, volunteerId: string) =>
      `volunteer ${volunteerId} does not exist in district ${tenantId}`,
  },
  NO_CONSENT: {
    status: HttpStatus.FORBIDDEN,
    when: 'the volunteer did not agree to be contacted',
    message: (volunteerId: string) => `volunteer ${volunteerId} did not agree to be contacted`,
  },
  UNKNOWN_SKILL: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'a skill is not in the skill catalogue (GET /v1/skills)',
    message: (unknown: { readonly skill: string } | { readonly claims: readonly FieldProblem[] }) =>
      'skill' in unknown
        ? {
            message: `skill ${unknown.skill} is not in the skill catalogue`,
            details: [{ field: 'skill', reason: 'unknown skill' }],
          }
        : {
            message: `${unknown.claims.map((u) => u.reason).join(', ')}: see GET /v1/skills`,
            details: unknown.claims,
          },
  },
  DUPLICATE_SKILL: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'a skill is listed twice',
    message: (repeated: string) => ({
      message: `skill ${repeated} is listed twice`,
      details: [{ field: 'skills', reason: `${repeated} repeats` }],
    }),
  },
  INVALID_AVAILABILITY: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'an availability window ends before it starts (details name each)',
    message: (problems: readonly FieldProblem[]) => ({
      message: problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
      details: problems,
    }),
  },
});

import { HttpStatus } from '@nestjs/common';
import { errorCatalogue, FieldProblem, PlatformErrors } from '@gridline/platform';

/** A case rule's refusal (domain/case-state-machine.ts): the issue, then the rule's reason. */
const caseRefusal = (issueId: string, reason: string) => `issue ${issueId}: ${reason}`;

/** Why a case action is not the caller's to take (domain/case-permissions.ts): who may, and the action. */
interface NotYours {
  readonly who: string;
  readonly action: string;
}

/** The issues' errors: reading an issue, reporting one, and every action of the case loop. */
export const IssueErrors = errorCatalogue({
  ISSUE_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the issue does not exist in the district (also what a resident sees for someone else’s report)',
    message: (tenantId: string, issueId: string) => `issue ${issueId} does not exist in district ${tenantId}`,
  },
  OUTSIDE_YOUR_GRID: {
    status: HttpStatus.FORBIDDEN,
    when: 'a grid leader or worker on an issue neither started in nor held by their grids, or on a case action only the holding grid (or one above it) may take',
    message: (issueId: string, notYours?: NotYours & { readonly heldBy: string }) =>
      notYours
        ? `only ${notYours.who} may ${notYours.action} issue ${issueId}, held by ${notYours.heldBy}`
        : `issue ${issueId} is outside the grids you lead or work in`,
  },
  FORBIDDEN_ROLE: {
    status: HttpStatus.FORBIDDEN,
    when: 'the caller lacks the role this needs, or the case action is not theirs to take where the case sits',
    message: (issueId: string, { who, action }: NotYours) => `only ${who} may ${action} issue ${issueId}`,
  },
  VERSION_CONFLICT: {
    status: HttpStatus.CONFLICT,
    when: 'the case changed since the version the caller saw (`expectedVersion`)',
    message: (issueId: string, version: number, expected: number) =>
      `issue ${issueId} is at version ${version}, not ${expected}; reload it and try again`,
  },
  ILLEGAL_TRANSITION: {
    status: HttpStatus.CONFLICT,
    when: 'the case is not in a state this action applies to (or there is nowhere higher to escalate it)',
    message: (issueId: string, reason: string | { readonly nowhereHigher: true }) =>
      typeof reason === 'string'
        ? caseRefusal(issueId, reason)
        : `issue ${issueId} is held by the city centre; there is nowhere higher to escalate it`,
  },
  ISSUE_PARKED: {
    status: HttpStatus.CONFLICT,
    when: 'the case is parked; only un-parking it is allowed',
    message: caseRefusal,
  },
  NOT_PARKED: {
    status: HttpStatus.CONFLICT,
    when: 'un-parking a case that is not parked',
    message: caseRefusal,
  },
  EXTENSION_PENDING: {
    status: HttpStatus.CONFLICT,
    when: 'an extension request is already waiting for a decision',
    message: caseRefusal,
  },
  NO_PENDING_EXTENSION: {
    status: HttpStatus.CONFLICT,
    when: 'there is no extension request to decide',
    message: caseRefusal,
  },
  ALREADY_RATED: {
    status: HttpStatus.CONFLICT,
    when: 'the case has already been rated; a rating is given once',
    message: caseRefusal,
  },
  UNKNOWN_CATEGORY: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the category is not defined for the district',
    message: (tenantId: string, category: string) => ({
      message: `category ${category} is not defined for district ${tenantId}`,
      details: [{ field: 'category', reason: 'unknown category' }],
    }),
  },
  UNKNOWN_GRID: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the grid named by `gridId` is not in the district',
    message: (tenantId: string, gridId: string) => ({
      message: `grid ${gridId} is not in district ${tenantId}`,
      details: [{ field: 'gridId', reason: 'unknown grid' }],
    }),
  },
  LOCATION_NOT_IN_DISTRICT: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the location lies within no grid boundary of the district',
    message: (tenantId: string, lon: number, lat: number) => ({
      message: `the location (${lon}, ${lat}) lies within no grid boundary of district ${tenantId}`,
      details: [{ field: 'location', reason: 'outside every grid boundary of this district' }],
    }),
  },
  INVALID_EXTENSION: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the deadline asked for is not later than the current one, not in the future, or too far off',
    message: (problem: FieldProblem) => ({ message: `requestedDeadline ${problem.reason}`, details: [problem] }),
  },
  UNKNOWN_ORIGINAL_ISSUE: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: '`duplicateOf` does not name another issue of the district',
    message: (tenantId: string, duplicateOf: string) => ({
      message: `issue ${duplicateOf} is not another issue of district ${tenantId}`,
      details: [{ field: 'duplicateOf', reason: 'not another issue of this district' }],
    }),
  },
});

/**
 * What every case action (issue-case.controller.ts, and acknowledge) may answer before its own refusals: the
 * action is not the caller's to take, the case is missing or moved on, or the state machine refuses the move.
 */
export const caseActionErrors = [
  PlatformErrors.VALIDATION_FAILED,
  PlatformErrors.FORBIDDEN_DISTRICT,
  IssueErrors.FORBIDDEN_ROLE,
  IssueErrors.OUTSIDE_YOUR_GRID,
  IssueErrors.ISSUE_NOT_FOUND,
  IssueErrors.VERSION_CONFLICT,
  IssueErrors.ILLEGAL_TRANSITION,
] as const;

/** What a route reading one issue may answer (IssuesReader, IssueAccess). */
export const issueReadErrors = [
  PlatformErrors.VALIDATION_FAILED,
  PlatformErrors.FORBIDDEN_ROLE,
  PlatformErrors.FORBIDDEN_DISTRICT,
  IssueErrors.OUTSIDE_YOUR_GRID,
  IssueErrors.ISSUE_NOT_FOUND,
] as const;

import { HttpStatus } from '@nestjs/common';
import { errorCatalogue, FieldProblem } from '@gridline/platform';
import { violatedUniqueConstraint } from '../database/unique-violation';

/** A grid as an error names it. */
interface NamedGrid {
  readonly name: string;
  readonly code: string;
}

/** A rule's refusal (a domain verdict): its reason is the message, and the field it is about the one detail. */
const refusal = ({ field, reason }: FieldProblem) => ({ message: reason, details: [{ field, reason }] });

/** How a name clash was found: by the checks (naming the parent), by the unique index, or in a tree change. */
type NameClash =
  | { readonly name: string; readonly parent: NamedGrid | null }
  | { readonly name: string; readonly underSameParent: true }
  | { readonly clash: string };

/** What raced with the request. */
type Race =
  { readonly districtChangedWhile: string; readonly nothingImported?: true } | { readonly leaderOfGrid: string };

/** The grid tree's errors: create, rename, move, retire, merge, split, leader, and reading grids. */
export const GridErrors = errorCatalogue({
  GRID_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the grid does not exist in the district (with `asOf`: did not exist then)',
    message: (tenantId: string, gridId: string, asOf?: Date) =>
      asOf
        ? `grid ${gridId} did not exist in district ${tenantId} at ${asOf.toISOString()}`
        : `grid ${gridId} does not exist in district ${tenantId}`,
  },
  UNKNOWN_GRID: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'a grid named in the body does not exist in the district',
    message: (tenantId: string, grids: string, detail: FieldProblem) => ({
      message: `grid ${grids} does not exist in district ${tenantId}`,
      details: [detail],
    }),
  },
  UNKNOWN_PARENT: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the parent grid does not exist in the district or is retired',
    message: (tenantId: string, parentId: string, retired: boolean, detail: FieldProblem) => ({
      message: `parent grid ${parentId} does not exist in district ${tenantId}${retired ? ' (it is retired)' : ''}`,
      details: [detail],
    }),
  },
  WRONG_LEVEL_UNDER_PARENT: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: "the grid's level does not belong under the parent (or a street has a parent)",
    message: refusal,
  },
  MOVE_WOULD_CREATE_CYCLE: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the new parent is the grid itself or one of its descendants',
    message: refusal,
  },
  GRID_RETIRED: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the grid (or a grid to merge) is retired',
    message: (retired: NamedGrid | FieldProblem) =>
      'reason' in retired
        ? refusal(retired)
        : `grid ${retired.name} (${retired.code}) is retired and can no longer change`,
  },
  GRID_HAS_CHILDREN: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the grid still has active child grids',
    message: (grid: NamedGrid, children: number) =>
      `grid ${grid.name} (${grid.code}) still has ${children} active child grid(s): move or retire them first`,
  },
  GRID_HAS_PLACES: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the grid still holds places',
    message: (grid: NamedGrid, places: number) =>
      `grid ${grid.name} (${grid.code}) still holds ${places} place(s): register them with another grid first`,
  },
  GRID_HAS_BOUNDARY: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the grid still has a boundary',
    message: (grid: NamedGrid) => `grid ${grid.name} (${grid.code}) still has a boundary: remove it first`,
  },
  MERGE_INTO_ITSELF: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the grid is among the grids to absorb',
    message: refusal,
  },
  MERGE_ACROSS_LEVELS: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'a grid to absorb is of another level',
    message: refusal,
  },
  MERGE_ACROSS_PARENTS: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'a grid to absorb has another parent',
    message: refusal,
  },
  MERGE_ACROSS_KINDS: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'a grid to absorb is of another dedicated kind',
    message: refusal,
  },
  BOUNDARY_REQUIRED: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: "the merged grids' boundaries are too large together: send a simplified `boundary`",
    message: (positions: number, max: number) => ({
      message: `the merged grids' boundaries have ${positions} positions together, more than ${max}: send a simplified merged \`boundary\` with the request`,
      details: [{ field: 'boundary', reason: 'required when the merged boundaries are too large together' }],
    }),
  },
  SPLIT_PLAN_INVALID: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the parts do not share out the grid (details name each problem)',
    message: (original: NamedGrid, problems: readonly FieldProblem[]) => {
      const more =
        problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
      return {
        message: `the split plan does not share out grid ${original.name} (${original.code}): ${problems[0].field}: ${problems[0].reason}${more}`,
        details: problems,
      };
    },
  },
  EFFECTIVE_DATE_IN_FUTURE: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: '`effectiveFrom` is in the future',
    message: refusal,
  },
  EFFECTIVE_DATE_TOO_EARLY: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: "`effectiveFrom` is before the grid's (or a grid involved's) last change",
    message: refusal,
  },
  DUPLICATE_GRID_NAME: {
    status: HttpStatus.CONFLICT,
    when: 'another active grid under the same parent (or another street) has the name',
    message: (clash: NameClash) => {
      if ('clash' in clash) return clash.clash;
      if ('underSameParent' in clash) return `a grid named ${clash.name} already exists under the same parent`;
      return clash.parent
        ? `grid ${clash.parent.name} (${clash.parent.code}) already has a child named ${clash.name}`
        : `the district already has a street named ${clash.name}`;
    },
  },
  ADDRESS_TAKEN: {
    status: HttpStatus.CONFLICT,
    when: 'an address is already held by another grid of the same level',
    message: (level: string, held?: { readonly tenantId: string; readonly details: readonly FieldProblem[] }) =>
      held
        ? {
            message: `an address is already held by another '${level}' grid of district ${held.tenantId}: ${held.details.map((d) => d.reason).join('; ')}`,
            details: held.details,
          }
        : `one of the addresses is already held by another '${level}' grid`,
  },
  GRID_CODE_SPACE_FULL: {
    status: HttpStatus.CONFLICT,
    when: 'the parent (or the district) has issued every code its level allows',
    message: (
      full:
        | { readonly holder: string; readonly holds: number; readonly level: string }
        | { readonly parent: NamedGrid; readonly issued: number; readonly level: string },
    ) =>
      'holder' in full
        ? `${full.holder} already holds ${full.holds} grids of level '${full.level}', the most its code allows`
        : `grid ${full.parent.name} (${full.parent.code}) has issued ${full.issued} codes of level '${full.level}', the most its code allows`,
  },
  CONCURRENT_CHANGE: {
    status: HttpStatus.CONFLICT,
    when: 'another request changed the district at the same time; nothing was changed, retry the request',
    message: (race: Race) =>
      'leaderOfGrid' in race
        ? `the leader of grid ${race.leaderOfGrid} changed meanwhile; retry the request`
        : `the district changed while ${race.districtChangedWhile}; ${race.nothingImported ? 'nothing was imported, retry the request' : 'retry the request'}`,
  },
});

/**
 * A unique violation that slipped past a tree change's own checks (a race with another writer) as the 409 the
 * checks give: a name clash under one parent, or any other constraint as a retryable CONCURRENT_CHANGE. Anything
 * else is returned as it was.
 */
export function treeChangeConflict(error: unknown, nameClash: string, change: string): unknown {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === null) return error;
  if (constraint === 'grids_name_under_parent_key') return GridErrors.DUPLICATE_GRID_NAME({ clash: nameClash });
  return GridErrors.CONCURRENT_CHANGE({ districtChangedWhile: change });
}

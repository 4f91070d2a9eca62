import { EntityManager, In, IsNull } from 'typeorm';
import { GridStateChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { maxSiblings } from './domain/grid-code';
import { nextUnusedGridCode, rewriteDescendantCodes } from './domain/grid-code-rewrite';
import { GridErrors } from './grid-errors';
import { highestIssuedCodes, recordGridVersion } from './grid-history';
import { Grid } from './grid.entity';
import { toGridState } from './grid-state';
import { Member } from './member.entity';

export interface Reparenting {
  /** The grid to put under `parent`, locked by the caller. */
  readonly grid: Grid;
  /** Its active descendants, locked, parents before children (lockActiveDescendants). */
  readonly descendants: readonly Grid[];
  readonly parent: Grid;
  readonly effectiveFrom: Date;
  readonly now: Date;
  readonly context: EventContext;
}

/**
 * Puts a grid under a new parent inside the caller's transaction, after the caller checked that it may go there:
 * the grid takes the next never-issued code under the parent, every descendant's code is rewritten to extend it,
 * and each grid touched gets a version, a history row from `effectiveFrom` and its new state on grid-state. Used
 * by a move, and by a merge or split for the child grids that change hands.
 */
export async function reparentWithDescendants(
  manager: EntityManager,
  outbox: Outbox,
  move: Reparenting,
): Promise<{ fromCode: string; toCode: string }> {
  const { grid, descendants, parent } = move;
  const code = nextUnusedGridCode(
    parent.code,
    grid.level,
    await highestIssuedCodes(manager, grid.tenantId, parent.code, grid.level),
  );
  if (code === null) {
    throw GridErrors.GRID_CODE_SPACE_FULL({ parent, issued: maxSiblings(grid.level), level: grid.level });
  }
  const recodes = new Map(
    rewriteDescendantCodes(
      grid.code,
      code,
      descendants.map((d) => ({ gridId: d.id, code: d.code })),
    ).map((recode) => [recode.gridId, recode.to]),
  );
  const leaders = await manager.findBy(Member, {
    tenantId: grid.tenantId,
    role: 'leader',
    endedAt: IsNull(),
    gridId: In([grid.id, ...descendants.map((d) => d.id)]),
  });
  const leaderOf = new Map(leaders.map((leader) => [leader.gridId, leader]));

  const fromCode = grid.code;
  grid.parentId = parent.id;
  await recode(manager, outbox, grid, code, move, leaderOf.get(grid.id) ?? null);
  for (const descendant of descendants)
    await recode(
      manager,
      outbox,
      descendant,
      recodes.get(descendant.id) as string,
      move,
      leaderOf.get(descendant.id) ?? null,
    );
  return { fromCode, toCode: code };
}

/** New code (and, for the moved grid, new parent): version +1, history row from `effectiveFrom`, state announced. */
async function recode(
  manager: EntityManager,
  outbox: Outbox,
  grid: Grid,
  code: string,
  { now, effectiveFrom, context }: Reparenting,
  leader: Member | null,
): Promise<void> {
  grid.code = code;
  grid.version += 1;
  grid.updatedAt = now;
  await manager.update(
    Grid,
    { tenantId: grid.tenantId, id: grid.id },
    { parentId: grid.parentId, code, version: grid.version, updatedAt: now },
  );
  await recordGridVersion(manager, grid, effectiveFrom);
  await outbox.add(manager, GridStateChanged, toGridState(grid, leader), context);
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { HolderLevel } from '@gridline/contracts';
import { GridReplica, GridTree } from '@gridline/grid-replica';
import { PlatformErrors } from '@gridline/platform';
import { BoardErrors } from '../../board-errors';
import { IssueFactState } from '../../../issues/domain/issue-facts';
import { boardItemOf, LevelCount, levelCountsOf } from '../../domain/escalation-board';
import { ListBoardCommand } from './list-board.command';
import type { BoardView } from './list-board.dto';

interface BoardRow {
  tenant_id: string;
  issue_id: string;
  category: string | null;
  state: IssueFactState;
  current_level: HolderLevel;
  current_grid_id: string | null;
  origin_grid_id: string | null;
  grid_name: string | null;
  origin_grid_name: string | null;
  escalation_depth: number;
  critical: boolean;
  parked: boolean;
  current_deadline: Date | null;
  reported_at: Date | null;
  dispatched_at: Date | null;
  holder_since: Date | null;
}

interface Where {
  readonly sql: string;
  readonly params: unknown[];
}

/** The time "overdue" is judged at, as a literal: an ISO string from a Date, so nothing can be injected through it. */
const timestampLiteral = (now: Date) => `'${now.toISOString()}'::timestamptz`;

/** What narrows the board as a whole, the per-level counts included: the district, a category, a grid's subtree. */
interface Scope {
  readonly tenantId: string | null;
  readonly category?: string;
  /** The grid asked for and every grid below it; a case matches when its holder or its origin is among them. */
  readonly gridIds?: readonly string[];
}

/** Open cases of the district (or the city) in the scope, matching the filters. */
function whereOf(scope: Scope, query: Pick<ListBoardCommand, 'level' | 'critical' | 'overdue'>, now: Date): Where {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const conditions = [`state NOT IN ('closed', 'rejected')`, 'current_level IS NOT NULL'];
  if (scope.tenantId !== null) conditions.push(`tenant_id = ${bind(scope.tenantId)}`);
  if (scope.category) conditions.push(`category = ${bind(scope.category)}`);
  if (scope.gridIds) {
    const grids = bind(scope.gridIds);
    conditions.push(`(current_grid_id = ANY(${grids}::text[]) OR origin_grid_id = ANY(${grids}::text[]))`);
  }
  if (query.level) conditions.push(`current_level = ${bind(query.level)}`);
  if (query.critical) conditions.push(query.critical === 'true' ? 'critical' : 'NOT critical');
  if (query.overdue === 'true') conditions.push(`current_deadline <= ${timestampLiteral(now)}`);
  if (query.overdue === 'false')
    conditions.push(`(current_deadline IS NULL OR current_deadline > ${timestampLiteral(now)})`);
  return { sql: conditions.join(' AND '), params };
}

const boardOrder =
  'critical DESC, current_deadline ASC NULLS LAST, COALESCE(reported_at, dispatched_at) ASC NULLS LAST, tenant_id, issue_id';

/**
 * The escalation board: open cases of one district (or, with no district, of the city) by holder level, most
 * urgent first, counted per level. Read straight from `issue_facts` through the partial board indexes. "Overdue
 * first, then by deadline" is the deadline order itself (every passed deadline sorts before every future one, and
 * a case without a clock is never overdue), so the order is the index's: critical, then deadline.
 */
@Injectable()
export class ListBoardUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
  ) {}

  /**
   * `withinGrids`: for a grid leader or worker, the grids they answer for — the board is then their subtrees only,
   * and a `gridId` outside them is a 403 (OUTSIDE_YOUR_GRID), not an empty board.
   */
  async execute(
    tenantId: string | null,
    query: ListBoardCommand,
    now = new Date(),
    withinGrids?: readonly string[],
  ): Promise<BoardView> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const board =
      withinGrids && tenantId !== null
        ? await this.gridStaffScope(tenantId, query, withinGrids)
        : await this.scopeOf(tenantId, query);
    const scope = whereOf(board, {}, now);
    const filtered = whereOf(board, query, now);
    // One snapshot for the three reads: counts, total and the page must describe the same moment, or a case folded in
    // between shows on the page but not in its level's count.
    const [levelRows, [{ total }], rows] = await this.dataSource.transaction(
      'REPEATABLE READ',
      async (manager) =>
        [
          await manager.query<LevelCount[]>(
            `SELECT current_level AS level, count(*)::int AS open, (count(*) FILTER (WHERE current_deadline <= ${timestampLiteral(now)}))::int AS overdue,
                (count(*) FILTER (WHERE critical))::int AS critical, (count(*) FILTER (WHERE parked))::int AS parked
           FROM issue_facts WHERE ${scope.sql} GROUP BY current_level`,
            scope.params,
          ),
          await manager.query<Array<{ total: number }>>(
            `SELECT count(*)::int AS total FROM issue_facts WHERE ${filtered.sql}`,
            filtered.params,
          ),
          // The page first (through the board index), then the names of its grids: at most `limit` look-ups by key.
          await manager.query<BoardRow[]>(
            `SELECT page.*, holder.name AS grid_name, origin.name AS origin_grid_name
           FROM (SELECT tenant_id, issue_id, category, state, current_level, current_grid_id, origin_grid_id, escalation_depth, critical, parked,
                        current_deadline, reported_at, dispatched_at, holder_since
                   FROM issue_facts WHERE ${filtered.sql}
                  ORDER BY ${boardOrder} LIMIT ${limit} OFFSET ${offset}) page
           LEFT JOIN grid_replica holder ON holder.grid_id = page.current_grid_id AND holder.tenant_id = page.tenant_id
           LEFT JOIN grid_replica origin ON origin.grid_id = page.origin_grid_id AND origin.tenant_id = page.tenant_id
          ORDER BY ${boardOrder}`,
            filtered.params,
          ),
        ] as const,
    );
    return {
      tenantId,
      asOf: now.toISOString(),
      levels: levelCountsOf(levelRows),
      total,
      limit,
      offset,
      items: rows.map((row) =>
        boardItemOf(
          {
            tenantId: row.tenant_id,
            issueId: row.issue_id,
            category: row.category,
            state: row.state,
            currentLevel: row.current_level,
            currentGridId: row.current_grid_id,
            originGridId: row.origin_grid_id,
            escalationDepth: row.escalation_depth,
            critical: row.critical,
            parked: row.parked,
            currentDeadline: row.current_deadline,
            reportedAt: row.reported_at,
            dispatchedAt: row.dispatched_at,
            holderSince: row.holder_since,
          },
          now,
          { gridName: row.grid_name, originGridName: row.origin_grid_name },
        ),
      ),
    };
  }

  /**
   * The board's scope. A grid narrows it to that grid's subtree; on the city board the grid also names its district.
   * A grid the district (or, for the city, any district) does not have is a 404 rather than an empty board, so a
   * mistyped or stale id is not mistaken for a quiet area.
   */
  private async gridStaffScope(
    tenantId: string,
    query: Pick<ListBoardCommand, 'category' | 'gridId'>,
    withinGrids: readonly string[],
  ): Promise<Scope> {
    const own = new Set((await Promise.all(withinGrids.map((gridId) => this.grids.subtree(tenantId, gridId)))).flat());
    if (!query.gridId) return { tenantId, category: query.category, gridIds: [...own] };
    const scope = await this.scopeOf(tenantId, query);
    if (!own.has(query.gridId)) throw PlatformErrors.OUTSIDE_YOUR_GRID(`grid ${query.gridId}`);
    return scope;
  }

  private async scopeOf(tenantId: string | null, query: Pick<ListBoardCommand, 'category' | 'gridId'>): Promise<Scope> {
    if (!query.gridId) return { tenantId, category: query.category };
    const grid =
      tenantId === null
        ? await this.dataSource.manager.findOneBy(GridReplica, { gridId: query.gridId })
        : await this.grids.grid(tenantId, query.gridId);
    if (!grid) throw BoardErrors.GRID_NOT_FOUND(query.gridId, tenantId);
    return {
      tenantId: grid.tenantId,
      category: query.category,
      gridIds: await this.grids.subtree(grid.tenantId, grid.gridId),
    };
  }
}

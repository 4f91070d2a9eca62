import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { GridSplit } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { dropRosterShifts, endMembershipRow } from '../../../members/membership-events';
import { boundaryFromRequest } from '../../../places/boundary-input';
import { dropBoundary, storeBoundary, ValidBoundary } from '../../../places/boundary-rows';
import { GridBoundary } from '../../../places/grid-boundary.entity';
import { LocationIndex } from '../../../places/location-index';
import { topPlaceIdsOf, transferPlaces } from '../../../places/place-transfer';
import { TenantErrors } from '../../../tenants/tenant-errors';
import { Tenant } from '../../../tenants/tenant.entity';
import { checkEffectiveFrom } from '../../domain/effective-dating';
import { checkSplitPlan } from '../../domain/grid-restructuring';
import { GridErrors, treeChangeConflict } from '../../grid-errors';
import { latestOpenPeriodStart } from '../../grid-history';
import { reparentWithDescendants } from '../../grid-reparenting';
import { retireGridRow } from '../../grid-retirement';
import { lockActiveDescendants } from '../../grid-subtree';
import { Grid } from '../../grid.entity';
import { GridView, toGridView } from '../../grid-view';
import { Member } from '../../member.entity';
import { CreateGridUseCase } from '../create-grid/create-grid.use-case';
import { SplitGridCommand } from './split-grid.command';
import { SplitGridView } from './split-grid.view';
import { MemberContactErasure } from '../../../members/member-contact-erasure';

/**
 * Splits a grid into new sibling grids (docs/adr/0017-splitting-and-merging-grids.md), in one transaction: the plan
 * must give each of its child grids, places and addresses to exactly one part (no orphans), and each part its own
 * boundary when the grid had one. The grid's memberships end and it retires; each part is created as a new grid
 * (new code, its own leader if given), takes its share — child grids re-coded as in a move, places with everything
 * inside them, address claims — and its boundary. Everything touched is announced, then GridSplit.
 *
 * New grids rather than a shrunken original: the history then says plainly that the old grid ended on that day
 * and which grids replaced it, so an issue reported before still belongs to the grid that held it then.
 */
@Injectable()
export class SplitGridUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly contactErasure: MemberContactErasure,
    private readonly index: LocationIndex,
    private readonly createGrid: CreateGridUseCase,
  ) {}

  async execute(command: SplitGridCommand): Promise<SplitGridView> {
    const boundaries = command.split.parts.map((part, index) =>
      part.boundary === undefined ? null : boundaryFromRequest(part.boundary, `parts[${index}].boundary`),
    );
    let view: SplitGridView;
    try {
      view = await this.dataSource.transaction((manager) => this.split(manager, command, boundaries));
    } catch (error) {
      throw treeChangeConflict(
        error,
        'a part has the name of another grid under the same parent',
        'the grid was being split',
      );
    }
    await this.index.refresh();
    return view;
  }

  private async split(
    manager: EntityManager,
    { tenantId, gridId, split, correlationId }: SplitGridCommand,
    boundaries: ReadonlyArray<ValidBoundary | null>,
  ): Promise<SplitGridView> {
    const tenant = await manager.findOne(Tenant, { where: { tenantId }, lock: { mode: 'pessimistic_write' } });
    if (!tenant) throw TenantErrors.TENANT_NOT_FOUND(tenantId);
    const original = await manager.findOne(Grid, {
      where: { tenantId, id: gridId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!original) throw GridErrors.GRID_NOT_FOUND(tenantId, gridId);
    if (original.status === 'retired') throw GridErrors.GRID_RETIRED(original);

    const children = await manager.find(Grid, {
      where: { tenantId, parentId: original.id, status: 'active' },
      order: { code: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const problems = checkSplitPlan(
      {
        childIds: children.map((child) => child.id),
        topPlaceIds: await topPlaceIdsOf(manager, tenantId, original.id),
        addresses: original.addresses,
        hasBoundary: await manager.existsBy(GridBoundary, { tenantId, gridId: original.id }),
      },
      split.parts.map((part, index) => ({
        name: part.name,
        childIds: part.childIds ?? [],
        placeIds: part.placeIds ?? [],
        addresses: part.addresses ?? [],
        hasBoundary: boundaries[index] !== null,
      })),
    );
    if (problems.length > 0) {
      throw GridErrors.SPLIT_PLAN_INVALID(original, problems);
    }

    const descendantsOf = new Map<string, Grid[]>();
    for (const child of children) descendantsOf.set(child.id, await lockActiveDescendants(manager, tenantId, child.id));
    const now = new Date();
    const effectiveFrom = split.effectiveFrom === undefined ? now : new Date(split.effectiveFrom);
    const involved = [original, ...children, ...[...descendantsOf.values()].flat()].map((grid) => grid.id);
    const dating = checkEffectiveFrom(
      effectiveFrom,
      now,
      await latestOpenPeriodStart(manager, tenantId, [...involved, ...(original.parentId ? [original.parentId] : [])]),
    );
    if (!dating.allowed) throw GridErrors[dating.code]({ field: 'effectiveFrom', reason: dating.reason });

    const context = EventContext.start(tenantId, correlationId);
    const memberships = await manager.findBy(Member, { tenantId, gridId: original.id, endedAt: IsNull() });
    for (const member of memberships)
      await endMembershipRow(manager, this.outbox, member, now, context, this.contactErasure);
    await dropRosterShifts(manager, this.outbox, tenantId, original.id, now, context);
    // Retiring first releases the name and the address claims the parts are about to take.
    await retireGridRow(manager, this.outbox, original, null, effectiveFrom, now, context);
    await dropBoundary(manager, this.outbox, original, context);

    const parts: GridView[] = [];
    let placesMoved = 0;
    for (const [index, part] of split.parts.entries()) {
      const created = await this.createGrid.createWithin(manager, {
        tenantId,
        grid: {
          level: original.level,
          parentId: original.parentId,
          name: part.name,
          dedicated: part.dedicated ?? original.dedicated ?? undefined,
          addresses: part.addresses,
          leader: part.leader,
        },
        correlationId,
        validFrom: effectiveFrom,
      });
      const grid = await manager.findOneOrFail(Grid, {
        where: { tenantId, id: created.gridId },
        lock: { mode: 'pessimistic_write' },
      });
      const boundary = boundaries[index];
      if (boundary) {
        grid.version += 1;
        grid.updatedAt = now;
        await manager.update(Grid, { tenantId, id: grid.id }, { version: grid.version, updatedAt: now });
        await storeBoundary(manager, this.outbox, grid, boundary, context);
      }
      for (const child of children.filter((c) => part.childIds?.includes(c.id))) {
        await reparentWithDescendants(manager, this.outbox, {
          grid: child,
          descendants: descendantsOf.get(child.id) ?? [],
          parent: grid,
          effectiveFrom,
          now,
          context,
        });
      }
      if (part.placeIds && part.placeIds.length > 0) {
        placesMoved += await transferPlaces(manager, this.outbox, {
          tenantId,
          fromGridId: original.id,
          toGridId: grid.id,
          placeIds: part.placeIds,
          now,
          context,
        });
      }
      parts.push({ ...created, version: grid.version });
    }

    await this.outbox.add(
      manager,
      GridSplit,
      {
        tenantId,
        gridId: original.id,
        level: original.level,
        code: original.code,
        partGridIds: parts.map((part) => part.gridId),
        childGridsMoved: children.length,
        placesMoved,
        membershipsEnded: memberships.length,
        effectiveFrom: effectiveFrom.toISOString(),
      },
      context,
    );
    return { split: toGridView(original, null), parts };
  }
}

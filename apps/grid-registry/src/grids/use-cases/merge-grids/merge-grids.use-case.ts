import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { GridsMerged, GridStateChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { bboxOf, BoundaryGeometry, polygonsOf } from '@gridline/location';
import { dropRosterShifts, endMembershipRow } from '../../../members/membership-events';
import { boundaryFromRequest } from '../../../places/boundary-input';
import { dropBoundary, storeBoundary, ValidBoundary } from '../../../places/boundary-rows';
import { GridBoundary } from '../../../places/grid-boundary.entity';
import { MAX_BOUNDARY_POSITIONS } from '../../../places/domain/polygon-validation';
import { LocationIndex } from '../../../places/location-index';
import { transferPlaces } from '../../../places/place-transfer';
import { TenantErrors } from '../../../tenants/tenant-errors';
import { Tenant } from '../../../tenants/tenant.entity';
import { checkEffectiveFrom } from '../../domain/effective-dating';
import { checkMerge } from '../../domain/grid-restructuring';
import { GridAddress } from '../../grid-address.entity';
import { GridErrors, treeChangeConflict } from '../../grid-errors';
import { latestOpenPeriodStart, recordGridVersion } from '../../grid-history';
import { reparentWithDescendants } from '../../grid-reparenting';
import { retireGridRow } from '../../grid-retirement';
import { lockActiveDescendants } from '../../grid-subtree';
import { Grid } from '../../grid.entity';
import { toGridState } from '../../grid-state';
import { GridView, toGridView } from '../../grid-view';
import { Member } from '../../member.entity';
import { MergeGridsCommand } from './merge-grids.command';
import { MemberContactErasure } from '../../../members/member-contact-erasure';

/**
 * Merges sibling grids into one (docs/adr/0017-splitting-and-merging-grids.md), in one transaction: the absorbed
 * grids' child grids move under the survivor (re-coded as in a move), their places and address claims go to it,
 * their area joins its boundary, their memberships end (people are re-appointed where they now belong), and each
 * absorbed grid retires. Every grid, place, boundary and membership touched is announced, then GridsMerged.
 *
 * The district row is locked first, as for every change of the tree's shape.
 */
@Injectable()
export class MergeGridsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly contactErasure: MemberContactErasure,
    private readonly index: LocationIndex,
  ) {}

  async execute(command: MergeGridsCommand): Promise<GridView> {
    const requested =
      command.merge.boundary === undefined ? null : boundaryFromRequest(command.merge.boundary, 'boundary');
    let view: GridView;
    try {
      view = await this.dataSource.transaction((manager) => this.merge(manager, command, requested));
    } catch (error) {
      throw treeChangeConflict(
        error,
        'two of the child grids being brought together have the same name: rename one first',
        'the grids were being merged',
      );
    }
    await this.index.refresh();
    return view;
  }

  private async merge(
    manager: EntityManager,
    { tenantId, gridId, merge, correlationId }: MergeGridsCommand,
    requested: ValidBoundary | null,
  ): Promise<GridView> {
    const tenant = await manager.findOne(Tenant, { where: { tenantId }, lock: { mode: 'pessimistic_write' } });
    if (!tenant) throw TenantErrors.TENANT_NOT_FOUND(tenantId);
    const survivor = await manager.findOne(Grid, {
      where: { tenantId, id: gridId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!survivor) throw GridErrors.GRID_NOT_FOUND(tenantId, gridId);
    const absorbed = await manager.find(Grid, {
      where: { tenantId, id: In(merge.absorbedGridIds) },
      order: { code: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const unknown = merge.absorbedGridIds.filter((id) => !absorbed.some((grid) => grid.id === id));
    if (unknown.length > 0) {
      throw GridErrors.UNKNOWN_GRID(tenantId, unknown.join(', '), {
        field: 'absorbedGridIds',
        reason: `unknown grid ${unknown.join(', ')}`,
      });
    }
    const verdict = checkMerge(survivor, absorbed);
    if (!verdict.allowed) throw GridErrors[verdict.code]({ field: 'absorbedGridIds', reason: verdict.reason });

    const children = await manager.find(Grid, {
      where: { tenantId, parentId: In(absorbed.map((g) => g.id)), status: 'active' },
      order: { code: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const descendantsOf = new Map<string, Grid[]>();
    for (const child of children) descendantsOf.set(child.id, await lockActiveDescendants(manager, tenantId, child.id));
    await this.refuseNameClashes(manager, survivor, children);

    const now = new Date();
    const effectiveFrom = merge.effectiveFrom === undefined ? now : new Date(merge.effectiveFrom);
    const involved = [survivor, ...absorbed, ...children, ...[...descendantsOf.values()].flat()].map((grid) => grid.id);
    const dating = checkEffectiveFrom(effectiveFrom, now, await latestOpenPeriodStart(manager, tenantId, involved));
    if (!dating.allowed) throw GridErrors[dating.code]({ field: 'effectiveFrom', reason: dating.reason });
    const boundary = requested ?? (await this.combinedBoundary(manager, survivor, absorbed));

    const context = EventContext.start(tenantId, correlationId);
    let membershipsEnded = 0;
    let placesMoved = 0;
    const addresses = [...survivor.addresses];
    for (const grid of absorbed) {
      for (const member of await manager.findBy(Member, { tenantId, gridId: grid.id, endedAt: IsNull() })) {
        await endMembershipRow(manager, this.outbox, member, now, context, this.contactErasure);
        membershipsEnded += 1;
      }
      await dropRosterShifts(manager, this.outbox, tenantId, grid.id, now, context);
      placesMoved += await transferPlaces(manager, this.outbox, {
        tenantId,
        fromGridId: grid.id,
        toGridId: survivor.id,
        placeIds: null,
        now,
        context,
      });
      // The claims change hands before the absorbed grid retires (retiring releases whatever it still claims).
      await manager.update(GridAddress, { tenantId, gridId: grid.id }, { gridId: survivor.id });
      addresses.push(...grid.addresses);
      await retireGridRow(manager, this.outbox, grid, null, effectiveFrom, now, context);
      await dropBoundary(manager, this.outbox, grid, context);
    }
    for (const child of children) {
      await reparentWithDescendants(manager, this.outbox, {
        grid: child,
        descendants: descendantsOf.get(child.id) ?? [],
        parent: survivor,
        effectiveFrom,
        now,
        context,
      });
    }

    survivor.addresses = addresses;
    survivor.version += 1;
    survivor.updatedAt = now;
    await manager.update(Grid, { tenantId, id: survivor.id }, { addresses, version: survivor.version, updatedAt: now });
    await recordGridVersion(manager, survivor, effectiveFrom);
    const leader = await manager.findOneBy(Member, {
      tenantId,
      gridId: survivor.id,
      role: 'leader',
      endedAt: IsNull(),
    });
    await this.outbox.add(manager, GridStateChanged, toGridState(survivor, leader), context);
    if (boundary) await storeBoundary(manager, this.outbox, survivor, boundary, context);

    await this.outbox.add(
      manager,
      GridsMerged,
      {
        tenantId,
        gridId: survivor.id,
        level: survivor.level,
        absorbedGridIds: absorbed.map((grid) => grid.id),
        childGridsMoved: children.length,
        placesMoved,
        membershipsEnded,
        effectiveFrom: effectiveFrom.toISOString(),
      },
      context,
    );
    return toGridView(survivor, leader);
  }

  /** Two grids of one name under one parent would be ambiguous: refuse before anything moves. */
  private async refuseNameClashes(manager: EntityManager, survivor: Grid, incoming: readonly Grid[]): Promise<void> {
    const present = await manager.findBy(Grid, {
      tenantId: survivor.tenantId,
      parentId: survivor.id,
      status: 'active',
    });
    const seen = new Set(present.map((grid) => grid.name));
    for (const child of incoming) {
      if (seen.has(child.name)) throw GridErrors.DUPLICATE_GRID_NAME({ name: child.name, parent: survivor });
      seen.add(child.name);
    }
  }

  /**
   * Without a boundary in the request, the merged grid covers what its parts covered: their polygons as one
   * MultiPolygon. Each part was validated when it was drawn; neighbours share edges, which a drawn MultiPolygon
   * may not, but a point on a shared edge resolves to the survivor either way. Null when no absorbed grid had a
   * boundary (the survivor's stays as it is).
   */
  private async combinedBoundary(
    manager: EntityManager,
    survivor: Grid,
    absorbed: readonly Grid[],
  ): Promise<ValidBoundary | null> {
    const rows = await manager.findBy(GridBoundary, {
      tenantId: survivor.tenantId,
      gridId: In([survivor.id, ...absorbed.map((grid) => grid.id)]),
    });
    if (!rows.some((row) => row.gridId !== survivor.id)) return null;
    const ordered = [...rows].sort((a, b) => (a.gridId === survivor.id ? -1 : b.gridId === survivor.id ? 1 : 0));
    const geometry: BoundaryGeometry = {
      type: 'MultiPolygon',
      coordinates: ordered.flatMap((row) => polygonsOf(row.geometry)),
    };
    const positions = ordered.reduce((sum, row) => sum + row.positions, 0);
    if (positions > MAX_BOUNDARY_POSITIONS) {
      throw GridErrors.BOUNDARY_REQUIRED(positions, MAX_BOUNDARY_POSITIONS);
    }
    return { geometry, bbox: bboxOf(geometry), positions };
  }
}

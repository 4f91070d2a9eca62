import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { GridCreated, GridStateChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { ApiError } from '@gridline/platform';
import { violatedUniqueConstraint } from '../../../database/unique-violation';
import { TenantErrors } from '../../../tenants/tenant-errors';
import { Tenant } from '../../../tenants/tenant.entity';
import { maxSiblings } from '../../domain/grid-code';
import { nextUnusedGridCode } from '../../domain/grid-code-rewrite';
import { checkPlacement } from '../../domain/grid-tree-rules';
import { GridAddress } from '../../grid-address.entity';
import { GridErrors } from '../../grid-errors';
import { highestIssuedCodes, recordGridVersion } from '../../grid-history';
import { Grid } from '../../grid.entity';
import { toGridState } from '../../grid-state';
import { GridView, toGridView } from '../../grid-view';
import { Member } from '../../member.entity';
import { announceMembership } from '../../../members/membership-events';
import { CreateGridCommand } from './create-grid.command';

/**
 * Adds a grid to a district's tree: placement rules, hierarchical code, address claims, leader and the
 * GridStateChanged event all commit in one transaction or not at all.
 *
 * The parent row (the tenant row for a street) is locked first, so creations under one parent run one after
 * another: the sibling count that numbers the code and the unique-name check cannot race. UNIQUE(tenant_id,
 * code), the unique name index and the address claims' primary key back this up in the database.
 */
@Injectable()
export class CreateGridUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(command: CreateGridCommand): Promise<GridView> {
    try {
      return await this.dataSource.transaction((manager) => this.createWithin(manager, command));
    } catch (error) {
      throw this.conflictFrom(error, command) ?? error;
    }
  }

  /**
   * The creation itself inside the caller's transaction, so a bulk import creates each of its grids exactly as
   * this endpoint does (same checks, code, history row and event) and commits them all or none.
   */
  async createWithin(
    manager: EntityManager,
    { tenantId, grid: wanted, correlationId, validFrom }: CreateGridCommand,
  ): Promise<GridView> {
    const parentId = wanted.parentId ?? null;
    const tenant = await manager.findOne(Tenant, {
      where: { tenantId },
      ...(parentId === null ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!tenant) throw TenantErrors.TENANT_NOT_FOUND(tenantId);

    let parent: Grid | null = null;
    if (parentId !== null) {
      parent = await manager.findOne(Grid, { where: { tenantId, id: parentId }, lock: { mode: 'pessimistic_write' } });
      if (!parent || parent.status === 'retired') {
        throw GridErrors.UNKNOWN_PARENT(tenantId, parentId, parent !== null, {
          field: 'parentId',
          reason: 'unknown grid in this district',
        });
      }
    }
    const placement = checkPlacement(wanted.level, parent?.level ?? null);
    if (!placement.allowed) {
      throw GridErrors.WRONG_LEVEL_UNDER_PARENT({ field: parent ? 'level' : 'parentId', reason: placement.reason });
    }

    const siblingsParent = parentId ?? IsNull();
    if (await manager.existsBy(Grid, { tenantId, parentId: siblingsParent, name: wanted.name, status: 'active' })) {
      throw this.duplicateName(wanted.name, parent);
    }
    // Numbering continues after the highest code ever issued under the parent, so codes freed by a move are never reused.
    const baseCode = parent?.code ?? tenant.divisionCode;
    const code = nextUnusedGridCode(
      baseCode,
      wanted.level,
      await highestIssuedCodes(manager, tenantId, baseCode, wanted.level),
    );
    if (code === null) {
      const holder = parent ? `grid ${parent.name} (${parent.code})` : `district ${tenantId}`;
      throw GridErrors.GRID_CODE_SPACE_FULL({ holder, holds: maxSiblings(wanted.level), level: wanted.level });
    }

    const now = new Date();
    const grid = manager.create(Grid, {
      id: randomUUID(),
      tenantId,
      parentId,
      level: wanted.level,
      code,
      name: wanted.name,
      dedicated: wanted.dedicated ?? null,
      addresses: [...(wanted.addresses ?? [])],
      version: 1,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    });
    await manager.insert(Grid, grid);
    await recordGridVersion(manager, grid, validFrom ?? now);
    await this.claimAddresses(manager, grid);

    const context = EventContext.start(tenantId, correlationId);
    let leader: Member | null = null;
    if (wanted.leader) {
      leader = manager.create(Member, {
        id: randomUUID(),
        tenantId,
        gridId: grid.id,
        name: wanted.leader.name,
        phone: wanted.leader.phone ?? null,
        role: 'leader',
        note: null,
        version: 1,
        createdAt: now,
        endedAt: null,
      });
      await manager.insert(Member, leader);
      await announceMembership(manager, this.outbox, leader, context);
    }

    await this.outbox.add(manager, GridStateChanged, toGridState(grid, leader), context);
    await this.outbox.add(
      manager,
      GridCreated,
      {
        tenantId,
        gridId: grid.id,
        level: grid.level,
        parentId,
        code,
        dedicated: grid.dedicated,
        effectiveFrom: (validFrom ?? now).toISOString(),
      },
      context,
    );
    return toGridView(grid, leader);
  }

  /**
   * Claims each address for this grid at its level. A claim held by another grid is skipped (ON CONFLICT DO
   * NOTHING waits for a concurrent claimant to commit first), and any skipped claim fails the whole request.
   */
  private async claimAddresses(manager: EntityManager, grid: Grid): Promise<void> {
    if (grid.addresses.length === 0) return;
    const claims = grid.addresses.map((address) => ({
      tenantId: grid.tenantId,
      level: grid.level,
      address,
      gridId: grid.id,
    }));
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(GridAddress)
      .values(claims)
      .orIgnore()
      .returning('address')
      .execute();
    const claimed = new Set((result.raw as Array<{ address: string }>).map((row) => row.address));
    const taken = grid.addresses.filter((address) => !claimed.has(address));
    if (taken.length === 0) return;

    const holders = await manager.findBy(GridAddress, {
      tenantId: grid.tenantId,
      level: grid.level,
      address: In(taken),
    });
    const holderGrids = await manager.findBy(Grid, { tenantId: grid.tenantId, id: In(holders.map((h) => h.gridId)) });
    const nameOf = new Map(holderGrids.map((g) => [g.id, `${g.name} (${g.code})`]));
    const details = holders.map((h) => ({
      field: 'addresses',
      reason: `${h.address} is held by ${nameOf.get(h.gridId) ?? h.gridId}`,
    }));
    throw GridErrors.ADDRESS_TAKEN(grid.level, { tenantId: grid.tenantId, details });
  }

  private duplicateName(name: string, parent: Grid | null): ApiError {
    return GridErrors.DUPLICATE_GRID_NAME({ name, parent });
  }

  /** Turns a unique violation that slipped past the checks above (a race) into the same 409 the checks give. */
  private conflictFrom(error: unknown, { grid: wanted }: CreateGridCommand): ApiError | null {
    switch (violatedUniqueConstraint(error)) {
      case null:
        return null;
      case 'grids_name_under_parent_key':
        return GridErrors.DUPLICATE_GRID_NAME({ name: wanted.name, underSameParent: true });
      case 'grid_addresses_pkey':
        return GridErrors.ADDRESS_TAKEN(wanted.level);
      default:
        return GridErrors.CONCURRENT_CHANGE({ districtChangedWhile: 'the grid was being created' });
    }
  }
}

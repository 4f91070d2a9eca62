import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PlaceStateChanged } from '@gridline/contracts';
import { geometryContains, normaliseAddress } from '@gridline/location';
import { EventContext, Outbox } from '@gridline/messaging';
import { ApiError, ValidationFailedError } from '@gridline/platform';
import { violatedUniqueConstraint } from '../../../database/unique-violation';
import { GridErrors } from '../../../grids/grid-errors';
import { Grid } from '../../../grids/grid.entity';
import { checkPlaceParent } from '../../domain/place-hierarchy';
import { GridBoundary } from '../../grid-boundary.entity';
import { gridSummaryOf } from '../../grid-summary';
import { LocationIndex } from '../../location-index';
import { PlaceErrors } from '../../place-errors';
import { Place } from '../../place.entity';
import { toPlaceState } from '../../place-state';
import { PlaceView, toPlaceView } from '../../place-view';
import { PlaceToRegister, RegisterPlaceCommand } from './register-place.command';
import { requireDistrict } from '../../../tenants/require-district';

export interface RegisteredPlace {
  readonly place: Place;
  readonly grid: Grid;
}

/**
 * Registers a courtyard, building, stairwell or point of interest with the grid responsible for it. The grid
 * row is share-locked, so its boundary cannot be redrawn between the point check and the commit. The address is
 * normalised and unique in the district (a unique index backs the check); PlaceStateChanged commits with the row.
 */
@Injectable()
export class RegisterPlaceUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly index: LocationIndex,
  ) {}

  async execute(command: RegisterPlaceCommand): Promise<PlaceView> {
    const registered = await this.dataSource.transaction((manager) => this.registerWithin(manager, command));
    this.remember(registered);
    return toPlaceView(registered.place);
  }

  /** After the commit: this replica's resolve index knows the place at once (read-your-writes). */
  remember({ place, grid }: RegisteredPlace): void {
    this.index.resolver.putGrid(gridSummaryOf(grid), grid.version);
    this.index.resolver.putPlace({
      placeId: place.id,
      tenantId: place.tenantId,
      gridId: place.gridId,
      address: place.address,
    });
  }

  /**
   * The registration itself inside the caller's transaction, so a bulk import registers each of its places
   * exactly as this endpoint does (same rules, same event) and commits them all or none. The caller brings the
   * resolve index up to date after its commit.
   */
  async registerWithin(
    manager: EntityManager,
    { tenantId, place: toRegister, correlationId }: RegisterPlaceCommand,
  ): Promise<RegisteredPlace> {
    const address = normaliseAddress(toRegister.address);
    if (address.length === 0)
      throw new ValidationFailedError([{ field: 'address', reason: 'address must contain more than white space' }]);
    try {
      return await this.register(manager, tenantId, toRegister, address, correlationId);
    } catch (error) {
      if (violatedUniqueConstraint(error) === 'places_address_key') throw this.addressTaken(address, null);
      throw error;
    }
  }

  private async register(
    manager: EntityManager,
    tenantId: string,
    toRegister: PlaceToRegister,
    address: string,
    correlationId: string,
  ): Promise<{ place: Place; grid: Grid }> {
    await requireDistrict(manager, tenantId);
    const grid = await manager.findOne(Grid, {
      where: { tenantId, id: toRegister.gridId },
      lock: { mode: 'pessimistic_read' },
    });
    if (!grid) {
      throw GridErrors.UNKNOWN_GRID(tenantId, toRegister.gridId, {
        field: 'gridId',
        reason: 'unknown grid in this district',
      });
    }
    const parentPlaceId = toRegister.parentPlaceId ?? null;
    if (parentPlaceId !== null) {
      const parent = await manager.findOneBy(Place, { tenantId, id: parentPlaceId });
      if (!parent) {
        throw PlaceErrors.UNKNOWN_PARENT_PLACE(tenantId, parentPlaceId);
      }
      const verdict = checkPlaceParent(toRegister.kind, parent.kind);
      if (!verdict.allowed) throw PlaceErrors.WRONG_PLACE_KIND_UNDER_PARENT(verdict.reason);
    }
    if (toRegister.point) {
      const boundary = await manager.findOneBy(GridBoundary, { tenantId, gridId: grid.id });
      if (boundary && !geometryContains(boundary.geometry, toRegister.point.lon, toRegister.point.lat)) {
        throw PlaceErrors.POINT_OUTSIDE_GRID(toRegister.point, grid);
      }
    }

    const now = new Date();
    const place = manager.create(Place, {
      id: randomUUID(),
      tenantId,
      gridId: grid.id,
      parentPlaceId,
      kind: toRegister.kind,
      name: toRegister.name,
      address,
      lon: toRegister.point?.lon ?? null,
      lat: toRegister.point?.lat ?? null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Place)
      .values(place)
      .orIgnore()
      .returning('id')
      .execute();
    if ((inserted.raw as unknown[]).length === 0)
      throw this.addressTaken(address, await manager.findOneBy(Place, { tenantId, address }));
    await this.outbox.add(manager, PlaceStateChanged, toPlaceState(place), EventContext.start(tenantId, correlationId));
    return { place, grid };
  }

  private addressTaken(address: string, holder: Place | null): ApiError {
    return PlaceErrors.ADDRESS_TAKEN(address, holder);
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { type BoundaryGeometry, normaliseAddress } from '@gridline/location';
import { Grid } from '../grids/grid.entity';
import { GridBoundary } from '../places/grid-boundary.entity';
import { Place } from '../places/place.entity';
import type { PlaceToRegister } from '../places/use-cases/register-place/register-place.command';
import { RegisteredPlace, RegisterPlaceUseCase } from '../places/use-cases/register-place/register-place.use-case';
import type { PlaceImportContext, PlaceRowInput, PlannedPlace } from './domain/place-import-plan';
import { onLine } from './import-apply';
import type { ImportedPlaceView } from './import-result.view';

export interface AppliedPlaces {
  readonly views: ImportedPlaceView[];
  readonly registered: RegisteredPlace[];
}

/**
 * The place rows of an import (CSV lines or GeoJSON Point features): what the district holds for them, and
 * registering them one by one through RegisterPlaceUseCase.registerWithin — the code of POST /places — inside
 * the import's transaction.
 */
@Injectable()
export class PlaceImporter {
  constructor(private readonly registerPlace: RegisterPlaceUseCase) {}

  /**
   * The district's active grids, the places the rows' addresses and parent refs name, and the boundaries of the
   * rows' grids — overridden by `newBoundaries` (a GeoJSON file sets boundaries before registering places).
   */
  async context(
    manager: EntityManager,
    tenantId: string,
    rows: readonly PlaceRowInput[],
    newBoundaries: ReadonlyMap<string, BoundaryGeometry> = new Map(),
  ): Promise<PlaceImportContext> {
    const grids = await manager.find(Grid, {
      select: { id: true, code: true, name: true },
      where: { tenantId, status: 'active' },
    });
    const gridsByCode = new Map(grids.map((g) => [g.code, g]));
    const addresses = [
      ...new Set(
        rows
          .flatMap((row) => [row.address, row.parentRef])
          .filter((a) => a !== '')
          .map(normaliseAddress),
      ),
    ];
    const places = addresses.length === 0 ? [] : await manager.findBy(Place, { tenantId, address: In(addresses) });
    const gridIds = [
      ...new Set(rows.map((row) => gridsByCode.get(row.gridCode)?.id).filter((id): id is string => id !== undefined)),
    ];
    const boundaries =
      gridIds.length === 0 ? [] : await manager.findBy(GridBoundary, { tenantId, gridId: In(gridIds) });
    const boundaryOf = new Map<string, BoundaryGeometry>(boundaries.map((b) => [b.gridId, b.geometry]));
    for (const [gridId, geometry] of newBoundaries) boundaryOf.set(gridId, geometry);
    return {
      gridsByCode,
      gridsById: new Map(grids.map((g) => [g.id, g])),
      placesByAddress: new Map(places.map((p) => [p.address, p])),
      boundaryOf: (gridId) => boundaryOf.get(gridId) ?? null,
    };
  }

  /**
   * Registers the planned places, parents first, in the caller's transaction; calls `advanced` after each row.
   * The places' `updated_at` is moved to the end of the transaction, so other replicas' resolve index (which
   * reads rows changed in the last seconds) sees them even when the import ran for longer than that.
   */
  async apply(
    manager: EntityManager,
    tenantId: string,
    planned: readonly PlannedPlace[],
    correlationId: string,
    advanced: () => void,
  ): Promise<AppliedPlaces> {
    const idOfRef = new Map<string, string>();
    const views: ImportedPlaceView[] = [];
    const created: RegisteredPlace[] = [];
    for (const row of planned) {
      let placeId: string;
      if (row.action.kind === 'unchanged') {
        placeId = row.action.placeId;
      } else {
        const parentPlaceId =
          row.parent === null
            ? undefined
            : row.parent.kind === 'place'
              ? row.parent.placeId
              : idOfRef.get(row.parent.ref)!;
        const place: PlaceToRegister = {
          kind: row.kind,
          name: row.name,
          address: row.address,
          gridId: row.gridId,
          ...(parentPlaceId === undefined ? {} : { parentPlaceId }),
          ...(row.point === null ? {} : { point: { lon: row.point.lon, lat: row.point.lat } }),
        };
        const registered = await onLine(row.line, row.ref || row.address, () =>
          this.registerPlace.registerWithin(manager, { tenantId, place, correlationId }),
        );
        created.push(registered);
        placeId = registered.place.id;
      }
      if (row.ref !== '') idOfRef.set(row.ref, placeId);
      views.push({
        line: row.line,
        ref: row.ref,
        action: row.action.kind === 'create' ? 'created' : 'unchanged',
        placeId,
        address: row.address,
      });
      advanced();
    }
    if (created.length > 0) {
      await manager.query(
        'UPDATE places SET updated_at = clock_timestamp() WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
        [tenantId, created.map((r) => r.place.id)],
      );
    }
    return { views, registered: created };
  }

  /** After the commit: this replica's resolve index knows the new places at once, as after POST /places. */
  remember(registered: readonly RegisteredPlace[]): void {
    for (const place of registered) this.registerPlace.remember(place);
  }

  dryRunViews(planned: readonly PlannedPlace[]): ImportedPlaceView[] {
    return planned.map((row) => ({
      line: row.line,
      ref: row.ref,
      action: row.action.kind === 'create' ? 'created' : 'unchanged',
      placeId: row.action.kind === 'unchanged' ? row.action.placeId : null,
      address: row.address,
    }));
  }
}

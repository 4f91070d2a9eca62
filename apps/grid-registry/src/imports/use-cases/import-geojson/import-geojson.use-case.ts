import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { BoundaryGeometry } from '@gridline/location';
import { GridBoundary } from '../../../places/grid-boundary.entity';
import {
  BoundaryOutcome,
  SetGridBoundaryUseCase,
} from '../../../places/use-cases/set-grid-boundary/set-grid-boundary.use-case';
import {
  PlannedBoundary,
  planBoundaries,
  readFeatureCollection,
  readGeoJsonFeatures,
} from '../../domain/geojson-import';
import { byLine, problemCollector } from '../../domain/import-problem';
import { planPlaceImport } from '../../domain/place-import-plan';
import { applyInOneTransaction, onLine, tally } from '../../import-apply';
import { ImportErrors } from '../../import-errors';
import { ImportProgress, noProgress } from '../../import-progress';
import { GeoJsonImportResultView, ImportedBoundaryView } from '../../import-result.view';
import { PlaceImporter } from '../../place-importer';
import { requireDistrict } from '../../../tenants/require-district';

export interface ImportGeoJsonCommand {
  readonly tenantId: string;
  readonly geojson: string;
  readonly dryRun: boolean;
  readonly correlationId: string;
}

/**
 * Imports grid boundaries and places from a GeoJSON FeatureCollection. Every feature is validated first (a
 * boundary as PUT …/boundary validates it, a place as POST /places does, a point against the boundary it will
 * have after this import); then, in one transaction, boundaries are set through SetGridBoundaryUseCase.setWithin
 * and places registered through RegisterPlaceUseCase.registerWithin, so versions and events are those of the
 * single requests. The same boundary or place again changes nothing.
 */
@Injectable()
export class ImportGeoJsonUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly setBoundary: SetGridBoundaryUseCase,
    private readonly places: PlaceImporter,
  ) {}

  async execute(
    { tenantId, geojson, dryRun, correlationId }: ImportGeoJsonCommand,
    progress: ImportProgress = noProgress,
  ): Promise<GeoJsonImportResultView> {
    const manager = this.dataSource.manager;
    await requireDistrict(manager, tenantId);
    const collection = readFeatureCollection(geojson);
    if (!collection.ok) throw ImportErrors.IMPORT_NOT_GEOJSON(collection.field, collection.reason);
    progress.validating(collection.features.length);

    const { problems, report } = problemCollector();
    const features = readGeoJsonFeatures(collection.features, report);
    const context = await this.places.context(manager, tenantId, features.places);
    const current = await this.currentBoundaries(
      manager,
      tenantId,
      features.boundaries.map((b) => context.gridsByCode.get(b.gridCode)?.id),
    );
    const boundaries = planBoundaries(
      features.boundaries,
      context.gridsByCode,
      (gridId) => current.get(gridId) ?? null,
      report,
    );
    const drawn = new Map(boundaries.map((b) => [b.gridId, b.boundary.geometry]));
    const places = planPlaceImport(
      features.places,
      { ...context, boundaryOf: (gridId) => drawn.get(gridId) ?? context.boundaryOf(gridId) },
      report,
    );
    if (problems.length > 0) throw ImportErrors.IMPORT_INVALID(byLine(problems));

    const boundaryViews = boundaries.map((b) => this.boundaryView(b));
    let placeViews = this.places.dryRunViews(places);
    if (!dryRun) {
      progress.applying();
      let processed = 0;
      const advanced = () => progress.advanced((processed += 1));
      const applied = await applyInOneTransaction(this.dataSource, async (tx) => {
        const outcomes = await this.applyBoundaries(tx, tenantId, boundaries, correlationId, advanced);
        return { outcomes, places: await this.places.apply(tx, tenantId, places, correlationId, advanced) };
      });
      for (const outcome of applied.outcomes) this.setBoundary.remember(outcome);
      this.places.remember(applied.places.registered);
      placeViews = applied.places.views;
    }
    const all = [
      ...boundaryViews,
      ...placeViews.map((p) => ({ action: p.action === 'created' ? 'set' : 'unchanged' })),
    ];
    return {
      dryRun,
      ...tally(all),
      total: all.length,
      boundaries: boundaryViews.sort((a, b) => a.line - b.line),
      places: placeViews.sort((a, b) => a.line - b.line),
    };
  }

  /**
   * Boundaries first, so places are checked against them. Each changed grid's `updated_at` is moved to the end of
   * the transaction, so other replicas' resolve index (which reads grids changed in the last seconds) sees it.
   */
  private async applyBoundaries(
    manager: EntityManager,
    tenantId: string,
    planned: readonly PlannedBoundary[],
    correlationId: string,
    advanced: () => void,
  ): Promise<BoundaryOutcome[]> {
    const outcomes: BoundaryOutcome[] = [];
    for (const row of planned) {
      if (row.action === 'set') {
        outcomes.push(
          await onLine(row.line, row.gridCode, () =>
            this.setBoundary.setWithin(manager, {
              tenantId,
              gridId: row.gridId,
              boundary: row.boundary,
              correlationId,
            }),
          ),
        );
      }
      advanced();
    }
    const changed = outcomes.filter((o) => o.changed).map((o) => o.grid.id);
    if (changed.length > 0) {
      await manager.query(
        'UPDATE grids SET updated_at = clock_timestamp() WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
        [tenantId, changed],
      );
    }
    return outcomes;
  }

  private async currentBoundaries(
    manager: EntityManager,
    tenantId: string,
    gridIds: ReadonlyArray<string | undefined>,
  ): Promise<Map<string, BoundaryGeometry>> {
    const ids = [...new Set(gridIds.filter((id): id is string => id !== undefined))];
    const rows = ids.length === 0 ? [] : await manager.findBy(GridBoundary, { tenantId, gridId: In(ids) });
    return new Map(rows.map((row) => [row.gridId, row.geometry]));
  }

  private boundaryView({ line, gridCode, gridId, action }: PlannedBoundary): ImportedBoundaryView {
    return { line, gridCode, gridId, action };
  }
}

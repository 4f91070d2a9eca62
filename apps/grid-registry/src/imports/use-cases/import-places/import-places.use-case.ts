import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseCsv } from '../../domain/csv';
import { byLine, problemCollector } from '../../domain/import-problem';
import { readPlaceCsv } from '../../domain/place-csv';
import { planPlaceImport } from '../../domain/place-import-plan';
import { applyInOneTransaction, csvProblems, tally } from '../../import-apply';
import { ImportErrors } from '../../import-errors';
import { ImportProgress, noProgress } from '../../import-progress';
import { PlaceImportResultView } from '../../import-result.view';
import { PlaceImporter } from '../../place-importer';
import { requireDistrict } from '../../../tenants/require-district';

export interface ImportPlacesCommand {
  readonly tenantId: string;
  readonly csv: string;
  readonly dryRun: boolean;
  readonly correlationId: string;
}

/**
 * Imports a district's places from CSV: the whole file is validated against the district first (every problem
 * reported, nothing stored), then every new place is registered in one transaction, parents first, through
 * RegisterPlaceUseCase.registerWithin, so the address normalisation, rules and PlaceStateChanged events are
 * those of POST /places. Places the district already has are left alone: importing a file twice changes nothing.
 */
@Injectable()
export class ImportPlacesUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly places: PlaceImporter,
  ) {}

  async execute(
    { tenantId, csv, dryRun, correlationId }: ImportPlacesCommand,
    progress: ImportProgress = noProgress,
  ): Promise<PlaceImportResultView> {
    await requireDistrict(this.dataSource.manager, tenantId);
    const parsed = parseCsv(csv);
    progress.validating(Math.max(parsed.records.length - 1, 0));
    const { problems, report } = problemCollector(csvProblems(parsed));
    const rows = readPlaceCsv(parsed.records, report);
    const planned = rows
      ? planPlaceImport(rows, await this.places.context(this.dataSource.manager, tenantId, rows), report)
      : [];
    if (problems.length > 0) throw ImportErrors.IMPORT_INVALID(byLine(problems));

    let views = this.places.dryRunViews(planned);
    if (!dryRun) {
      progress.applying();
      let processed = 0;
      const applied = await applyInOneTransaction(this.dataSource, (manager) =>
        this.places.apply(manager, tenantId, planned, correlationId, () => progress.advanced((processed += 1))),
      );
      this.places.remember(applied.registered);
      views = applied.views;
    }
    return { dryRun, ...tally(views), total: views.length, places: views.sort((a, b) => a.line - b.line) };
  }
}

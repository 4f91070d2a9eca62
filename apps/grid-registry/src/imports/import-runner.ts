import { Injectable } from '@nestjs/common';
import { ImportKind } from './import-job.entity';
import { ImportJobView } from './import-job.view';
import { ImportJobs } from './import-jobs';
import { ImportProgress } from './import-progress';

/** What every import use case is given besides its file. */
export interface ImportCommandBase {
  readonly tenantId: string;
  readonly dryRun: boolean;
  readonly correlationId: string;
}

/** An import as the request asked for it: which kind, and whether at once or in the background. */
export interface ImportRun extends ImportCommandBase {
  readonly kind: ImportKind;
  readonly inBackground: boolean;
}

/** Finished at once with the result, or started as a job the caller follows. */
export type ImportOutcome<T> = { readonly done: T } | { readonly started: ImportJobView };

/**
 * One mechanism for every kind of import: run it now and hand back its result, or start it as an import job
 * (a row any replica can answer for) that reports progress while it runs. HTTP (200 or 202 with a Location)
 * stays with the controller.
 */
@Injectable()
export class ImportRunner {
  constructor(private readonly jobs: ImportJobs) {}

  async run<T>(
    { kind, inBackground, ...command }: ImportRun,
    work: (command: ImportCommandBase, progress?: ImportProgress) => Promise<T>,
  ): Promise<ImportOutcome<T>> {
    if (!inBackground) return { done: await work(command) };
    return {
      started: await this.jobs.start(command.tenantId, kind, command.dryRun, (progress) => work(command, progress)),
    };
  }
}

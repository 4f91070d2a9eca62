import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiError } from '@gridline/platform';
import { ImportErrors } from './import-errors';
import { ImportJob, ImportJobError, ImportJobStatus, ImportKind } from './import-job.entity';
import { ImportJobView, toImportJobView } from './import-job.view';
import type { ImportProgress } from './import-progress';
import { requireDistrict } from '../tenants/require-district';

/** How often a running job's row is touched even without progress: the proof its process is alive. */
const HEARTBEAT_MS = 2_000;
/** A running job whose heartbeat is older than this lost its process (crash, restart): it is marked failed. */
const STALE_AFTER_MS = 15_000;
/** Progress is written at most this often per job (a row a millisecond would slow the import down). */
const PROGRESS_EVERY_MS = 250;
/** On shutdown, running imports get this long to finish before the process goes (the sweep fails them later). */
const SHUTDOWN_GRACE_MS = 20_000;

/** A job running in this process: its latest progress, and the chain of writes of it. */
class RunningJob implements ImportProgress {
  status: ImportJobStatus = 'validating';
  processed = 0;
  total = 0;
  private writing: Promise<void> = Promise.resolve();
  private lastWrite = 0;

  constructor(
    readonly id: string,
    private readonly write: (job: RunningJob) => Promise<void>,
  ) {}

  validating(total: number): void {
    this.total = total;
    this.flushSoon(true);
  }

  applying(): void {
    this.status = 'applying';
    this.processed = 0;
    this.flushSoon(true);
  }

  advanced(processed: number): void {
    this.processed = processed;
    this.flushSoon(false);
  }

  /** Writes now when forced or when the last write is old enough; otherwise the next heartbeat carries it. */
  flushSoon(force: boolean): void {
    if (force || Date.now() - this.lastWrite >= PROGRESS_EVERY_MS) void this.flush();
  }

  /** One write at a time, in order, each with the latest state; a failed write is retried by the next one. */
  flush(): Promise<void> {
    this.writing = this.writing
      .then(async () => {
        this.lastWrite = Date.now();
        await this.write(this);
      })
      .catch(() => undefined);
    return this.writing;
  }
}

/**
 * Runs imports in the background for `?async=true` and keeps their row current (ADR 0018):
 * - progress (`validating` with the row count, then `applying` with rows applied so far) is written through the
 *   DataSource's pool — a connection other than the import's transaction — so it is visible while that
 *   transaction is still open (what it counts becomes visible only at the commit, all at once);
 * - one timer per process touches every running job's heartbeat and marks jobs whose heartbeat stopped
 *   (their process died) failed: the import's single transaction died with the process, so nothing was applied;
 * - the job answers the same result or error the synchronous request would have.
 */
@Injectable()
export class ImportJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ImportJobs');
  private readonly running = new Map<string, { job: RunningJob; done: Promise<void> }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.failAbandoned();
    this.timer = setInterval(() => void this.tick(), HEARTBEAT_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    const done = Promise.all([...this.running.values()].map((r) => r.done));
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())]);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Creates the job row and runs `work` in the background; answers at once. */
  async start(
    tenantId: string,
    kind: ImportKind,
    dryRun: boolean,
    work: (progress: ImportProgress) => Promise<unknown>,
  ): Promise<ImportJobView> {
    await requireDistrict(this.dataSource.manager, tenantId);
    const now = new Date();
    const row = this.dataSource.manager.create(ImportJob, {
      id: randomUUID(),
      tenantId,
      kind,
      dryRun,
      status: 'validating',
      processed: 0,
      total: 0,
      result: null,
      error: null,
      createdAt: now,
      heartbeatAt: now,
      finishedAt: null,
    });
    await this.dataSource.manager.insert(ImportJob, row);
    const job = new RunningJob(row.id, (j) => this.writeProgress(j));
    const done = this.run(job, work).finally(() => this.running.delete(row.id));
    this.running.set(row.id, { job, done });
    return toImportJobView(row);
  }

  async get(tenantId: string, jobId: string): Promise<ImportJobView> {
    const row = await this.dataSource.manager.findOneBy(ImportJob, { tenantId, id: jobId });
    if (!row) throw ImportErrors.IMPORT_JOB_NOT_FOUND(tenantId, jobId);
    return toImportJobView(row);
  }

  private async run(job: RunningJob, work: (progress: ImportProgress) => Promise<unknown>): Promise<void> {
    let outcome: { status: 'succeeded'; result: unknown } | { status: 'failed'; error: ImportJobError };
    try {
      outcome = { status: 'succeeded', result: await work(job) };
    } catch (error) {
      outcome = { status: 'failed', error: errorOf(error) };
      if (!(error instanceof ApiError))
        this.logger.error(`import job ${job.id} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    await job.flush();
    const succeeded = outcome.status === 'succeeded';
    const result = outcome.status === 'succeeded' ? JSON.stringify(outcome.result) : null;
    const failure = outcome.status === 'failed' ? JSON.stringify(outcome.error) : null;
    await this.dataSource
      .query(
        `UPDATE import_jobs SET status = $2, result = $3::jsonb, error = $4::jsonb, processed = $5, total = $6, heartbeat_at = now(), finished_at = now()
          WHERE id = $1`,
        [job.id, outcome.status, result, failure, succeeded ? job.total : job.processed, job.total],
      )
      .catch((error: unknown) =>
        this.logger.error(
          `import job ${job.id}: could not record its end (${String(error)}); the sweep will mark it failed`,
        ),
      );
  }

  /** Only a running job's own columns; a job already finished (or failed by a sweep) is left alone. */
  private async writeProgress(job: RunningJob): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_jobs SET status = $2, processed = $3, total = $4, heartbeat_at = now() WHERE id = $1 AND status IN ('validating', 'applying')`,
      [job.id, job.status, job.processed, job.total],
    );
  }

  private async tick(): Promise<void> {
    try {
      for (const { job } of this.running.values()) await job.flush();
      await this.failAbandoned();
    } catch (error) {
      this.logger.warn(`heartbeat failed, will retry: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Jobs whose process stopped beating: their transaction died with it, so nothing of theirs was applied. */
  private async failAbandoned(): Promise<void> {
    const error: ImportJobError = {
      statusCode: 503,
      code: 'IMPORT_INTERRUPTED',
      message:
        'the service stopped while the import ran; nothing was imported (it is applied in one transaction): send the file again',
      details: [],
    };
    await this.dataSource.query(
      `UPDATE import_jobs SET status = 'failed', error = $1::jsonb, finished_at = now()
        WHERE status IN ('validating', 'applying') AND heartbeat_at < now() - make_interval(secs => $2)`,
      [JSON.stringify(error), STALE_AFTER_MS / 1000],
    );
  }
}

function errorOf(error: unknown): ImportJobError {
  if (error instanceof ApiError)
    return {
      statusCode: error.status,
      code: error.code,
      message: error.message,
      details: error.details.map((d) => ({ ...d })),
    };
  return { statusCode: 500, code: 'INTERNAL', message: 'internal error; see the service log', details: [] };
}

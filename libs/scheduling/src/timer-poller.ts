import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  contextOf,
  gridlineMetrics,
  inSpan,
  runWithLogContext,
  SERVICE_CONFIG,
  ServiceConfig,
  SpanKind,
} from '@gridline/platform';
import { DurableTimer } from './durable-timer.entity';
import { IdleStep, idleStepAfter, TimerProbe } from './idle-step';

export type TimerHandler = (timer: DurableTimer, manager: EntityManager) => Promise<void>;

/**
 * Timers claimed per transaction. Every handler that writes gets a subtransaction id; past 64 of them in one
 * transaction PostgreSQL's per-backend subxid cache overflows and every other session's snapshots slow down,
 * so a batch stays at 64 (ADR 0014). A backlog is drained by repeating batches and by the sibling claimers.
 */
export const TIMER_BATCH_SIZE = 64;
const RETRY_DELAY_MS = 5_000;

/**
 * Claim and delete in one statement: the oldest due timers of the handled kinds, skipping rows another
 * claimer holds. The deletion commits with the handlers' effects, so a crash mid-batch leaves every timer in
 * place, and a concurrent claimer can never see a row this transaction deleted or still holds.
 */
const CLAIM_SQL = `
  DELETE FROM durable_timers WHERE id = ANY(ARRAY(
    SELECT id FROM durable_timers
     WHERE due_at <= $1 AND kind = ANY($2::text[])
     ORDER BY due_at
     LIMIT $3
     FOR UPDATE SKIP LOCKED))
  RETURNING id, tenant_id, kind, aggregate_id, due_at, payload, attempts, last_error, created_at, trace_parent`;

/**
 * What an idle claimer asks instead of claiming: is a timer claimable now (due, and not held by a claimer of any
 * replica — SKIP LOCKED, the same rows a claim could take), and when is the next deadline after now. One
 * statement outside a transaction, through the (due_at) index; a batch is claimed only once something is due.
 */
const PROBE_SQL = `
  SELECT EXISTS (SELECT 1 FROM durable_timers WHERE due_at <= $1 AND kind = ANY($2::text[])
                  ORDER BY due_at LIMIT 1 FOR KEY SHARE SKIP LOCKED) AS claimable,
         (SELECT due_at FROM durable_timers WHERE due_at > $1 AND kind = ANY($2::text[])
           ORDER BY due_at LIMIT 1) AS next_due`;

/** A timer whose handler failed goes back, same id, pushed back, with the error recorded. */
const PUSH_BACK_SQL = `
  INSERT INTO durable_timers (id, tenant_id, kind, aggregate_id, due_at, payload, attempts, last_error, created_at, trace_parent)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[], $7::int[], $8::text[], $9::timestamptz[], $10::text[])`;

interface ClaimedRow {
  id: string;
  tenant_id: string;
  kind: string;
  aggregate_id: string;
  due_at: Date;
  payload: object;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  trace_parent: string | null;
}

/**
 * Fires due timers. `TIMER_CONCURRENCY` claimers per process each take a batch in its own transaction
 * (FOR UPDATE SKIP LOCKED, so claimers and replicas share the work and none fires a timer twice), run each
 * handler in a savepoint, and commit the batch's deletion with the handlers' effects. A handler that throws
 * is rolled back to its savepoint alone; its timer goes back, pushed back, with the error recorded.
 *
 * After a batch that was not full a claimer goes idle: the idle claimers share one probe (is a timer claimable,
 * when is the next deadline) and sleep until that deadline, but never longer than `TIMER_POLL_MS` (timers scheduled
 * meanwhile, by any replica, are seen within that); they claim again only when the probe or the deadline says a
 * timer is due. A full batch wakes the sleeping siblings so a backlog is drained by all of them.
 */
@Injectable()
export class TimerPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TimerPoller');
  private readonly handlers = new Map<string, TimerHandler>();
  private running = false;
  private loops: Promise<void>[] = [];
  /** The one wait the idle claimers share, and how to end it early; it ends with whether to claim. */
  private idle: { until: Promise<boolean>; wake: () => void } | null = null;
  private firedCount = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  get fired(): number {
    return this.firedCount;
  }

  register(kind: string, handler: TimerHandler): void {
    if (this.handlers.has(kind)) throw new Error(`a handler for timer kind ${kind} is already registered`);
    this.handlers.set(kind, handler);
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loops = Array.from({ length: this.config.timerConcurrency }, () => this.run());
  }

  /** Finishes the batches in flight, then stops: no timer is half-fired at shutdown. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.idle?.wake();
    await Promise.all(this.loops);
  }

  private async run(): Promise<void> {
    while (this.running) {
      const now = new Date();
      let claimed: number;
      try {
        claimed = await this.fireDue(now);
      } catch (error) {
        this.logger.warn(`timer poll failed, will retry: ${(error as Error).message}`);
        await this.sleepShared(Math.max(this.config.timerPollMs, 1000));
        continue;
      }
      if (claimed >= TIMER_BATCH_SIZE) {
        this.idle?.wake(); // a backlog: every claimer helps
        continue;
      }
      await this.waitUntilDue();
    }
  }

  /** Fires up to one batch of the timers due at `now`; returns how many were claimed. */
  async fireDue(now: Date = new Date()): Promise<number> {
    if (this.handlers.size === 0) return 0;
    return this.dataSource.transaction(async (manager) => {
      const claimed: ClaimedRow[] = (
        await manager.query(CLAIM_SQL, [now, [...this.handlers.keys()], TIMER_BATCH_SIZE])
      )[0];
      const failed: Array<{ row: ClaimedRow; error: string }> = [];
      for (const row of claimed) {
        const error = await this.fireOne(manager, row);
        if (error === null) this.firedCount += 1;
        else failed.push({ row, error });
      }
      if (failed.length > 0) await this.pushBack(manager, failed);
      return claimed.length;
    });
  }

  /** Runs one handler in a savepoint; returns null, or the error message after rolling its effects back. */
  private async fireOne(manager: EntityManager, row: ClaimedRow): Promise<string | null> {
    const handler = this.handlers.get(row.kind)!;
    const timer = manager.create(DurableTimer, {
      id: row.id,
      tenantId: row.tenant_id,
      kind: row.kind,
      aggregateId: row.aggregate_id,
      dueAt: row.due_at,
      payload: row.payload,
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: row.created_at,
      traceParent: row.trace_parent,
    });
    gridlineMetrics.timerLag.observe(Math.max(0, Date.now() - row.due_at.getTime()) / 1000);
    await manager.query('SAVEPOINT timer_fire');
    try {
      // In the trace that scheduled it: an escalation shows up in the trace of the report it escalates. The
      // handler's log lines name the district and the case; a handler that loads its case adds the case's
      // correlation (enrichLogContext), since a timer row does not carry one.
      const attributes = {
        'gridline.timer.kind': row.kind,
        'gridline.tenant': row.tenant_id,
        'gridline.timer.lag_ms': Date.now() - row.due_at.getTime(),
      };
      await runWithLogContext({ tenant: row.tenant_id, aggregateId: row.aggregate_id }, () =>
        inSpan(`timer ${row.kind}`, { kind: SpanKind.INTERNAL, attributes }, contextOf(row.trace_parent), () =>
          handler(timer, manager),
        ),
      );
      await manager.query('RELEASE SAVEPOINT timer_fire');
      return null;
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT timer_fire');
      await manager.query('RELEASE SAVEPOINT timer_fire');
      const message = (error as Error).message;
      this.logger.error(`timer ${row.kind} ${row.id} for ${row.aggregate_id} failed: ${message}`);
      return message;
    }
  }

  private async pushBack(manager: EntityManager, failed: Array<{ row: ClaimedRow; error: string }>): Promise<void> {
    const retryAt = new Date(Date.now() + RETRY_DELAY_MS);
    const column = <T>(pick: (f: { row: ClaimedRow; error: string }) => T) => failed.map(pick);
    await manager.query(PUSH_BACK_SQL, [
      column((f) => f.row.id),
      column((f) => f.row.tenant_id),
      column((f) => f.row.kind),
      column((f) => f.row.aggregate_id),
      column(() => retryAt),
      column((f) => JSON.stringify(f.row.payload)),
      column((f) => f.row.attempts + 1),
      column((f) => f.error.slice(0, 1000)),
      column((f) => f.row.created_at),
      column((f) => f.row.trace_parent),
    ]);
  }

  /** Returns once a timer may be due (or on a full batch elsewhere, or shutdown): probes while nothing is. */
  private async waitUntilDue(): Promise<void> {
    while (this.running) {
      this.idle ??= this.startIdle(async () => idleStepAfter(await this.probe(), new Date(), this.config.timerPollMs));
      if (await this.idle.until) return;
    }
  }

  private async probe(): Promise<TimerProbe> {
    const [row]: Array<{ claimable: boolean; next_due: Date | null }> = await this.dataSource.query(PROBE_SQL, [
      new Date(),
      [...this.handlers.keys()],
    ]);
    return { claimable: row.claimable, nextDue: row.next_due };
  }

  private sleepShared(ms: number): Promise<boolean> {
    this.idle ??= this.startIdle(async () => ({ sleepMs: ms, thenClaim: true }));
    return this.idle.until;
  }

  /**
   * The wait idle claimers share: one probe per wake-up, not one per claimer. It ends after `sleepMs` with
   * `thenClaim`, or at once with true when woken; a failed probe waits one poll interval and then claims, so
   * the claim reports the outage and backs off.
   */
  private startIdle(plan: () => Promise<IdleStep>): {
    until: Promise<boolean>;
    wake: () => void;
  } {
    let wake = () => {};
    const until = new Promise<boolean>((resolve) => {
      let timer: NodeJS.Timeout | null = null;
      let woken = false;
      wake = () => {
        woken = true;
        if (timer) clearTimeout(timer);
        resolve(true);
      };
      const sleep = ({ sleepMs, thenClaim }: IdleStep) => {
        if (woken) return;
        if (sleepMs <= 0) resolve(thenClaim);
        else timer = setTimeout(() => resolve(thenClaim), sleepMs);
      };
      plan().then(sleep, (error: Error) => {
        this.logger.warn(`probing for due timers failed: ${error.message}`);
        sleep({ sleepMs: this.config.timerPollMs, thenClaim: true });
      });
    });
    const idle = { until, wake };
    void until.then(() => {
      if (this.idle === idle) this.idle = null;
    });
    return idle;
  }
}

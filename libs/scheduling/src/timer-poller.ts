import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SERVICE_CONFIG, ServiceConfig } from '@gridline/platform';
import { DurableTimer } from './durable-timer.entity';

export type TimerHandler = (timer: DurableTimer, manager: EntityManager) => Promise<void>;

const BATCH_SIZE = 100;
const RETRY_DELAY_MS = 5_000;

/**
 * Fires due timers. Each batch is claimed with FOR UPDATE SKIP LOCKED, so replicas share the work and no
 * timer runs twice; each timer runs in a savepoint, and its deletion commits with the handler's effects.
 * A handler that throws leaves its timer in place, pushed back, with the error recorded.
 */
@Injectable()
export class TimerPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TimerPoller');
  private readonly handlers = new Map<string, TimerHandler>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
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
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let fired = 0;
      try {
        fired = await this.fireDue();
      } catch (error) {
        this.logger.warn(`timer poll failed, will retry: ${(error as Error).message}`);
        await this.pause(Math.max(this.config.timerPollMs, 1000));
        continue;
      }
      if (fired < BATCH_SIZE) await this.pause(this.config.timerPollMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Fires every timer due now (up to one batch); returns how many were claimed. */
  async fireDue(now: Date = new Date()): Promise<number> {
    if (this.handlers.size === 0) return 0;
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(DurableTimer, 't')
        .where('t.dueAt <= :now', { now })
        .andWhere('t.kind IN (:...kinds)', { kinds: [...this.handlers.keys()] })
        .orderBy('t.dueAt', 'ASC')
        .limit(BATCH_SIZE)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const timer of due) await this.fireOne(manager, timer);
      return due.length;
    });
  }

  private async fireOne(manager: EntityManager, timer: DurableTimer): Promise<void> {
    const handler = this.handlers.get(timer.kind);
    if (!handler) return;
    await manager.query('SAVEPOINT timer_fire');
    try {
      await handler(timer, manager);
      await manager.delete(DurableTimer, { id: timer.id });
      await manager.query('RELEASE SAVEPOINT timer_fire');
      this.firedCount += 1;
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT timer_fire');
      const message = (error as Error).message;
      this.logger.error(`timer ${timer.kind} ${timer.id} for ${timer.aggregateId} failed: ${message}`);
      await manager.update(
        DurableTimer,
        { id: timer.id },
        { attempts: timer.attempts + 1, lastError: message.slice(0, 1000), dueAt: new Date(Date.now() + RETRY_DELAY_MS) },
      );
    }
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { activeTraceContext } from '@gridline/platform';
import { DurableTimer } from './durable-timer.entity';

export interface TimerRequest {
  readonly tenantId: string;
  readonly kind: string;
  readonly aggregateId: string;
  readonly dueAt: Date;
  readonly payload?: object;
}

/** Schedules and cancels timers inside the caller's transaction, so a timer exists iff the state change does. */
@Injectable()
export class DurableTimers {
  async schedule(manager: EntityManager, request: TimerRequest): Promise<string> {
    const result = await manager.insert(DurableTimer, {
      tenantId: request.tenantId,
      kind: request.kind,
      aggregateId: request.aggregateId,
      dueAt: request.dueAt,
      payload: request.payload ?? {},
      traceParent: activeTraceContext().traceparent,
    });
    return result.identifiers[0].id as string;
  }

  /** Cancels every pending timer of `kind` for the aggregate; returns how many there were. */
  async cancel(manager: EntityManager, aggregateId: string, kind: string): Promise<number> {
    const result = await manager.delete(DurableTimer, { aggregateId, kind });
    return result.affected ?? 0;
  }
}

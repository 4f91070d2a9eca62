import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { activeTraceContext, insertRows, RowsToInsert, rowsToInsert } from '@gridline/platform';
import { DurableTimer } from './durable-timer.entity';

export interface TimerRequest {
  readonly tenantId: string;
  readonly kind: string;
  readonly aggregateId: string;
  readonly dueAt: Date;
  readonly payload?: object;
  /** The trace the firing continues; the active one when absent (a group of requests carries each one's own). */
  readonly traceParent?: string | null;
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
      traceParent: request.traceParent !== undefined ? request.traceParent : activeTraceContext().traceparent,
    });
    return result.identifiers[0].id as string;
  }

  /** Several timers in one multi-row INSERT (a batch consumer's projection, ADR 0033). */
  async scheduleMany(manager: EntityManager, requests: readonly TimerRequest[]): Promise<void> {
    const { target, rows } = this.rowsOf(requests);
    await insertRows(manager, target, rows);
  }

  /** The rows of timers, for a write of several tables in one statement (`insertRowsTogether`, ADR 0046). */
  rowsOf(requests: readonly TimerRequest[]): RowsToInsert<DurableTimer> {
    const traceParent = activeTraceContext().traceparent;
    return rowsToInsert(
      DurableTimer,
      requests.map((request) => ({
        tenantId: request.tenantId,
        kind: request.kind,
        aggregateId: request.aggregateId,
        dueAt: request.dueAt,
        payload: request.payload ?? {},
        traceParent: request.traceParent !== undefined ? request.traceParent : traceParent,
      })),
    );
  }

  /** Cancels every pending timer of `kind` for any of the aggregates, in one statement. */
  async cancelMany(manager: EntityManager, aggregateIds: readonly string[], kind: string): Promise<void> {
    if (aggregateIds.length === 0) return;
    await manager
      .createQueryBuilder()
      .delete()
      .from(DurableTimer)
      .where('aggregate_id = ANY(:ids) AND kind = :kind', { ids: [...aggregateIds], kind })
      .execute();
  }

  /** Cancels every pending timer of `kind` for the aggregate; returns how many there were. */
  async cancel(manager: EntityManager, aggregateId: string, kind: string): Promise<number> {
    const result = await manager.delete(DurableTimer, { aggregateId, kind });
    return result.affected ?? 0;
  }
}

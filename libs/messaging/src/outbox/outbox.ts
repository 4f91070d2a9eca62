import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventData, EventDefinition, eventSourceOf, toKafkaHeaders } from '@gridline/contracts';
import {
  activeTraceContext,
  currentIdempotencyClaim,
  IdempotentReplay,
  insertRows,
  RowsToInsert,
  rowsToInsert,
  SERVICE_CONFIG,
  ServiceConfig,
  TraceContextFields,
} from '@gridline/platform';
import { EventContext } from '../event-context';
import { OutboxRecord } from './outbox-record.entity';

/** One event for `Outbox.addMany`. */
export interface PendingEvent<D extends EventDefinition = EventDefinition> {
  readonly definition: D;
  readonly data: EventData<D>;
  readonly context: EventContext;
  /** The trace it continues; the active one when absent. */
  readonly trace?: TraceContextFields;
}

/** An event for `Outbox.addMany`/`rowsOf`, its payload typed by its definition (checked again when recorded). */
export function pendingEvent<D extends EventDefinition>(
  definition: D,
  data: EventData<D>,
  context: EventContext,
  trace?: TraceContextFields,
): PendingEvent {
  return { definition, data, context, trace } as PendingEvent;
}

export class EventSchemaViolation extends Error {
  constructor(type: string, problems: string) {
    super(`event ${type} does not match its schema: ${problems}`);
    this.name = 'EventSchemaViolation';
  }
}

/**
 * Records events in the outbox inside the caller's transaction. The payload is validated against the
 * catalogue here, so an invalid event aborts the state change instead of being published. The active trace
 * context is stored with the row (as `ce_traceparent`), so it travels with the event however late it is sent.
 */
@Injectable()
export class Outbox {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async add<D extends EventDefinition>(
    manager: EntityManager,
    definition: D,
    data: EventData<D>,
    context: EventContext,
  ): Promise<string> {
    const [eventId] = await this.addMany(manager, [{ definition, data, context }]);
    return eventId;
  }

  /**
   * Several events in one multi-row INSERT (a group of requests committed together, ADR 0036). Each keeps its own
   * context and, when `trace` is given, its own request's trace instead of the active one.
   */
  async addMany(manager: EntityManager, events: ReadonlyArray<PendingEvent>): Promise<string[]> {
    const { target, rows } = await this.rowsOf(manager, events);
    // The outbox's trigger wakes the relay when this transaction commits (announceOutboxCommits).
    await insertRows(manager, target, rows);
    return rows.map((record) => record.eventId!);
  }

  /**
   * The outbox rows of events, for a write of several tables in one statement (`insertRowsTogether`, ADR 0046).
   * Inside a request with an Idempotency-Key, the key is recorded here first, as `addMany` does.
   */
  async rowsOf(manager: EntityManager, events: ReadonlyArray<PendingEvent>): Promise<RowsToInsert<OutboxRecord>> {
    const records = events.map((event) => this.recordOf(event));
    if (records.length > 0) await this.recordIdempotencyKey(manager, records[0].messageKey);
    return rowsToInsert(OutboxRecord, records);
  }

  /** The outbox row of one event, its payload checked against the catalogue. */
  private recordOf({
    definition,
    data,
    context,
    trace,
  }: PendingEvent): Pick<
    OutboxRecord,
    'eventId' | 'tenantId' | 'topic' | 'messageKey' | 'eventType' | 'headers' | 'payload'
  > {
    const parsed = definition.schema.safeParse(data);
    if (!parsed.success) {
      throw new EventSchemaViolation(
        definition.type,
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    }
    const eventId = randomUUID();
    const subject = definition.subjectOf(parsed.data);
    const headers = toKafkaHeaders({
      specversion: '1.0',
      id: eventId,
      source: eventSourceOf(this.config.serviceName),
      type: definition.type,
      time: new Date().toISOString(),
      subject,
      datacontenttype: 'application/json',
      tenantid: context.tenantId,
      correlationid: context.correlationId,
      causationid: context.causationId,
      // The request's or the consumed event's trace: the consumers of this event continue it.
      ...(trace ?? activeTraceContext()),
    });
    return {
      eventId,
      tenantId: context.tenantId,
      topic: definition.topic,
      messageKey: subject,
      eventType: definition.type,
      headers,
      payload: parsed.data as object,
    };
  }

  /**
   * Inside a request with an Idempotency-Key, the first event of a transaction also records the key, so the key
   * commits with the change (ADR 0030). A duplicate in flight waits on the key's row for the first transaction;
   * if the key is already there, this one rolls back and the first request's result is answered instead.
   */
  private async recordIdempotencyKey(manager: EntityManager, subject: string): Promise<void> {
    const claim = currentIdempotencyClaim();
    if (!claim || claim.recordedIn.has(manager)) return;
    const inserted: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (scope, key, fingerprint, subject) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
      [claim.scope, claim.key, claim.fingerprint, subject],
    );
    if (inserted.length === 0) {
      const [first] = (await manager.query(
        `SELECT subject, fingerprint FROM idempotency_keys WHERE scope = $1 AND key = $2`,
        [claim.scope, claim.key],
      )) as Array<{ subject: string; fingerprint: string }>;
      // Read committed: the row that made the insert a no-op is visible to this next statement.
      if (!first) throw new Error(`Idempotency-Key ${claim.key} conflicted, but its row is not visible`);
      throw new IdempotentReplay(first.subject, first.fingerprint);
    }
    claim.recordedIn.add(manager);
  }
}

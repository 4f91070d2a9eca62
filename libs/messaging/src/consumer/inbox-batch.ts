import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CloudEvent } from '@gridline/contracts';
import { isDependencyOutage } from '@gridline/platform';
import { HandlingContext } from './event-handler';

/** One event ready for its handlers: envelope, source and schema already checked. */
export interface InboxEntry {
  readonly event: CloudEvent;
  readonly eventType: string;
}

export type InboxOutcome = 'handled' | 'duplicate';

/**
 * A handler failed on the event at `index` for a reason of its own (not a database outage): the transaction is
 * rolled back and the caller isolates that event.
 */
export class BatchMemberFailed extends Error {
  constructor(
    readonly index: number,
    readonly failure: unknown,
  ) {
    super(`event ${index} of the batch failed: ${(failure as Error)?.message ?? String(failure)}`);
    this.name = 'BatchMemberFailed';
  }
}

const logger = new Logger('InboxBatch');

/**
 * Handles `entries` in one transaction (ADR 0033): one multi-row inbox insert claims every new event id at once,
 * then the handlers run event by event in the order given, and everything commits together — one commit, one
 * fsync, for the whole batch. An id already in the inbox (or twice in the batch) is a duplicate and runs nothing.
 * A handler's failure rolls the whole transaction back and surfaces as BatchMemberFailed naming the event;
 * a database outage surfaces as itself. `afterCommit` actions run only once the commit succeeded.
 */
export async function handleInOneTransaction(
  dataSource: DataSource,
  group: string,
  entries: readonly InboxEntry[],
  runHandlers: (index: number, context: HandlingContext) => Promise<void>,
): Promise<InboxOutcome[]> {
  const afterCommit: Array<() => Promise<void> | void> = [];
  const outcomes = await dataSource.transaction(async (manager) => {
    const unclaimed = await claimInInbox(manager, group, entries);
    const context: HandlingContext = { manager, afterCommit: (action) => void afterCommit.push(action) };
    const result: InboxOutcome[] = [];
    for (let index = 0; index < entries.length; index++) {
      // Deleting as it goes: the second copy of an id delivered twice in one batch finds it gone.
      if (!unclaimed.delete(entries[index].event.id)) {
        result.push('duplicate');
        continue;
      }
      try {
        await runHandlers(index, context);
      } catch (error) {
        throw isDependencyOutage(error) ? error : new BatchMemberFailed(index, error);
      }
      result.push('handled');
    }
    return result;
  });
  for (const action of afterCommit) {
    try {
      await action();
    } catch (error) {
      logger.warn(`an after-commit action of ${group} failed: ${(error as Error).message}`);
    }
  }
  return outcomes;
}

/** Inserts every entry's inbox row in one statement; returns the ids that were not there yet. */
async function claimInInbox(manager: EntityManager, group: string, entries: readonly InboxEntry[]): Promise<Set<string>> {
  const inserted: Array<{ event_id: string }> = await manager.query(
    `INSERT INTO inbox (consumer_group, event_id, tenant_id, event_type)
     SELECT $1, e.id, e.tenant, e.type FROM unnest($2::text[], $3::text[], $4::text[]) AS e(id, tenant, type)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [group, entries.map((e) => e.event.id), entries.map((e) => e.event.tenantid), entries.map((e) => e.eventType)],
  );
  return new Set(inserted.map((row) => row.event_id));
}

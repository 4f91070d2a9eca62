import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CloudEvent } from '@gridline/contracts';
import { HandlingContext } from './event-handler';

/** One event ready for its handlers: envelope, source and schema already checked. */
export interface InboxEntry {
  readonly event: CloudEvent;
  readonly eventType: string;
}

export type InboxOutcome = 'handled' | 'duplicate';

/**
 * A handler failed for a reason of its own (not a database outage) on the event at `index` of the batch, or on
 * several at once (`index` null: a set-based handler); the transaction is rolled back and the caller isolates it.
 */
export class BatchMemberFailed extends Error {
  constructor(
    readonly index: number | null,
    readonly failure: unknown,
  ) {
    super(
      `${index === null ? 'a set-based handler' : `event ${index}`} of the batch failed: ${(failure as Error)?.message ?? String(failure)}`,
    );
    this.name = 'BatchMemberFailed';
  }
}

const logger = new Logger('InboxBatch');

/**
 * Handles `entries` in one transaction (ADR 0033): one multi-row inbox insert claims every new event id at once,
 * then `runHandlers` gets the indices of the new ones (in the order given) and everything commits together — one
 * commit, one fsync, for the whole batch. An id already in the inbox (or twice in the batch) is a duplicate and is
 * not handed over. Whatever `runHandlers` throws rolls the transaction back and is rethrown. `afterCommit` actions
 * run only once the commit succeeded.
 */
export async function handleInOneTransaction(
  dataSource: DataSource,
  group: string,
  entries: readonly InboxEntry[],
  runHandlers: (fresh: readonly number[], context: HandlingContext) => Promise<void>,
): Promise<InboxOutcome[]> {
  const afterCommit: Array<() => Promise<void> | void> = [];
  const outcomes = await dataSource.transaction(async (manager) => {
    const unclaimed = await claimInInbox(manager, group, entries);
    // Deleting as it goes: the second copy of an id delivered twice in one batch finds it gone.
    const result: InboxOutcome[] = entries.map((entry) => (unclaimed.delete(entry.event.id) ? 'handled' : 'duplicate'));
    const fresh = result.flatMap((outcome, index) => (outcome === 'handled' ? [index] : []));
    await runHandlers(fresh, { manager, afterCommit: (action) => void afterCommit.push(action) });
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
async function claimInInbox(
  manager: EntityManager,
  group: string,
  entries: readonly InboxEntry[],
): Promise<Set<string>> {
  const inserted: Array<{ event_id: string }> = await manager.query(
    `INSERT INTO inbox (consumer_group, event_id, tenant_id, event_type)
     SELECT $1, e.id, e.tenant, e.type FROM unnest($2::text[], $3::text[], $4::text[]) AS e(id, tenant, type)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [group, entries.map((e) => e.event.id), entries.map((e) => e.event.tenantid), entries.map((e) => e.eventType)],
  );
  return new Set(inserted.map((row) => row.event_id));
}

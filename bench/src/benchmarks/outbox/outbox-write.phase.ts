import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { IssueReported } from '@gridline/contracts';
import { Outbox } from '@gridline/messaging';
import { Figure, throughputFigure } from '../../harness/figure';
import { perSecond, timed } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { benchEventContext, chunks, IssueReportedData, RawOutboxRow, rawOutboxRow } from '../../harness/sample-events';

/** A unit of work in a service rarely emits more, and the relay's batches are bigger, so 100 is a fair middle. */
export const EVENTS_PER_TRANSACTION = 100;

const COLUMNS = 'event_id, tenant_id, topic, message_key, event_type, headers, payload';

function parametersOf(row: RawOutboxRow): unknown[] {
  return [
    row.eventId,
    row.tenantId,
    row.topic,
    row.messageKey,
    row.eventType,
    JSON.stringify(row.headers),
    JSON.stringify(row.payload),
  ];
}

async function insertOneByOne(client: Client, rows: readonly RawOutboxRow[]): Promise<void> {
  for (const transaction of chunks(rows, EVENTS_PER_TRANSACTION)) {
    await client.query('BEGIN');
    for (const row of transaction)
      await client.query(`INSERT INTO outbox (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, parametersOf(row));
    await client.query('COMMIT');
  }
}

async function insertMultiRow(client: Client, rows: readonly RawOutboxRow[]): Promise<void> {
  for (const transaction of chunks(rows, EVENTS_PER_TRANSACTION)) {
    const placeholders = transaction.map(
      (_, r) => `(${Array.from({ length: 7 }, (__, c) => `$${r * 7 + c + 1}`).join(', ')})`,
    );
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO outbox (${COLUMNS}) VALUES ${placeholders.join(', ')}`,
      transaction.flatMap(parametersOf),
    );
    await client.query('COMMIT');
  }
}

async function addThroughOutbox(
  dataSource: DataSource,
  outbox: Outbox,
  events: readonly IssueReportedData[],
): Promise<void> {
  for (const transaction of chunks(events, EVENTS_PER_TRANSACTION)) {
    await dataSource.transaction(async (manager) => {
      const context = benchEventContext();
      for (const data of transaction) await outbox.add(manager, IssueReported, data, context);
    });
  }
}

/**
 * Figure 1. The raw baselines write the same rows into the same table (same indexes), prebuilt so they time
 * only SQL; Outbox.add also validates against the catalogue and builds the CloudEvents headers, as in production.
 * Leaves the Outbox.add rows in place: they are the relay benchmark's input.
 */
export async function measureOutboxWrite(
  deps: { client: Client; dataSource: DataSource; outbox: Outbox },
  events: readonly IssueReportedData[],
  progress: Progress,
): Promise<Figure[]> {
  const { client, dataSource, outbox } = deps;
  const rows = events.map((data) => rawOutboxRow(data));

  progress(`outbox write: ${rows.length} rows, raw INSERT one by one, ${EVENTS_PER_TRANSACTION} per transaction`);
  const oneByOne = await timed(() => insertOneByOne(client, rows));
  await client.query('TRUNCATE outbox');

  progress(`outbox write: ${rows.length} rows, raw multi-row INSERT, ${EVENTS_PER_TRANSACTION} per statement`);
  const multiRow = await timed(() => insertMultiRow(client, rows));
  await client.query('TRUNCATE outbox');

  progress(`outbox write: ${events.length} events through Outbox.add`);
  const library = await timed(() => addThroughOutbox(dataSource, outbox, events));

  const value = perSecond(events.length, library.ms);
  return [
    throughputFigure({
      id: 'outbox.write',
      label: 'outbox write (Outbox.add, tx of 100)',
      value,
      unit: 'events/s',
      baseline: perSecond(rows.length, oneByOne.ms),
      baselineLabel: 'raw pg INSERT, one per row, tx of 100',
    }),
    throughputFigure({
      id: 'outbox.write.vs-multi-row',
      label: 'outbox write vs batched SQL',
      value,
      unit: 'events/s',
      baseline: perSecond(rows.length, multiRow.ms),
      baselineLabel: 'raw pg multi-row INSERT of 100',
    }),
  ];
}

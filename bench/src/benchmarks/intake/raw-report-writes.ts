import { Client } from 'pg';
import { rawOutboxRow, issueReportedData } from '../../harness/sample-events';

/** Where the baseline writes: empty copies of issue-dispatch's tables, same columns, indexes and history FK. */
const RAW_SCHEMA = 'bench_raw';
const TABLES = ['issues', 'issue_history', 'outbox', 'durable_timers'] as const;

type Row = Record<string, unknown>;

/** Everything one report commits in issue-dispatch: the issue, two history entries, two events, one timer. */
export interface ReportRows {
  readonly issue: Row;
  readonly history: Row[];
  readonly outbox: Row[];
  /** Null for a report that waited in the dispatch centre's queue (no clock). */
  readonly timer: Row | null;
}

export async function createRawTables(client: Client): Promise<void> {
  await client.query(`CREATE SCHEMA ${RAW_SCHEMA}`);
  for (const table of TABLES)
    await client.query(`CREATE TABLE ${RAW_SCHEMA}.${table} (LIKE issue_dispatch.${table} INCLUDING ALL)`);
  await client.query(
    `ALTER TABLE ${RAW_SCHEMA}.issue_history ADD FOREIGN KEY (issue_id) REFERENCES ${RAW_SCHEMA}.issues (id)`,
  );
}

export async function truncateRawTables(client: Client): Promise<void> {
  await client.query(`TRUNCATE ${TABLES.map((t) => `${RAW_SCHEMA}.${t}`).join(', ')}`);
}

/**
 * The rows the service wrote for its reports, read back as values, so the baseline inserts the same data.
 * The service's outbox rows are gone (relayed), so the two events are catalogue-shaped rows of the same size.
 */
export async function readReportRows(client: Client): Promise<ReportRows[]> {
  const issues = (await client.query<Row>('SELECT * FROM issue_dispatch.issues ORDER BY reported_at')).rows;
  const history = (await client.query<Row>('SELECT * FROM issue_dispatch.issue_history')).rows;
  const timers = (await client.query<Row>('SELECT * FROM issue_dispatch.durable_timers')).rows;
  const historyOf = new Map<string, Row[]>();
  for (const row of history)
    historyOf.set(row.issue_id as string, [...(historyOf.get(row.issue_id as string) ?? []), row]);
  const timerOf = new Map(timers.map((row) => [row.aggregate_id as string, row]));
  return issues.map((issue, i) => ({
    issue,
    history: (historyOf.get(issue.id as string) ?? []).map(({ id: _serial, ...rest }) => rest),
    outbox: [0, 1].map(() => {
      const row = rawOutboxRow(issueReportedData(i));
      return {
        event_id: row.eventId,
        tenant_id: row.tenantId,
        topic: row.topic,
        message_key: row.messageKey,
        event_type: row.eventType,
        headers: row.headers,
        payload: row.payload,
      };
    }),
    timer: timerOf.get(issue.id as string) ?? null,
  }));
}

/** A multi-row `INSERT … VALUES` of rows that share their columns, its values appended to `parameters`. */
function insertSql(table: string, rows: Row[], parameters: unknown[]): string {
  const columns = Object.keys(rows[0]);
  const values = rows.map(
    (row) =>
      `(${columns
        .map((column) => {
          const value = row[column];
          parameters.push(
            value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)
              ? JSON.stringify(value)
              : value,
          );
          return `$${parameters.length}`;
        })
        .join(', ')})`,
  );
  return `INSERT INTO ${RAW_SCHEMA}.${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')}`;
}

/** One multi-row INSERT of rows that share their columns; objects go as JSON (the jsonb columns). */
async function insert(client: Client, table: string, rows: Row[]): Promise<void> {
  const parameters: unknown[] = [];
  await client.query(insertSql(table, rows, parameters), parameters);
}

/** How one report's rows are written: a transaction of statements, or one statement. */
export type ReportWriter = (client: Client, rows: ReportRows) => Promise<void>;

/** The statements a transaction of the report amounts to (history as one statement, as TypeORM sends it). */
export const writeReportRaw: ReportWriter = async (client, rows) => {
  await client.query('BEGIN');
  try {
    await insert(client, 'issues', [rows.issue]);
    await insert(client, 'issue_history', rows.history);
    for (const event of rows.outbox) await insert(client, 'outbox', [event]);
    if (rows.timer) await insert(client, 'durable_timers', [rows.timer]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
};

/**
 * The same rows as one statement, the way ReportIssueUseCase writes them (ADR 0046): every table but the issues'
 * as a data-modifying WITH, no BEGIN/COMMIT around it.
 */
export const writeReportRawTogether: ReportWriter = async (client, rows) => {
  const parameters: unknown[] = [];
  const others = [
    insertSql('issue_history', rows.history, parameters),
    insertSql('outbox', rows.outbox, parameters),
    ...(rows.timer ? [insertSql('durable_timers', [rows.timer], parameters)] : []),
  ];
  const issue = insertSql('issues', [rows.issue], parameters);
  await client.query(`WITH ${others.map((sql, i) => `w${i} AS (${sql})`).join(', ')} ${issue}`, parameters);
};

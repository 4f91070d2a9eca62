import { eventually } from '@gridline/testing';
import { TestDatabase } from './test-database';

const serviceSchemas = ['grid_registry', 'issue_dispatch', 'volunteer_coordination', 'analytics'];
/** Messaging plumbing: the relay deletes sent outbox rows and consumers add inbox rows on their own time. */
const plumbing = /^(outbox|inbox|consumer_.*|durable_timers|migrations|typeorm_metadata)$/;

/**
 * Every event each service ever enqueued, as one comparable string. The outbox deletes published rows, so
 * its sequence (which only moves when an event is written) is what shows that a request wrote nothing.
 */
export async function eventsWritten(database: TestDatabase): Promise<string> {
  const sequences = await database.query<{ schema: string }>(
    `SELECT sequence_schema AS schema FROM information_schema.sequences WHERE sequence_name = 'outbox_seq_seq' AND sequence_schema = ANY($1) ORDER BY 1`,
    [serviceSchemas],
  );
  if (sequences.length === 0) return '';
  const [row] = await database.query<{ written: string }>(
    `SELECT concat_ws(' ', ${sequences.map(({ schema }) => `(SELECT '${schema}=' || last_value || is_called::text FROM "${schema}".outbox_seq_seq)`).join(', ')}) AS written`,
  );
  return row.written;
}

/** Rows in every table the services own (messaging plumbing aside), by `schema.table`. */
export async function rowCounts(database: TestDatabase): Promise<Record<string, number>> {
  const tables = (
    await database.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
      [serviceSchemas],
    )
  ).filter(({ name }) => !plumbing.test(name));
  if (tables.length === 0) return {};
  const rows = await database.query<{ name: string; n: number }>(
    tables
      .map(({ schema, name }) => `SELECT '${schema}.${name}' AS name, count(*)::int AS n FROM "${schema}"."${name}"`)
      .join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map(({ name, n }) => [name, n]));
}

export interface StoredState {
  readonly events: string;
  readonly rows: Record<string, number>;
}

/** Events written and rows held, once the services have stopped moving (consumers caught up with set-up). */
export async function settledState(database: TestDatabase): Promise<StoredState> {
  let previous = '';
  return eventually(
    'the services to settle',
    async () => {
      const state = { events: await eventsWritten(database), rows: await rowCounts(database) };
      const now = JSON.stringify(state);
      const settled = now === previous;
      previous = now;
      return settled ? state : undefined;
    },
    60_000,
    700,
  );
}

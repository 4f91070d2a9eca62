import { QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/**
 * The (due_at) index keeps "what is due now" and "when is the next one" an index range scan however many timers
 * are pending (checked with EXPLAIN on 1,000,000 rows, ADR 0014); (aggregate_id, kind) serves cancel.
 */
export async function createDurableTimerTable(queryRunner: QueryRunner): Promise<void> {
  const s = schemaOf(queryRunner);
  await queryRunner.query(`
    CREATE TABLE "${s}".durable_timers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id text NOT NULL,
      kind text NOT NULL,
      aggregate_id text NOT NULL,
      due_at timestamptz NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}'::jsonb,
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      trace_parent text
    )`);
  await queryRunner.query(`CREATE INDEX durable_timers_due ON "${s}".durable_timers (due_at)`);
  await queryRunner.query(`CREATE INDEX durable_timers_aggregate ON "${s}".durable_timers (aggregate_id, kind)`);
}

/**
 * The trace context a timer was scheduled in (ADR 0029), for databases whose table predates it: every service with
 * timers runs this in a migration of its own (a table created since has the column, and this changes nothing).
 * Nullable, as timers scheduled outside a trace have none.
 */
export async function addDurableTimerTraceColumn(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `ALTER TABLE "${schemaOf(queryRunner)}".durable_timers ADD COLUMN IF NOT EXISTS trace_parent text`,
  );
}

export async function dropDurableTimerTraceColumn(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`ALTER TABLE "${schemaOf(queryRunner)}".durable_timers DROP COLUMN IF EXISTS trace_parent`);
}

export async function dropDurableTimerTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP TABLE IF EXISTS "${schemaOf(queryRunner)}".durable_timers`);
}

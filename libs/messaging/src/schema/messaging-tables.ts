import { QueryRunner } from 'typeorm';

/** The schema the running DataSource owns; raw SQL in migrations must name it. */
export function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('the DataSource has no schema; every Gridline service owns one');
  return schema;
}

/**
 * Outbox and inbox tables, created by each service's first migration in its own schema.
 * The outbox is ordered by `seq`; published rows are deleted so the relay's scan stays short.
 */
export async function createMessagingTables(queryRunner: QueryRunner): Promise<void> {
  const s = schemaOf(queryRunner);
  await queryRunner.query(`
    CREATE TABLE "${s}".outbox (
      seq bigserial PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      tenant_id text NOT NULL,
      topic text NOT NULL,
      message_key text NOT NULL,
      event_type text NOT NULL,
      headers jsonb NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await queryRunner.query(`
    CREATE TABLE "${s}".inbox (
      consumer_group text NOT NULL,
      event_id text NOT NULL,
      tenant_id text NOT NULL,
      event_type text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer_group, event_id)
    )`);
}

export async function dropMessagingTables(queryRunner: QueryRunner): Promise<void> {
  const s = schemaOf(queryRunner);
  await queryRunner.query(`DROP TABLE IF EXISTS "${s}".inbox`);
  await queryRunner.query(`DROP TABLE IF EXISTS "${s}".outbox`);
}

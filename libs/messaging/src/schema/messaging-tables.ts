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

/**
 * Idempotency-Keys whose change committed, written in the change's own transaction (ADR 0030). The primary key is
 * what makes a concurrent duplicate wait for the first request and then see it. Created by a migration in each
 * service that takes Idempotency-Keys; IF NOT EXISTS so it can also be part of a later table set.
 */
export async function createIdempotencyKeyTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE IF NOT EXISTS "${schemaOf(queryRunner)}".idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      fingerprint text NOT NULL,
      subject text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    )`);
}

export async function dropIdempotencyKeyTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP TABLE IF EXISTS "${schemaOf(queryRunner)}".idempotency_keys`);
}

export async function dropMessagingTables(queryRunner: QueryRunner): Promise<void> {
  const s = schemaOf(queryRunner);
  await queryRunner.query(`DROP TABLE IF EXISTS "${s}".inbox`);
  await queryRunner.query(`DROP TABLE IF EXISTS "${s}".outbox`);
}

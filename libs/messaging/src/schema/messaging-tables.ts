import { QueryRunner } from 'typeorm';
import { outboxChannelOf } from '../outbox/outbox-channel';

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
  await announceOutboxCommits(queryRunner);
}

/**
 * Every statement that writes to the outbox queues a NOTIFY on the schema's channel (a statement-level trigger), so
 * the relay wakes when the transaction commits. PostgreSQL delivers a NOTIFY only on commit, never for a rollback,
 * and folds repeats within a transaction into one. In the table rather than in the code that writes to it, because
 * a separate `SELECT pg_notify` was one more round trip in every transaction that records an event (ADR 0045).
 * Idempotent: the first migration calls it, and so does the later one that adds it to existing databases.
 */
export async function announceOutboxCommits(queryRunner: QueryRunner): Promise<void> {
  const s = schemaOf(queryRunner);
  await queryRunner.query(`
    CREATE OR REPLACE FUNCTION "${s}".announce_outbox_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify(TG_ARGV[0], '');
      RETURN NULL;
    END
    $$`);
  await queryRunner.query(`DROP TRIGGER IF EXISTS announce_commit ON "${s}".outbox`);
  await queryRunner.query(`
    CREATE TRIGGER announce_commit AFTER INSERT ON "${s}".outbox
    FOR EACH STATEMENT EXECUTE FUNCTION "${s}".announce_outbox_commit('${outboxChannelOf(s).replace(/'/g, "''")}')`);
}

/** Undoes announceOutboxCommits (the code before it announced each commit itself). */
export async function stopAnnouncingOutboxCommits(queryRunner: QueryRunner): Promise<void> {
  const s = schemaOf(queryRunner);
  await queryRunner.query(`DROP TRIGGER IF EXISTS announce_commit ON "${s}".outbox`);
  await queryRunner.query(`DROP FUNCTION IF EXISTS "${s}".announce_outbox_commit()`);
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
  await queryRunner.query(`DROP FUNCTION IF EXISTS "${s}".announce_outbox_commit()`);
}

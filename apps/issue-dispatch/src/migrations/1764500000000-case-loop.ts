import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/**
 * The whole case loop: resolve windows per category, the case's resolve clock, verification, rework, rating,
 * extension, parking and rejection on the issue, and who acted in what role in the history — which from now on
 * refuses UPDATE and DELETE, so the trace-back (责任倒查) cannot be rewritten by any code path.
 */
export class CaseLoop1764500000000 implements MigrationInterface {
  name = 'CaseLoop1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "${s}".category_policies ADD COLUMN resolve_within_seconds jsonb NOT NULL DEFAULT '{}'::jsonb`,
    );
    await queryRunner.query(`
      ALTER TABLE "${s}".issues
        ADD COLUMN resolve_deadline timestamptz,
        ADD COLUMN assignee_subject text,
        ADD COLUMN work_started_at timestamptz,
        ADD COLUMN resolved_at timestamptz,
        ADD COLUMN resolved_on_time boolean,
        ADD COLUMN verified_at timestamptz,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN rework_count int NOT NULL DEFAULT 0,
        ADD COLUMN extension_count int NOT NULL DEFAULT 0,
        ADD COLUMN extension_requested_until timestamptz,
        ADD COLUMN extension_reason text,
        ADD COLUMN parked_at timestamptz,
        ADD COLUMN parked_reason text,
        ADD COLUMN paused_ack_ms bigint,
        ADD COLUMN paused_resolve_ms bigint,
        ADD COLUMN rejection_reason text,
        ADD COLUMN duplicate_of uuid,
        ADD COLUMN rating smallint CHECK (rating BETWEEN 1 AND 5),
        ADD COLUMN rating_comment text,
        ADD COLUMN rated_at timestamptz`);
    // The dispatch centre's queue: cases waiting for it, oldest first.
    await queryRunner.query(
      `CREATE INDEX issues_centre_queue ON "${s}".issues (tenant_id, reported_at) WHERE state IN ('reported', 'accepted')`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}".issue_history ADD COLUMN actor_role text, ADD COLUMN actor_grid_id text`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "${s}".issue_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'issue_history is append-only: % refused', TG_OP;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER issue_history_append_only BEFORE UPDATE OR DELETE ON "${s}".issue_history
      FOR EACH ROW EXECUTE FUNCTION "${s}".issue_history_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TRIGGER IF EXISTS issue_history_append_only ON "${s}".issue_history`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS "${s}".issue_history_append_only()`);
    await queryRunner.query(
      `ALTER TABLE "${s}".issue_history DROP COLUMN IF EXISTS actor_grid_id, DROP COLUMN IF EXISTS actor_role`,
    );
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".issues_centre_queue`);
    for (const column of [
      'resolve_deadline',
      'assignee_subject',
      'work_started_at',
      'resolved_at',
      'resolved_on_time',
      'verified_at',
      'closed_at',
      'rework_count',
      'extension_count',
      'extension_requested_until',
      'extension_reason',
      'parked_at',
      'parked_reason',
      'paused_ack_ms',
      'paused_resolve_ms',
      'rejection_reason',
      'duplicate_of',
      'rating',
      'rating_comment',
      'rated_at',
    ]) {
      await queryRunner.query(`ALTER TABLE "${s}".issues DROP COLUMN IF EXISTS ${column}`);
    }
    await queryRunner.query(`ALTER TABLE "${s}".category_policies DROP COLUMN IF EXISTS resolve_within_seconds`);
  }
}

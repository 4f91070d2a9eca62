import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/**
 * Intake (issue 4): photos, the reporter's e-mail (private, like the phone), where a report came from (REST or
 * an Open311 app) with its Open311 extras, the normalised address and an index for duplicate matching, an
 * updated-at for Open311's `updated_datetime`, and the Open311 API keys districts issue to civic apps
 * (docs/adr/0013-open311-intake.md).
 */
export class IntakeOpen3111764510000000 implements MigrationInterface {
  name = 'IntakeOpen3111764510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${s}".issues
        ADD COLUMN photo_urls text[] NOT NULL DEFAULT '{}',
        ADD COLUMN reporter_email text,
        ADD COLUMN intake_source text NOT NULL DEFAULT 'rest',
        ADD COLUMN intake_app_id uuid,
        ADD COLUMN intake_details jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN address_key text,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`UPDATE "${s}".issues SET updated_at = COALESCE(acknowledged_at, reported_at)`);
    await queryRunner.query(
      `CREATE INDEX issues_duplicate_candidates ON "${s}".issues (tenant_id, category, reported_at)`,
    );
    await queryRunner.query(`CREATE INDEX issues_tenant_reported ON "${s}".issues (tenant_id, reported_at)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".open311_api_keys (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        app_name text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        key_hint text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX open311_api_keys_tenant ON "${s}".open311_api_keys (tenant_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".open311_api_keys`);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".issues_tenant_reported`);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".issues_duplicate_candidates`);
    await queryRunner.query(`
      ALTER TABLE "${s}".issues
        DROP COLUMN IF EXISTS updated_at, DROP COLUMN IF EXISTS address_key, DROP COLUMN IF EXISTS intake_details,
        DROP COLUMN IF EXISTS intake_app_id, DROP COLUMN IF EXISTS intake_source, DROP COLUMN IF EXISTS reporter_email,
        DROP COLUMN IF EXISTS photo_urls`);
  }
}

import { QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/**
 * The tables every service that holds contacts creates in its own schema, from its own migration: the access log
 * (append-only: a trigger refuses UPDATE and DELETE, as on issue_history, so no code path can rewrite who read
 * what) and the district's retention period.
 */
export async function createPersonalDataTables(queryRunner: QueryRunner): Promise<void> {
  await createContactAccessLogTable(queryRunner);
  await queryRunner.query(`
    CREATE TABLE "${schemaOf(queryRunner)}".personal_data_policies (
      tenant_id text PRIMARY KEY,
      contact_retention_seconds int NOT NULL CHECK (contact_retention_seconds >= 0),
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
}

/** The append-only access log alone (PersonalDataModule.accessLogOnly). */
export async function createContactAccessLogTable(queryRunner: QueryRunner): Promise<void> {
  const s = schemaOf(queryRunner);
  await queryRunner.query(`
    CREATE TABLE "${s}".contact_access_log (
      id bigserial PRIMARY KEY,
      tenant_id text NOT NULL,
      reader_subject text NOT NULL,
      reader_name text,
      reader_roles jsonb NOT NULL,
      case_id uuid,
      member_id uuid,
      fields text[] NOT NULL,
      route text NOT NULL,
      purpose text NOT NULL,
      correlation_id text,
      at timestamptz NOT NULL DEFAULT now()
    )`);
  // The auditor's questions: a district's reads in a period, newest first; by reader; by case or member.
  await queryRunner.query(
    `CREATE INDEX contact_access_log_tenant_at ON "${s}".contact_access_log (tenant_id, at DESC, id DESC)`,
  );
  await queryRunner.query(
    `CREATE INDEX contact_access_log_reader ON "${s}".contact_access_log (tenant_id, reader_subject, at DESC)`,
  );
  await queryRunner.query(
    `CREATE INDEX contact_access_log_case ON "${s}".contact_access_log (case_id) WHERE case_id IS NOT NULL`,
  );
  await queryRunner.query(
    `CREATE INDEX contact_access_log_member ON "${s}".contact_access_log (member_id) WHERE member_id IS NOT NULL`,
  );
  await queryRunner.query(`
    CREATE FUNCTION "${s}".contact_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'contact_access_log is append-only: % refused', TG_OP;
    END $$`);
  await queryRunner.query(`
    CREATE TRIGGER contact_access_log_append_only BEFORE UPDATE OR DELETE ON "${s}".contact_access_log
    FOR EACH ROW EXECUTE FUNCTION "${s}".contact_access_log_append_only()`);
  // TRUNCATE skips row triggers; refuse it too.
  await queryRunner.query(`
    CREATE TRIGGER contact_access_log_no_truncate BEFORE TRUNCATE ON "${s}".contact_access_log
    FOR EACH STATEMENT EXECUTE FUNCTION "${s}".contact_access_log_append_only()`);
}

export async function dropPersonalDataTables(queryRunner: QueryRunner): Promise<void> {
  const s = schemaOf(queryRunner);
  await queryRunner.query(`DROP TABLE IF EXISTS "${s}".personal_data_policies`);
  await queryRunner.query(`DROP TABLE IF EXISTS "${s}".contact_access_log`);
  await queryRunner.query(`DROP FUNCTION IF EXISTS "${s}".contact_access_log_append_only()`);
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';
import { createDurableTimerTable } from '@gridline/scheduling';

/**
 * Issue #5, volunteers and matching: richer volunteers (kind, skill levels and certificates, availability, weekly
 * cap, consent, team), teams, per-district offer settings, tasks with many offers over their life (decline or
 * expiry → the next candidate), and the append-only hours ledger. Existing offers become tasks of their issue.
 */
export class VolunteerMatching1764530000000 implements MigrationInterface {
  name = 'VolunteerMatching1764530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // Another feature of this service may have brought the timer table first; one table serves every kind.
    if (!(await queryRunner.hasTable(`${s}.durable_timers`))) await createDurableTimerTable(queryRunner);

    await queryRunner.query(`
      CREATE TABLE "${s}".teams (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, name)
      )`);
    await queryRunner.query(`
      ALTER TABLE "${s}".volunteers
        ADD COLUMN kind text NOT NULL DEFAULT 'resident',
        ADD COLUMN team_id uuid REFERENCES "${s}".teams (id),
        ADD COLUMN skill_claims jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN availability jsonb NOT NULL DEFAULT '{"weekly":[],"exceptions":[]}'::jsonb,
        ADD COLUMN weekly_task_cap int NOT NULL DEFAULT 3,
        ADD COLUMN consent_to_contact boolean NOT NULL DEFAULT false,
        ADD COLUMN account_subject text`);
    await queryRunner.query(`
      UPDATE "${s}".volunteers v SET skill_claims = COALESCE((
        SELECT jsonb_agg(jsonb_build_object('skill', skill, 'level', 1, 'certificateId', NULL, 'certificateExpiresOn', NULL))
          FROM unnest(v.skills) AS skill), '[]'::jsonb)`);
    await queryRunner.query(`CREATE INDEX volunteers_skills ON "${s}".volunteers USING gin (skills)`);
    await queryRunner.query(`CREATE INDEX volunteers_team ON "${s}".volunteers (tenant_id, team_id)`);

    await queryRunner.query(`
      ALTER TABLE "${s}".help_categories
        ADD COLUMN min_level int NOT NULL DEFAULT 1,
        ADD COLUMN certificate_required boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE TABLE "${s}".volunteer_settings (
        tenant_id text PRIMARY KEY,
        offer_expiry_seconds int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE "${s}".volunteer_tasks (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        source text NOT NULL CHECK (source IN ('issue', 'request')),
        issue_id text,
        grid_id text NOT NULL,
        skill text NOT NULL,
        min_level int NOT NULL,
        certificate_required boolean NOT NULL,
        needed int NOT NULL CHECK (needed > 0),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN ('open', 'filled', 'unfilled')),
        requested_by text NOT NULL,
        note text,
        correlation_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, issue_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX volunteer_tasks_listing ON "${s}".volunteer_tasks (tenant_id, created_at, id)`,
    );
    await queryRunner.query(`
      INSERT INTO "${s}".volunteer_tasks (id, tenant_id, source, issue_id, grid_id, skill, min_level, certificate_required, needed, starts_at, ends_at, state, requested_by, created_at)
      SELECT gen_random_uuid(), tenant_id, 'issue', issue_id, issue_grid_id, skill, 1, false, 1, offered_at, offered_at + interval '1 hour', 'open', 'system:issue', offered_at
        FROM "${s}".task_offers`);
    await queryRunner.query(`
      INSERT INTO "${s}".volunteer_tasks (id, tenant_id, source, issue_id, grid_id, skill, min_level, certificate_required, needed, starts_at, ends_at, state, requested_by, created_at)
      SELECT gen_random_uuid(), tenant_id, 'issue', issue_id, issue_grid_id, skill, 1, false, 1, decided_at, decided_at + interval '1 hour', 'unfilled', 'system:issue', decided_at
        FROM "${s}".unmatched_issues`);
    await queryRunner.query(`DROP TABLE "${s}".unmatched_issues`);

    // An issue now has one task with many offers over time (decline or expiry → the next candidate).
    await queryRunner.query(`ALTER TABLE "${s}".task_offers DROP CONSTRAINT task_offers_tenant_id_issue_id_key`);
    await queryRunner.query(`
      ALTER TABLE "${s}".task_offers
        ALTER COLUMN issue_id DROP NOT NULL,
        ADD COLUMN task_id uuid REFERENCES "${s}".volunteer_tasks (id),
        ADD COLUMN status text NOT NULL DEFAULT 'offered',
        ADD COLUMN starts_at timestamptz,
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN answered_at timestamptz,
        ADD COLUMN checked_in_at timestamptz,
        ADD COLUMN checked_out_at timestamptz,
        ADD COLUMN completed_at timestamptz,
        ADD COLUMN decline_reason text`);
    // Offers made before this migration had no expiry: they stay answerable, they just never lapse.
    await queryRunner.query(`
      UPDATE "${s}".task_offers o SET task_id = t.id, starts_at = t.starts_at
        FROM "${s}".volunteer_tasks t WHERE t.tenant_id = o.tenant_id AND t.issue_id = o.issue_id`);
    await queryRunner.query(
      `ALTER TABLE "${s}".task_offers ALTER COLUMN task_id SET NOT NULL, ALTER COLUMN starts_at SET NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX task_offers_once_per_volunteer ON "${s}".task_offers (task_id, volunteer_id)`,
    );
    await queryRunner.query(`CREATE INDEX task_offers_task ON "${s}".task_offers (task_id, status)`);
    await queryRunner.query(
      `CREATE INDEX task_offers_volunteer_load ON "${s}".task_offers (tenant_id, volunteer_id, starts_at) INCLUDE (status, offered_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE "${s}".hours_entries (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        volunteer_id uuid NOT NULL REFERENCES "${s}".volunteers (id),
        minutes int NOT NULL CHECK (minutes <> 0),
        kind text NOT NULL CHECK (kind IN ('task', 'correction')),
        task_id uuid REFERENCES "${s}".volunteer_tasks (id),
        offer_id uuid UNIQUE REFERENCES "${s}".task_offers (id),
        issue_id text,
        corrects_entry_id uuid REFERENCES "${s}".hours_entries (id),
        reason text,
        grid_id text NOT NULL,
        team_id uuid,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by text NOT NULL,
        CHECK (kind <> 'correction' OR reason IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX hours_entries_volunteer ON "${s}".hours_entries (tenant_id, volunteer_id, occurred_at)`,
    );
    await queryRunner.query(`CREATE INDEX hours_entries_listing ON "${s}".hours_entries (tenant_id, occurred_at, id)`);
    // Append-only in the database itself, not only by convention: a correction is a new entry.
    await queryRunner.query(`
      CREATE FUNCTION "${s}".hours_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'hours_entries is append-only: book a correction instead'; END $$`);
    await queryRunner.query(`
      CREATE TRIGGER hours_entries_append_only BEFORE UPDATE OR DELETE ON "${s}".hours_entries
        FOR EACH ROW EXECUTE FUNCTION "${s}".hours_entries_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".hours_entries`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS "${s}".hours_entries_append_only()`);
    await queryRunner.query(
      `DELETE FROM "${s}".task_offers o USING (SELECT task_id FROM "${s}".task_offers GROUP BY task_id HAVING count(*) > 1) d WHERE o.task_id = d.task_id`,
    );
    await queryRunner.query(`DELETE FROM "${s}".task_offers WHERE issue_id IS NULL`);
    await queryRunner.query(`
      ALTER TABLE "${s}".task_offers
        DROP COLUMN task_id, DROP COLUMN status, DROP COLUMN starts_at, DROP COLUMN expires_at, DROP COLUMN answered_at,
        DROP COLUMN checked_in_at, DROP COLUMN checked_out_at, DROP COLUMN completed_at, DROP COLUMN decline_reason,
        ALTER COLUMN issue_id SET NOT NULL,
        ADD CONSTRAINT task_offers_tenant_id_issue_id_key UNIQUE (tenant_id, issue_id)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".unmatched_issues (
        tenant_id text NOT NULL, issue_id text NOT NULL, skill text NOT NULL, issue_grid_id text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (tenant_id, issue_id)
      )`);
    await queryRunner.query(`
      INSERT INTO "${s}".unmatched_issues (tenant_id, issue_id, skill, issue_grid_id, decided_at)
      SELECT tenant_id, issue_id, skill, grid_id, created_at FROM "${s}".volunteer_tasks WHERE state = 'unfilled' AND issue_id IS NOT NULL`);
    await queryRunner.query(`DROP TABLE "${s}".volunteer_tasks`);
    await queryRunner.query(`DROP TABLE "${s}".volunteer_settings`);
    await queryRunner.query(
      `ALTER TABLE "${s}".help_categories DROP COLUMN min_level, DROP COLUMN certificate_required`,
    );
    await queryRunner.query(`
      ALTER TABLE "${s}".volunteers DROP COLUMN kind, DROP COLUMN team_id, DROP COLUMN skill_claims, DROP COLUMN availability,
        DROP COLUMN weekly_task_cap, DROP COLUMN consent_to_contact, DROP COLUMN account_subject`);
    await queryRunner.query(`DROP TABLE "${s}".teams`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';
import { createDurableTimerTable } from '@gridline/scheduling';

/**
 * Zero-report (零上报): district policies, daily check-ins, missed check-ins and the record of each closed day,
 * plus the durable-timer table grid-registry now needs for its daily cut-off.
 */
export class ZeroReport1764310000000 implements MigrationInterface {
  name = 'ZeroReport1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // Another feature may have given grid-registry its timers first; the table is shared, so create it once.
    const [{ exists }] = (await queryRunner.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
      `"${s}".durable_timers`,
    ])) as Array<{ exists: boolean }>;
    if (!exists) await createDurableTimerTable(queryRunner);

    await queryRunner.query(`
      CREATE TABLE "${s}".zero_report_policies (
        tenant_id text PRIMARY KEY REFERENCES "${s}".tenants (tenant_id),
        cutoff text NOT NULL CHECK (cutoff ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        time_zone text NOT NULL,
        levels text[] NOT NULL CHECK (cardinality(levels) > 0 AND levels <@ ARRAY['street', 'community', 'grid', 'micro']),
        enabled boolean NOT NULL,
        version int NOT NULL CHECK (version > 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}".check_ins (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        grid_id uuid NOT NULL,
        local_date date NOT NULL,
        nothing_to_report boolean NOT NULL,
        matters jsonb NOT NULL DEFAULT '[]'::jsonb,
        reported_by_member_id uuid,
        reported_by_name text,
        recorded_by text NOT NULL,
        checked_in_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT check_ins_grid_fkey FOREIGN KEY (tenant_id, grid_id) REFERENCES "${s}".grids (tenant_id, id),
        CONSTRAINT check_ins_one_per_grid_and_day_key UNIQUE (tenant_id, grid_id, local_date),
        CONSTRAINT check_ins_matters_match CHECK (nothing_to_report = (jsonb_array_length(matters) = 0))
      )`);
    await queryRunner.query(`CREATE INDEX check_ins_day ON "${s}".check_ins (tenant_id, local_date)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".missed_check_ins (
        tenant_id text NOT NULL,
        grid_id uuid NOT NULL,
        local_date date NOT NULL,
        level text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, grid_id, local_date),
        CONSTRAINT missed_check_ins_grid_fkey FOREIGN KEY (tenant_id, grid_id) REFERENCES "${s}".grids (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX missed_check_ins_day ON "${s}".missed_check_ins (tenant_id, local_date)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".check_in_day_closings (
        tenant_id text NOT NULL REFERENCES "${s}".tenants (tenant_id),
        local_date date NOT NULL,
        cutoff_at timestamptz NOT NULL,
        closed_at timestamptz NOT NULL DEFAULT now(),
        missed_count int NOT NULL DEFAULT 0,
        processing_ms int NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, local_date)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".check_in_day_closings`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".missed_check_ins`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".check_ins`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".zero_report_policies`);
    await queryRunner.query(`DELETE FROM "${s}".durable_timers WHERE kind = 'zero-report.cutoff'`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/**
 * People and roles: the `members` table (leaders only until now) gets every role, a note, a version for its
 * published state and `ended_at` (memberships end, rows stay); grids get a weekly duty roster.
 */
export class MembersAndRoster1764380000000 implements MigrationInterface {
  name = 'MembersAndRoster1764380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}".members DROP CONSTRAINT members_role_check`);
    await queryRunner.query(`
      ALTER TABLE "${s}".members
        ADD CONSTRAINT members_role_check CHECK (role IN ('leader', 'worker', 'party-hub', 'property', 'merchant', 'volunteer')),
        ADD COLUMN note text,
        ADD COLUMN version int NOT NULL DEFAULT 1 CHECK (version > 0),
        ADD COLUMN ended_at timestamptz,
        ADD CONSTRAINT members_ended_after_start CHECK (ended_at IS NULL OR ended_at >= created_at)`);
    // At most one ACTIVE leader per grid. Same name as before, so the leader use cases still recognise it.
    await queryRunner.query(`DROP INDEX "${s}".members_one_leader_per_grid_key`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX members_one_leader_per_grid_key ON "${s}".members (tenant_id, grid_id) WHERE role = 'leader' AND ended_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX members_grid ON "${s}".members (tenant_id, grid_id) WHERE ended_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "${s}".duty_rosters (
        tenant_id text NOT NULL,
        grid_id uuid NOT NULL,
        time_zone text NOT NULL,
        shifts jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(shifts) = 'array'),
        version int NOT NULL CHECK (version > 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, grid_id),
        CONSTRAINT duty_rosters_grid_fkey FOREIGN KEY (tenant_id, grid_id) REFERENCES "${s}".grids (tenant_id, id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".duty_rosters`);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".members_grid`);
    await queryRunner.query(`DROP INDEX "${s}".members_one_leader_per_grid_key`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX members_one_leader_per_grid_key ON "${s}".members (tenant_id, grid_id) WHERE role = 'leader'`,
    );
    await queryRunner.query(`DELETE FROM "${s}".members WHERE role <> 'leader' OR ended_at IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE "${s}".members
        DROP CONSTRAINT members_ended_after_start,
        DROP COLUMN ended_at,
        DROP COLUMN version,
        DROP COLUMN note,
        DROP CONSTRAINT members_role_check,
        ADD CONSTRAINT members_role_check CHECK (role IN ('leader'))`);
  }
}

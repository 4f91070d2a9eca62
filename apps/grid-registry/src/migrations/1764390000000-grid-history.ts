import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/** A grid with no parent (a street) is grouped under this id for the unique-name-under-parent rule. */
const NO_PARENT = '00000000-0000-0000-0000-000000000000';

/**
 * Effective-dated grid tree (docs/adr/0011-grid-history.md): a status on every grid, and grid_versions, one row
 * per state of a grid's place in the tree over [valid_from, valid_to). Existing grids get their first row from
 * their creation time.
 */
export class GridHistory1764390000000 implements MigrationInterface {
  name = 'GridHistory1764390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "${s}".grids ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired'))`,
    );
    // A retired grid keeps its name; only active siblings must differ, so a name can be used again.
    await queryRunner.query(`DROP INDEX "${s}".grids_name_under_parent_key`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX grids_name_under_parent_key ON "${s}".grids (tenant_id, COALESCE(parent_id, '${NO_PARENT}'::uuid), name) WHERE status = 'active'`,
    );
    await queryRunner.query(`
      CREATE TABLE "${s}".grid_versions (
        tenant_id text NOT NULL,
        grid_id uuid NOT NULL,
        -- The grid's published state version that opened this row.
        version int NOT NULL CHECK (version > 0),
        parent_id uuid,
        level text NOT NULL CHECK (level IN ('street', 'community', 'grid', 'micro')),
        code text NOT NULL CHECK (code ~ '^[0-9]{6,30}$'),
        name text NOT NULL,
        dedicated text,
        status text NOT NULL CHECK (status IN ('active', 'retired')),
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, grid_id, version),
        CONSTRAINT grid_versions_grid_fkey FOREIGN KEY (tenant_id, grid_id) REFERENCES "${s}".grids (tenant_id, id),
        CONSTRAINT grid_versions_period_check CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    // At most one open row per grid: the current one.
    await queryRunner.query(
      `CREATE UNIQUE INDEX grid_versions_one_open_key ON "${s}".grid_versions (tenant_id, grid_id) WHERE valid_to IS NULL`,
    );
    // "The tree as it was at t": rows of one district whose period contains t.
    await queryRunner.query(
      `CREATE INDEX grid_versions_as_of ON "${s}".grid_versions (tenant_id, valid_from, valid_to)`,
    );
    // Codes ever issued under a parent code, so a code is never handed out twice.
    await queryRunner.query(
      `CREATE INDEX grid_versions_code ON "${s}".grid_versions (tenant_id, code text_pattern_ops)`,
    );
    await queryRunner.query(`
      INSERT INTO "${s}".grid_versions (tenant_id, grid_id, version, parent_id, level, code, name, dedicated, status, valid_from, valid_to)
      SELECT tenant_id, id, version, parent_id, level, code, name, dedicated, status, created_at, NULL FROM "${s}".grids`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".grid_versions`);
    await queryRunner.query(`DROP INDEX "${s}".grids_name_under_parent_key`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX grids_name_under_parent_key ON "${s}".grids (tenant_id, COALESCE(parent_id, '${NO_PARENT}'::uuid), name)`,
    );
    await queryRunner.query(`ALTER TABLE "${s}".grids DROP COLUMN status`);
  }
}

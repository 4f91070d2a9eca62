import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables, schemaOf } from '@gridline/messaging';

/** A grid with no parent (a street) is grouped under this id for the unique-name-under-parent rule. */
const NO_PARENT = '00000000-0000-0000-0000-000000000000';

export class InitialSchema1764200000000 implements MigrationInterface {
  name = 'InitialSchema1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await createMessagingTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}".tenants (
        tenant_id text PRIMARY KEY CHECK (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
        division_code text NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
        name text NOT NULL,
        name_en text,
        version int NOT NULL CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tenants_division_code_key UNIQUE (division_code)
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}".grids (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL REFERENCES "${s}".tenants (tenant_id),
        parent_id uuid,
        level text NOT NULL CHECK (level IN ('street', 'community', 'grid', 'micro')),
        code text NOT NULL CHECK (code ~ '^[0-9]{6,30}$'),
        name text NOT NULL,
        dedicated text CHECK (dedicated IN ('school', 'hospital', 'market', 'company', 'other')),
        addresses text[] NOT NULL DEFAULT '{}',
        version int NOT NULL CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT grids_tenant_id_key UNIQUE (tenant_id, id),
        CONSTRAINT grids_tenant_code_key UNIQUE (tenant_id, code),
        -- A parent must belong to the same tenant: tenancy held by the database, not only by queries.
        CONSTRAINT grids_parent_fkey FOREIGN KEY (tenant_id, parent_id) REFERENCES "${s}".grids (tenant_id, id),
        CONSTRAINT grids_only_streets_at_top CHECK ((level = 'street') = (parent_id IS NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX grids_name_under_parent_key ON "${s}".grids (tenant_id, COALESCE(parent_id, '${NO_PARENT}'::uuid), name)`,
    );
    await queryRunner.query(`CREATE INDEX grids_children ON "${s}".grids (tenant_id, parent_id, level)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".grid_addresses (
        tenant_id text NOT NULL,
        level text NOT NULL,
        address text NOT NULL,
        grid_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, level, address),
        CONSTRAINT grid_addresses_grid_fkey FOREIGN KEY (tenant_id, grid_id) REFERENCES "${s}".grids (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX grid_addresses_grid ON "${s}".grid_addresses (tenant_id, grid_id)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".members (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        grid_id uuid NOT NULL,
        name text NOT NULL,
        phone text,
        role text NOT NULL CHECK (role IN ('leader')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT members_grid_fkey FOREIGN KEY (tenant_id, grid_id) REFERENCES "${s}".grids (tenant_id, id)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX members_one_leader_per_grid_key ON "${s}".members (tenant_id, grid_id) WHERE role = 'leader'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".members`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".grid_addresses`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".grids`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".tenants`);
    await dropMessagingTables(queryRunner);
  }
}

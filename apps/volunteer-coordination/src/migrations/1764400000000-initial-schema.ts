import { MigrationInterface, QueryRunner } from 'typeorm';
import { createGridReplicaTables, dropGridReplicaTables } from '@gridline/grid-replica';
import { createMessagingTables, dropMessagingTables, schemaOf } from '@gridline/messaging';

export class InitialSchema1764400000000 implements MigrationInterface {
  name = 'InitialSchema1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await createMessagingTables(queryRunner);
    await createGridReplicaTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}".help_categories (
        tenant_id text NOT NULL,
        category text NOT NULL,
        skill text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, category)
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}".volunteers (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        name text NOT NULL,
        phone text,
        home_grid_id text NOT NULL,
        skills text[] NOT NULL,
        offer_count int NOT NULL DEFAULT 0,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Matching reads each lineage grid's least-asked volunteer straight off this index.
    await queryRunner.query(
      `CREATE INDEX volunteers_matching ON "${s}".volunteers (tenant_id, home_grid_id, offer_count, registered_at, id)`,
    );
    await queryRunner.query(`CREATE INDEX volunteers_listing ON "${s}".volunteers (tenant_id, registered_at, id)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".task_offers (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        issue_id text NOT NULL,
        volunteer_id uuid NOT NULL REFERENCES "${s}".volunteers (id),
        skill text NOT NULL,
        issue_grid_id text NOT NULL,
        matched_grid_id text NOT NULL,
        offered_at timestamptz NOT NULL,
        UNIQUE (tenant_id, issue_id)
      )`);
    await queryRunner.query(`CREATE INDEX task_offers_listing ON "${s}".task_offers (tenant_id, offered_at, id)`);
    await queryRunner.query(`CREATE INDEX task_offers_volunteer ON "${s}".task_offers (tenant_id, volunteer_id)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".unmatched_issues (
        tenant_id text NOT NULL,
        issue_id text NOT NULL,
        skill text NOT NULL,
        issue_grid_id text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, issue_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".unmatched_issues`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".task_offers`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".volunteers`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".help_categories`);
    await dropGridReplicaTables(queryRunner);
    await dropMessagingTables(queryRunner);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { createGridReplicaTables, dropGridReplicaTables } from '@gridline/grid-replica';
import { createMessagingTables, dropMessagingTables, schemaOf } from '@gridline/messaging';

export class InitialSchema1764500000000 implements MigrationInterface {
  name = 'InitialSchema1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await createMessagingTables(queryRunner);
    await createGridReplicaTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}".issue_facts (
        tenant_id text NOT NULL,
        issue_id text NOT NULL,
        category text,
        channel text,
        origin_grid_id text,
        origin_level text,
        current_level text,
        current_grid_id text,
        escalation_depth int NOT NULL DEFAULT 0,
        critical boolean NOT NULL DEFAULT false,
        state text NOT NULL,
        reported_at timestamptz,
        dispatched_at timestamptz,
        acknowledged_at timestamptz,
        PRIMARY KEY (tenant_id, issue_id)
      )`);
    // Counts per district group by holder level and category; the index lets them read no table pages.
    await queryRunner.query(
      `CREATE INDEX issue_facts_counts ON "${s}".issue_facts (tenant_id, current_level, category) INCLUDE (state, escalation_depth, critical)`,
    );
    await queryRunner.query(`
      CREATE TABLE "${s}".escalation_steps (
        tenant_id text NOT NULL,
        issue_id text NOT NULL,
        depth int NOT NULL,
        from_level text NOT NULL,
        from_grid_id text,
        to_level text NOT NULL,
        to_grid_id text,
        reason text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, issue_id, depth)
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}".volunteer_facts (
        tenant_id text NOT NULL,
        volunteer_id text NOT NULL,
        home_grid_id text NOT NULL,
        skills text[] NOT NULL,
        registered_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, volunteer_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}".offer_facts (
        tenant_id text NOT NULL,
        offer_id text NOT NULL,
        issue_id text NOT NULL,
        volunteer_id text NOT NULL,
        skill text NOT NULL,
        issue_grid_id text NOT NULL,
        matched_grid_id text NOT NULL,
        offered_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, offer_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}".unmatched_facts (
        tenant_id text NOT NULL,
        issue_id text NOT NULL,
        skill text NOT NULL,
        issue_grid_id text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, issue_id)
      )`);
    await queryRunner.query(`CREATE INDEX grid_replica_tenant_level ON "${s}".grid_replica (tenant_id, level)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".grid_replica_tenant_level`);
    for (const table of ['unmatched_facts', 'offer_facts', 'volunteer_facts', 'escalation_steps', 'issue_facts']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${s}".${table}`);
    }
    await dropGridReplicaTables(queryRunner);
    await dropMessagingTables(queryRunner);
  }
}

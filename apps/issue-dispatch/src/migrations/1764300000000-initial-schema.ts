import { MigrationInterface, QueryRunner } from 'typeorm';
import { createGridReplicaTables, dropGridReplicaTables } from '@gridline/grid-replica';
import { createMessagingTables, dropMessagingTables, schemaOf } from '@gridline/messaging';
import { createDurableTimerTable, dropDurableTimerTable } from '@gridline/scheduling';

export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await createMessagingTables(queryRunner);
    await createDurableTimerTable(queryRunner);
    await createGridReplicaTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}".category_policies (
        tenant_id text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        ack_within_seconds jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}".issues (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        category text NOT NULL,
        channel text NOT NULL,
        description text NOT NULL,
        address text,
        reporter_name text NOT NULL,
        reporter_phone text,
        origin_grid_id text NOT NULL,
        holder_grid_id text,
        holder_level text NOT NULL,
        state text NOT NULL,
        escalation_depth int NOT NULL DEFAULT 0,
        critical boolean NOT NULL DEFAULT false,
        policy_snapshot jsonb NOT NULL,
        ack_deadline timestamptz,
        reported_at timestamptz NOT NULL,
        correlation_id text NOT NULL,
        acknowledged_at timestamptz,
        version int NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE INDEX issues_tenant_state ON "${s}".issues (tenant_id, state)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".issue_history (
        id bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        issue_id uuid NOT NULL REFERENCES "${s}".issues (id),
        action text NOT NULL,
        actor text NOT NULL,
        holder_level text NOT NULL,
        holder_grid_id text,
        reason text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX issue_history_issue ON "${s}".issue_history (issue_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".issue_history`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".issues`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".category_policies`);
    await dropGridReplicaTables(queryRunner);
    await dropDurableTimerTable(queryRunner);
    await dropMessagingTables(queryRunner);
  }
}

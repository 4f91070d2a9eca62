import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';
import { createDurableTimerTable, dropDurableTimerTable } from '@gridline/scheduling';

/**
 * The whole case loop in `issue_facts` (clocks, parking, rework, extensions, closing, rating) for the escalation
 * board and the KPIs, and durable timers for the feed's overdue notices (ADR 0019).
 */
export class CaseLoopFacts1764570000000 implements MigrationInterface {
  name = 'CaseLoopFacts1764570000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${s}".issue_facts
        ADD COLUMN holder_since timestamptz,
        ADD COLUMN parked boolean NOT NULL DEFAULT false,
        ADD COLUMN ack_deadline timestamptz,
        ADD COLUMN resolve_deadline timestamptz,
        ADD COLUMN current_deadline timestamptz,
        ADD COLUMN rework_count int NOT NULL DEFAULT 0,
        ADD COLUMN extension_count int NOT NULL DEFAULT 0,
        ADD COLUMN rating smallint,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN closed_on_time boolean,
        ADD COLUMN last_event_at timestamptz`);
    // The board reads open cases only, most urgent first; a district's and the city's board each have an index.
    await queryRunner.query(
      `CREATE INDEX issue_facts_board ON "${s}".issue_facts (tenant_id, critical DESC, current_deadline) WHERE state NOT IN ('closed', 'rejected')`,
    );
    await queryRunner.query(
      `CREATE INDEX issue_facts_city_board ON "${s}".issue_facts (critical DESC, current_deadline) WHERE state NOT IN ('closed', 'rejected')`,
    );
    // One level of a district in board order, and the counts per level from the index alone.
    await queryRunner.query(
      `CREATE INDEX issue_facts_board_level ON "${s}".issue_facts (tenant_id, current_level, critical DESC, current_deadline) INCLUDE (parked) WHERE state NOT IN ('closed', 'rejected')`,
    );
    // KPIs take the cases reported in a period (the dispatch time when the report itself was never seen).
    await queryRunner.query(
      `CREATE INDEX issue_facts_reported ON "${s}".issue_facts (tenant_id, (COALESCE(reported_at, dispatched_at)))`,
    );
    await createDurableTimerTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await dropDurableTimerTable(queryRunner);
    for (const index of [
      'issue_facts_reported',
      'issue_facts_board_level',
      'issue_facts_city_board',
      'issue_facts_board',
    ])
      await queryRunner.query(`DROP INDEX IF EXISTS "${s}".${index}`);
    await queryRunner.query(`
      ALTER TABLE "${s}".issue_facts
        DROP COLUMN holder_since, DROP COLUMN parked, DROP COLUMN ack_deadline, DROP COLUMN resolve_deadline,
        DROP COLUMN current_deadline, DROP COLUMN rework_count, DROP COLUMN extension_count, DROP COLUMN rating,
        DROP COLUMN closed_at, DROP COLUMN closed_on_time, DROP COLUMN last_event_at`);
  }
}

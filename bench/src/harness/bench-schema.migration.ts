import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables, schemaOf } from '@gridline/messaging';
import { createDurableTimerTable, dropDurableTimerTable } from '@gridline/scheduling';

/**
 * The bench service's schema: exactly the tables a Gridline service gets from the shared libs, plus
 * `bench_effects`, the one row a consumer's handler writes so the inbox benchmark pays for a real effect.
 */
export class BenchSchema1764900000000 implements MigrationInterface {
  name = 'BenchSchema1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTables(queryRunner);
    await createDurableTimerTable(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schemaOf(queryRunner)}".bench_effects (
        event_id text PRIMARY KEY,
        issue_id text NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "${schemaOf(queryRunner)}".bench_effects`);
    await dropDurableTimerTable(queryRunner);
    await dropMessagingTables(queryRunner);
  }
}

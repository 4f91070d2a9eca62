import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/** Who reported (the token subject), so a resident can follow their own cases and no one else's. */
export class IssueReporterSubject1764300000001 implements MigrationInterface {
  name = 'IssueReporterSubject1764300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}".issues ADD COLUMN reporter_subject text`);
    await queryRunner.query(`CREATE INDEX issues_reporter ON "${s}".issues (tenant_id, reporter_subject)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".issues_reporter`);
    await queryRunner.query(`ALTER TABLE "${s}".issues DROP COLUMN IF EXISTS reporter_subject`);
  }
}

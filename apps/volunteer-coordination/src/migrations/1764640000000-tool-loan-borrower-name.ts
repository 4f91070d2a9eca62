import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/**
 * A loan keeps the borrower's display name from their token (`name`), so a district's overdue list can say who
 * has the tool without reading another service's members; and the open loans are found by due time across all
 * of a district's tool rooms.
 */
export class ToolLoanBorrowerName1764640000000 implements MigrationInterface {
  name = 'ToolLoanBorrowerName1764640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}".tool_loans ADD COLUMN borrower_name text`);
    await queryRunner.query(
      `CREATE INDEX tool_loans_open_by_due ON "${s}".tool_loans (tenant_id, due_at, id) WHERE returned_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".tool_loans_open_by_due`);
    await queryRunner.query(`ALTER TABLE "${s}".tool_loans DROP COLUMN IF EXISTS borrower_name`);
  }
}

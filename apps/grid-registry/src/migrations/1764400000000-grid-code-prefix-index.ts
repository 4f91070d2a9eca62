import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/**
 * Creating a grid looks up the highest code under its parent with `code LIKE 'prefix%'`. Under a non-C
 * collation a plain b-tree cannot serve that, so each create scanned the district and bulk imports slowed as
 * the district grew (20,000 rows: 207 s). text_pattern_ops makes the prefix lookup an index range scan.
 */
export class GridCodePrefixIndex1764400000000 implements MigrationInterface {
  name = 'GridCodePrefixIndex1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX grids_tenant_code_prefix ON "${schemaOf(queryRunner)}".grids (tenant_id, code text_pattern_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "${schemaOf(queryRunner)}".grids_tenant_code_prefix`);
  }
}

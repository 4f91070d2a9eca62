import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/**
 * Each category's own Open311 attributes (the questions a civic app asks before it posts). Null, as every existing
 * category gets, keeps asking the common list; an empty list asks nothing.
 */
export class CategoryOpen311Attributes1764730000000 implements MigrationInterface {
  name = 'CategoryOpen311Attributes1764730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "${schemaOf(queryRunner)}".category_policies ADD COLUMN open311_attributes jsonb`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${schemaOf(queryRunner)}".category_policies DROP COLUMN open311_attributes`);
  }
}

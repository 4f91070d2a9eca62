import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';
import { createPersonalDataTables, dropPersonalDataTables } from '@gridline/personal-data';

/**
 * Personal data (PIPL, docs/adr/0022): the append-only log of answers that revealed a member's phone, the
 * district's retention period, and when an ended membership's phone was erased (it is now kept for that period
 * after the membership ends instead of being dropped at once).
 */
export class PersonalData1764620000000 implements MigrationInterface {
  name = 'PersonalData1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createPersonalDataTables(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schemaOf(queryRunner)}".members ADD COLUMN phone_erased_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${schemaOf(queryRunner)}".members DROP COLUMN IF EXISTS phone_erased_at`);
    await dropPersonalDataTables(queryRunner);
  }
}

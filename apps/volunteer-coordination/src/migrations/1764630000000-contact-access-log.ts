import { MigrationInterface, QueryRunner } from 'typeorm';
import { createContactAccessLogTable } from '@gridline/personal-data';
import { schemaOf } from '@gridline/messaging';

/** Every answer showing a volunteer's phone is recorded, append-only, for the district's auditor (ADR 0022). */
export class ContactAccessLog1764630000000 implements MigrationInterface {
  name = 'ContactAccessLog1764630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createContactAccessLogTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".contact_access_log`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS "${s}".contact_access_log_append_only()`);
  }
}

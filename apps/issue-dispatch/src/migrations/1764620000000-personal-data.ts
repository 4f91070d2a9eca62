import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';
import { createPersonalDataTables, dropPersonalDataTables } from '@gridline/personal-data';

/**
 * Personal data (PIPL, docs/adr/0022): the append-only log of answers that revealed a reporter's contact, the
 * district's retention period, and erasure of the contact on the issue — the case itself is kept, so the name may
 * now be empty, and the issue says when its contact is due to go and when and why it went.
 */
export class PersonalData1764620000000 implements MigrationInterface {
  name = 'PersonalData1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await createPersonalDataTables(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${s}".issues
        ALTER COLUMN reporter_name DROP NOT NULL,
        ADD COLUMN contact_erase_after timestamptz,
        ADD COLUMN contact_erased_at timestamptz,
        ADD COLUMN contact_erased_because text CHECK (contact_erased_because IN ('retention-period', 'reporter-request'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "${s}".issues DROP COLUMN IF EXISTS contact_erased_because, DROP COLUMN IF EXISTS contact_erased_at, DROP COLUMN IF EXISTS contact_erase_after`,
    );
    await queryRunner.query(`UPDATE "${s}".issues SET reporter_name = '' WHERE reporter_name IS NULL`);
    await queryRunner.query(`ALTER TABLE "${s}".issues ALTER COLUMN reporter_name SET NOT NULL`);
    await dropPersonalDataTables(queryRunner);
  }
}

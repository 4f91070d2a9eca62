import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/**
 * The hours ledger also credits service-event shifts: an entry of kind `service-shift` names the sign-up (the
 * volunteer's shift) and its occurrence. A sign-up is credited at most once (UNIQUE), whatever the code does.
 */
export class ServiceShiftHours1764580000000 implements MigrationInterface {
  name = 'ServiceShiftHours1764580000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${s}".hours_entries
        ADD COLUMN sign_up_id uuid UNIQUE REFERENCES "${s}".service_sign_ups (id),
        ADD COLUMN occurrence_id uuid REFERENCES "${s}".service_occurrences (id),
        DROP CONSTRAINT hours_entries_kind_check,
        ADD CONSTRAINT hours_entries_kind_check CHECK (kind IN ('task', 'correction', 'service-shift')),
        ADD CONSTRAINT hours_entries_shift_source CHECK (kind <> 'service-shift' OR (sign_up_id IS NOT NULL AND occurrence_id IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The ledger is append-only: shift entries cannot be removed, so this refuses while any exist (the CHECK fails).
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${s}".hours_entries
        DROP CONSTRAINT hours_entries_shift_source,
        DROP CONSTRAINT hours_entries_kind_check,
        ADD CONSTRAINT hours_entries_kind_check CHECK (kind IN ('task', 'correction')),
        DROP COLUMN occurrence_id,
        DROP COLUMN sign_up_id`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/**
 * A report whose address no grid holds waits in the district dispatch centre's manual queue (state `reported`,
 * no grid yet), so the grid it was first dispatched to is unknown until the centre dispatches it.
 */
export class UnroutedReports1764550000000 implements MigrationInterface {
  name = 'UnroutedReports1764550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${schemaOf(queryRunner)}".issues ALTER COLUMN origin_grid_id DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${schemaOf(queryRunner)}".issues ALTER COLUMN origin_grid_id SET NOT NULL`);
  }
}

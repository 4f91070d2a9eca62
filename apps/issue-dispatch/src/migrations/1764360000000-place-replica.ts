import { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlaceReplicaTables, dropPlaceReplicaTables } from '@gridline/grid-replica';
import { schemaOf } from '@gridline/messaging';

/**
 * Routing by location: replicas of grid boundaries and places (from grid-registry's compacted topics), and the
 * point a report was made at, kept on the issue (the manual-routing queue will need it).
 */
export class PlaceReplica1764360000000 implements MigrationInterface {
  name = 'PlaceReplica1764360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await createPlaceReplicaTables(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "${s}".issues ADD COLUMN location_lon double precision, ADD COLUMN location_lat double precision`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "${s}".issues DROP COLUMN IF EXISTS location_lat, DROP COLUMN IF EXISTS location_lon`,
    );
    await dropPlaceReplicaTables(queryRunner);
  }
}

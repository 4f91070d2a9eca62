import { QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/**
 * Replica tables for grid boundaries and places, for services that route by location (issue-dispatch). Called
 * from a service's own migration, after createGridReplicaTables; services that do not route may leave them out.
 */
export async function createPlaceReplicaTables(queryRunner: QueryRunner): Promise<void> {
  const s = schemaOf(queryRunner);
  await queryRunner.query(`
    CREATE TABLE "${s}".grid_boundary_replica (
      grid_id text PRIMARY KEY,
      tenant_id text NOT NULL,
      boundary jsonb,
      min_lon double precision,
      min_lat double precision,
      max_lon double precision,
      max_lat double precision,
      version int NOT NULL
    )`);
  // "Which boundaries could contain this point?" as a GiST search on bounding boxes; the exact test runs in code.
  await queryRunner.query(
    `CREATE INDEX grid_boundary_replica_bbox ON "${s}".grid_boundary_replica USING gist (box(point(min_lon, min_lat), point(max_lon, max_lat))) WHERE boundary IS NOT NULL`,
  );
  await queryRunner.query(`
    CREATE TABLE "${s}".place_replica (
      place_id text PRIMARY KEY,
      tenant_id text NOT NULL,
      grid_id text NOT NULL,
      parent_place_id text,
      kind text NOT NULL,
      name text NOT NULL,
      address text NOT NULL,
      lon double precision,
      lat double precision,
      version int NOT NULL
    )`);
  await queryRunner.query(`CREATE INDEX place_replica_address ON "${s}".place_replica (tenant_id, address)`);
}

export async function dropPlaceReplicaTables(queryRunner: QueryRunner): Promise<void> {
  const s = schemaOf(queryRunner);
  await queryRunner.query(`DROP TABLE IF EXISTS "${s}".place_replica`);
  await queryRunner.query(`DROP TABLE IF EXISTS "${s}".grid_boundary_replica`);
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';

/** Grid boundaries and places (courtyards, buildings, stairwells, points of interest). */
export class Places1764350000000 implements MigrationInterface {
  name = 'Places1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}".grid_boundaries (
        tenant_id text NOT NULL,
        grid_id uuid NOT NULL,
        geometry jsonb NOT NULL CHECK (geometry->>'type' IN ('Polygon', 'MultiPolygon')),
        min_lon double precision NOT NULL,
        min_lat double precision NOT NULL,
        max_lon double precision NOT NULL,
        max_lat double precision NOT NULL,
        positions int NOT NULL CHECK (positions >= 4),
        -- The grid's version when the boundary was last set: orders boundary changes for the in-memory index.
        version int NOT NULL CHECK (version > 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, grid_id),
        CONSTRAINT grid_boundaries_grid_fkey FOREIGN KEY (tenant_id, grid_id) REFERENCES "${s}".grids (tenant_id, id),
        CONSTRAINT grid_boundaries_bbox_check CHECK (min_lon <= max_lon AND min_lat <= max_lat
          AND min_lon >= -180 AND max_lon <= 180 AND min_lat >= -90 AND max_lat <= 90)
      )`);
    // Bounding boxes for "which boundaries could contain this point" in SQL (the service answers from memory).
    await queryRunner.query(
      `CREATE INDEX grid_boundaries_bbox ON "${s}".grid_boundaries USING gist (box(point(min_lon, min_lat), point(max_lon, max_lat)))`,
    );
    await queryRunner.query(`
      CREATE TABLE "${s}".places (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL REFERENCES "${s}".tenants (tenant_id),
        grid_id uuid NOT NULL,
        parent_place_id uuid,
        kind text NOT NULL CHECK (kind IN ('courtyard', 'building', 'stairwell', 'poi')),
        name text NOT NULL,
        address text NOT NULL,
        lon double precision CHECK (lon BETWEEN -180 AND 180),
        lat double precision CHECK (lat BETWEEN -90 AND 90),
        version int NOT NULL CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT places_point_whole CHECK ((lon IS NULL) = (lat IS NULL)),
        CONSTRAINT places_tenant_id_key UNIQUE (tenant_id, id),
        CONSTRAINT places_address_key UNIQUE (tenant_id, address),
        CONSTRAINT places_grid_fkey FOREIGN KEY (tenant_id, grid_id) REFERENCES "${s}".grids (tenant_id, id),
        -- A parent place must belong to the same district: tenancy held by the database, not only by queries.
        CONSTRAINT places_parent_fkey FOREIGN KEY (tenant_id, parent_place_id) REFERENCES "${s}".places (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX places_grid ON "${s}".places (tenant_id, grid_id, address)`);
    // The resolve index reads what changed every second (places/location-index.ts): grids (a boundary change
    // bumps its grid) and places, by (updated_at, id).
    await queryRunner.query(`CREATE INDEX places_changes ON "${s}".places (updated_at, id)`);
    await queryRunner.query(`CREATE INDEX grids_changes ON "${s}".grids (updated_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".grids_changes`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".places`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".grid_boundaries`);
  }
}

import { Client } from 'pg';
import { City, CityGrid } from './city-generator';

/** The fixture's rows are dated in the past, so the service's change reader does not re-read them after start. */
const LOADED_AT = '2026-01-01T00:00:00Z';
const CHUNK = 5000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A benchmark fixture, not an import path: writes a generated city straight into grid-registry's tables
 * (schema `grid_registry`, created by the service's migrations) with multi-row `INSERT … SELECT unnest(…)`,
 * 5,000 rows per statement, in one transaction. It bypasses the use cases, so nothing is validated twice and
 * **no event is emitted**: replicas in other services never hear of these grids. Use the REST API (or the bulk
 * import, when it exists) for data other services must see.
 */
export async function loadCity(client: Client, city: City): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO grid_registry.tenants (tenant_id, division_code, name, version, created_at, updated_at)
       SELECT t, d, n, 1, $4, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS x(t, d, n)`,
      [
        city.tenants.map((t) => t.tenantId),
        city.tenants.map((t) => t.divisionCode),
        city.tenants.map((t) => t.name),
        LOADED_AT,
      ],
    );
    // Parents before children: the composite foreign key checks each row.
    for (const level of ['street', 'community', 'grid', 'micro'] as const) {
      for (const part of chunks(
        city.grids.filter((g) => g.level === level),
        CHUNK,
      ))
        await insertGrids(client, part);
    }
    for (const part of chunks(city.grids, CHUNK)) await insertBoundaries(client, part);
    for (const part of chunks(city.places, CHUNK)) {
      await client.query(
        `INSERT INTO grid_registry.places (id, tenant_id, grid_id, parent_place_id, kind, name, address, lon, lat, version, created_at, updated_at)
         SELECT id, t, g, NULL, k, n, a, lon, lat, 1, $9, $9
           FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[]) AS x(id, t, g, k, n, a, lon, lat)`,
        [
          part.map((p) => p.id),
          part.map((p) => p.tenantId),
          part.map((p) => p.gridId),
          part.map((p) => p.kind),
          part.map((p) => p.name),
          part.map((p) => p.address),
          part.map((p) => p.lon),
          part.map((p) => p.lat),
          LOADED_AT,
        ],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function insertGrids(client: Client, grids: readonly CityGrid[]): Promise<void> {
  await client.query(
    `INSERT INTO grid_registry.grids (id, tenant_id, parent_id, level, code, name, dedicated, addresses, version, created_at, updated_at)
     SELECT id, t, p, l, c, n, d, '{}', 2, $8, $8
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(id, t, p, l, c, n, d)`,
    [
      grids.map((g) => g.id),
      grids.map((g) => g.tenantId),
      grids.map((g) => g.parentId),
      grids.map((g) => g.level),
      grids.map((g) => g.code),
      grids.map((g) => g.name),
      grids.map((g) => g.dedicated),
      LOADED_AT,
    ],
  );
}

async function insertBoundaries(client: Client, grids: readonly CityGrid[]): Promise<void> {
  await client.query(
    `INSERT INTO grid_registry.grid_boundaries (tenant_id, grid_id, geometry, min_lon, min_lat, max_lon, max_lat, positions, version, updated_at)
     SELECT t, g, geo::jsonb, x0, y0, x1, y1, n, 2, $9
       FROM unnest($1::text[], $2::uuid[], $3::text[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::int[]) AS x(t, g, geo, x0, y0, x1, y1, n)`,
    [
      grids.map((g) => g.tenantId),
      grids.map((g) => g.id),
      grids.map((g) => JSON.stringify(g.boundary)),
      grids.map((g) => g.bbox[0]),
      grids.map((g) => g.bbox[1]),
      grids.map((g) => g.bbox[2]),
      grids.map((g) => g.bbox[3]),
      grids.map((g) => g.boundary.coordinates.reduce((n, ring) => n + ring.length, 0)),
      LOADED_AT,
    ],
  );
}

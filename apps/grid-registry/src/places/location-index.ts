import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GridLevel } from '@gridline/contracts';
import type { BoundaryGeometry } from '@gridline/location';
import { LocationResolver } from './domain/location-resolver';

/** How often the index reads what changed in PostgreSQL, and how far back each read reaches. */
const REFRESH_EVERY_MS = 1000;
/** Re-reading the last seconds covers transactions that committed late and clocks a little apart. */
const OVERLAP_MS = 5000;
const PAGE = 5000;
const NO_ID = '00000000-0000-0000-0000-000000000000';
const BEGINNING = '-infinity';

interface GridRow {
  id: string;
  tenant_id: string;
  level: GridLevel;
  code: string;
  name: string;
  dedicated: string | null;
  version: number;
  geometry: BoundaryGeometry | null;
  boundary_version: number | null;
  at: string;
}

interface PlaceRow {
  id: string;
  tenant_id: string;
  grid_id: string;
  address: string;
  at: string;
}

/**
 * The service's in-memory resolver of points and addresses (one spatial index per district), so a resolution
 * costs no query:
 * - built from PostgreSQL when the service starts, before it listens;
 * - updated in this process right after each boundary or place change commits (read-your-writes);
 * - refreshed every second from the rows changed since the last read (grids, with their boundary, and places),
 *   which picks up changes made by other replicas and by other use cases (a grid moved, renamed or made
 *   dedicated) within about a second. Every change is versioned, so reading one twice changes nothing.
 * A crash loses nothing: the next start rebuilds from the database. See docs/adr/0008-resolving-locations.md.
 */
@Injectable()
export class LocationIndex implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LocationIndex');
  readonly resolver = new LocationResolver();
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> | null = null;
  private lastReadStartedAt = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    await this.readChangesSince(BEGINNING);
    this.lastReadStartedAt = started;
    const { tenants, boundaries, places } = this.resolver.size;
    this.logger.log(
      `resolve index ready: ${boundaries} boundaries and ${places} places in ${tenants} districts (${Date.now() - started} ms)`,
    );
    this.timer = setInterval(() => void this.refresh(), REFRESH_EVERY_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.refreshing;
  }

  /** Applies what changed in PostgreSQL since the previous read (minus the overlap); one read at a time. */
  async refresh(): Promise<void> {
    if (this.refreshing) return this.refreshing;
    const startedAt = Date.now();
    const since = new Date(this.lastReadStartedAt - OVERLAP_MS).toISOString();
    this.refreshing = this.readChangesSince(since)
      .then(() => {
        this.lastReadStartedAt = startedAt;
      })
      .catch((error: unknown) =>
        this.logger.warn(`refresh failed, will retry: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  private async readChangesSince(since: string): Promise<void> {
    await this.readGrids(since);
    await this.readPlaces(since);
  }

  /** Grids changed since `since`, with their boundary; keyset pages on (updated_at, id), exact to the microsecond. */
  private async readGrids(since: string): Promise<void> {
    let after = [since, NO_ID];
    for (;;) {
      const rows: GridRow[] = await this.dataSource.query(
        `SELECT g.id, g.tenant_id, g.level, g.code, g.name, g.dedicated, g.version, b.geometry, b.version AS boundary_version, g.updated_at::text AS at
           FROM grids g LEFT JOIN grid_boundaries b ON b.tenant_id = g.tenant_id AND b.grid_id = g.id
          WHERE (g.updated_at, g.id) > ($1::timestamptz, $2::uuid)
          ORDER BY g.updated_at, g.id LIMIT ${PAGE}`,
        after,
      );
      for (const row of rows) {
        this.resolver.putGrid(
          {
            gridId: row.id,
            tenantId: row.tenant_id,
            level: row.level,
            code: row.code,
            name: row.name,
            dedicated: row.dedicated,
          },
          row.version,
        );
        if (row.geometry !== null && row.boundary_version !== null)
          this.resolver.setBoundary(row.tenant_id, row.id, row.geometry, row.boundary_version);
        else this.resolver.removeBoundary(row.tenant_id, row.id, row.version);
      }
      if (rows.length < PAGE) return;
      after = [rows[rows.length - 1].at, rows[rows.length - 1].id];
    }
  }

  private async readPlaces(since: string): Promise<void> {
    let after = [since, NO_ID];
    for (;;) {
      const rows: PlaceRow[] = await this.dataSource.query(
        `SELECT p.id, p.tenant_id, p.grid_id, p.address, p.updated_at::text AS at FROM places p
          WHERE (p.updated_at, p.id) > ($1::timestamptz, $2::uuid)
          ORDER BY p.updated_at, p.id LIMIT ${PAGE}`,
        after,
      );
      for (const row of rows)
        this.resolver.putPlace({ placeId: row.id, tenantId: row.tenant_id, gridId: row.grid_id, address: row.address });
      if (rows.length < PAGE) return;
      after = [rows[rows.length - 1].at, rows[rows.length - 1].id];
    }
  }
}

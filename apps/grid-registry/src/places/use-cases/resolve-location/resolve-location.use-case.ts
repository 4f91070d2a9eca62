import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GridLevel } from '@gridline/contracts';
import { normaliseAddress } from '@gridline/location';
import { ValidationFailedError } from '@gridline/platform';
import { Resolution } from '../../domain/location-resolver';
import { LocationIndex } from '../../location-index';
import { PlaceErrors } from '../../place-errors';
import { ResolutionView, toResolutionView } from './resolution-view';
import { ResolveLocationQuery } from './resolve-location.query';
import { requireDistrict } from '../../../tenants/require-district';

/**
 * Turns a point or an address into the grid responsible for it (docs/adr/0008-resolving-locations.md):
 * - a point: the most responsible grid whose boundary contains it (dedicated first, then deepest), from memory;
 * - an address: the grid of the place registered under its normalised form, from memory; failing that, a grid
 *   that lists the address among its own `addresses` (dedicated first, then deepest), from the database.
 * Only a miss touches the database, to tell an unknown district from a location outside the district's grids.
 */
@Injectable()
export class ResolveLocationUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: LocationIndex,
  ) {}

  async execute(tenantId: string, query: ResolveLocationQuery): Promise<ResolutionView> {
    const problem = queryProblem(query);
    if (problem) throw new ValidationFailedError([problem]);
    const resolution = await this.resolveOne(tenantId, query);
    if (resolution) return toResolutionView(resolution);
    await this.assertDistrictExists(tenantId);
    throw PlaceErrors.LOCATION_NOT_IN_DISTRICT(tenantId, query);
  }

  /** One well-formed query (see `queryProblem`): from memory, or for an address no place holds, from the grids' own addresses. */
  async resolveOne(tenantId: string, query: ResolveLocationQuery): Promise<Resolution | null> {
    if (query.address === undefined)
      return this.index.resolver.resolvePoint(tenantId, query.lon as number, query.lat as number);
    return (
      this.index.resolver.resolveAddress(tenantId, query.address) ?? (await this.byGridAddress(tenantId, query.address))
    );
  }

  async assertDistrictExists(tenantId: string): Promise<void> {
    await requireDistrict(this.dataSource.manager, tenantId);
  }

  /** Addresses claimed by grids themselves (grid `addresses`), kept as they were given, so both spellings are tried. */
  private async byGridAddress(tenantId: string, address: string): Promise<Resolution | null> {
    const spellings = [...new Set([address.trim(), normaliseAddress(address)])];
    const rows: Array<{ id: string; level: GridLevel; code: string; name: string; dedicated: string | null }> =
      await this.dataSource.query(
        `SELECT g.id, g.level, g.code, g.name, g.dedicated
         FROM grid_addresses a JOIN grids g ON g.tenant_id = a.tenant_id AND g.id = a.grid_id
        WHERE a.tenant_id = $1 AND a.address = ANY($2)
        ORDER BY g.dedicated IS NULL, CASE g.level WHEN 'micro' THEN 0 WHEN 'grid' THEN 1 WHEN 'community' THEN 2 ELSE 3 END, g.code
        LIMIT 1`,
        [tenantId, spellings],
      );
    if (rows.length === 0) return null;
    const [g] = rows;
    return {
      grid: { gridId: g.id, tenantId, level: g.level, code: g.code, name: g.name, dedicated: g.dedicated },
      matchedBy: 'address',
      placeId: null,
    };
  }
}

/** Either lon and lat, or address: the shape rule the validators of one field cannot express. Null when well formed. */
export function queryProblem(query: ResolveLocationQuery, path = ''): { field: string; reason: string } | null {
  const byPoint = query.lon !== undefined || query.lat !== undefined;
  if (byPoint === (query.address !== undefined))
    return { field: path || 'query', reason: 'give either lon and lat, or address (not both)' };
  if (byPoint && (query.lon === undefined || query.lat === undefined))
    return { field: `${path}${query.lon === undefined ? 'lon' : 'lat'}`, reason: 'lon and lat go together' };
  return null;
}

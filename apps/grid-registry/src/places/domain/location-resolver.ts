import type { GridLevel } from '@gridline/contracts';
import {
  BBox,
  bboxOf,
  BoundaryGeometry,
  boundaryContains,
  compareResponsibility,
  geometryArea,
  normaliseAddress,
  PreparedBoundary,
  prepareBoundary,
  ResponsibilityCandidate,
  SpatialGridIndex,
} from '@gridline/location';

/** What a resolution answers with about a grid. */
export interface GridSummary {
  readonly gridId: string;
  readonly tenantId: string;
  readonly level: GridLevel;
  readonly code: string;
  readonly name: string;
  readonly dedicated: string | null;
}

export type MatchedBy = 'address' | 'boundary';

export interface Resolution {
  readonly grid: GridSummary;
  readonly matchedBy: MatchedBy;
  /** The place whose address matched; null for a match by boundary. */
  readonly placeId: string | null;
}

export interface PlaceEntry {
  readonly placeId: string;
  readonly tenantId: string;
  readonly gridId: string;
  /** Already normalised. */
  readonly address: string;
}

/** A boundary as the index keeps it: prepared for lookups and already shaped as a precedence candidate. */
interface BoundaryEntry extends ResponsibilityCandidate {
  readonly prepared: PreparedBoundary;
}

/**
 * What filing a boundary needs, derived once when it is set. The GeoJSON itself is not kept: its nested arrays
 * cost about 64 bytes a position on the heap, against 16 in the prepared rings' typed arrays (off the heap), and a
 * city's boundaries held both ways did not fit a capped heap (ADR 0051).
 */
interface BoundaryShape {
  readonly prepared: PreparedBoundary;
  readonly area: number;
  readonly bbox: BBox;
}

class TenantLocations {
  readonly boundaries: SpatialGridIndex<BoundaryEntry>;
  readonly addresses = new Map<string, PlaceEntry>();
  readonly addressOfPlace = new Map<string, string>();

  /** `id` is the one copy of the district's id every grid and place of it refers to. */
  constructor(
    readonly id: string,
    cellSize: number,
  ) {
    this.boundaries = new SpatialGridIndex<BoundaryEntry>(cellSize);
  }
}

/**
 * Each level's one string. Rows read from PostgreSQL bring a new copy of every repeated value; a city holds
 * 30,000 micro-grids of ten districts, so the index keeps one copy of each (ADR 0051).
 */
const LEVELS: Readonly<Record<GridLevel, GridLevel>> = {
  street: 'street',
  community: 'community',
  grid: 'grid',
  micro: 'micro',
};

/**
 * Everything a district needs to turn a point or an address into its responsible grid, in memory:
 * - a spatial index of grid boundaries (bounding boxes in a hashed uniform grid, then point-in-polygon), and
 *   the resolve precedence of @gridline/location: a dedicated grid first, then the deepest level, then the
 *   smaller area, then the lower code;
 * - a map from normalised address to place;
 * - what an answer says about each grid (level, code, name, dedicated).
 * Every change carries the grid's version (a boundary's is the grid version that set it); a change older than
 * what was applied is ignored, so changes may arrive twice or out of order — from the request that made them
 * and again from a refresh — without leaving stale state behind.
 */
export class LocationResolver {
  private readonly tenants = new Map<string, TenantLocations>();
  private readonly grids = new Map<string, { summary: GridSummary; version: number }>();
  private readonly shapes = new Map<string, BoundaryShape>();
  private readonly boundaryVersions = new Map<string, number>();

  constructor(private readonly cellSize = 0.002) {}

  get size(): { readonly tenants: number; readonly boundaries: number; readonly places: number } {
    let boundaries = 0;
    let places = 0;
    for (const tenant of this.tenants.values()) {
      boundaries += tenant.boundaries.size;
      places += tenant.addresses.size;
    }
    return { tenants: this.tenants.size, boundaries, places };
  }

  /** What answers say about a grid, as of its `version`; re-files its boundary when the grid changed. */
  putGrid(grid: GridSummary, version: number): boolean {
    const known = this.grids.get(grid.gridId);
    if (known && known.version >= version) return false;
    const summary = { ...grid, tenantId: this.tenant(grid.tenantId).id, level: LEVELS[grid.level] ?? grid.level };
    this.grids.set(grid.gridId, { summary, version });
    const shape = this.shapes.get(grid.gridId);
    if (shape) this.file(summary, shape);
    return true;
  }

  /** Sets a grid's boundary as of `version`. Filed for lookups once the grid itself is known (putGrid). */
  setBoundary(tenantId: string, gridId: string, geometry: BoundaryGeometry, version: number): boolean {
    if (!this.newerBoundary(gridId, version)) return false;
    const shape: BoundaryShape = {
      prepared: prepareBoundary(geometry),
      area: geometryArea(geometry),
      bbox: bboxOf(geometry),
    };
    this.shapes.set(gridId, shape);
    const grid = this.grids.get(gridId)?.summary;
    if (grid && grid.tenantId === tenantId) this.file(grid, shape);
    return true;
  }

  removeBoundary(tenantId: string, gridId: string, version: number): boolean {
    if (!this.newerBoundary(gridId, version)) return false;
    this.shapes.delete(gridId);
    this.tenants.get(tenantId)?.boundaries.remove(gridId);
    return true;
  }

  putPlace(entry: PlaceEntry): void {
    const tenant = this.tenant(entry.tenantId);
    const gridId = this.grids.get(entry.gridId)?.summary.gridId ?? entry.gridId;
    const place: PlaceEntry = { ...entry, tenantId: tenant.id, gridId };
    const previous = tenant.addressOfPlace.get(place.placeId);
    if (
      previous !== undefined &&
      previous !== place.address &&
      tenant.addresses.get(previous)?.placeId === place.placeId
    ) {
      tenant.addresses.delete(previous);
    }
    tenant.addresses.set(place.address, place);
    tenant.addressOfPlace.set(place.placeId, place.address);
  }

  /** The most responsible grid whose boundary contains the point (edges included), or null. */
  resolvePoint(tenantId: string, lon: number, lat: number): Resolution | null {
    const tenant = this.tenants.get(tenantId);
    if (!tenant) return null;
    let best: BoundaryEntry | null = null;
    tenant.boundaries.forEachContaining(lon, lat, (entry) => {
      if ((best === null || compareResponsibility(entry, best) < 0) && boundaryContains(entry.prepared, lon, lat))
        best = entry;
    });
    if (best === null) return null;
    const grid = (this.grids.get((best as BoundaryEntry).gridId) as { summary: GridSummary }).summary;
    return { grid, matchedBy: 'boundary', placeId: null };
  }

  /** The grid of the place registered under this address (normalised here), or null. */
  resolveAddress(tenantId: string, address: string): Resolution | null {
    const place = this.tenants.get(tenantId)?.addresses.get(normaliseAddress(address));
    if (!place) return null;
    const grid = this.grids.get(place.gridId)?.summary;
    return grid ? { grid, matchedBy: 'address', placeId: place.placeId } : null;
  }

  private file(grid: GridSummary, { prepared, area, bbox }: BoundaryShape): void {
    const entry: BoundaryEntry = {
      gridId: grid.gridId,
      level: grid.level,
      dedicated: grid.dedicated !== null,
      code: grid.code,
      area,
      prepared,
    };
    this.tenant(grid.tenantId).boundaries.upsert(grid.gridId, bbox, entry);
  }

  private newerBoundary(gridId: string, version: number): boolean {
    const applied = this.boundaryVersions.get(gridId);
    if (applied !== undefined && applied >= version) return false;
    this.boundaryVersions.set(gridId, version);
    return true;
  }

  private tenant(tenantId: string): TenantLocations {
    let tenant = this.tenants.get(tenantId);
    if (!tenant) {
      tenant = new TenantLocations(tenantId, this.cellSize);
      this.tenants.set(tenantId, tenant);
    }
    return tenant;
  }
}

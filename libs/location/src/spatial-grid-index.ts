import { BBox } from './geometry';

interface Entry<T> {
  readonly id: string;
  readonly bbox: BBox;
  readonly value: T;
  /** On the short list of items too large for cells; otherwise filed under every cell its box touches. */
  readonly large: boolean;
}

/**
 * A uniform grid over longitude/latitude, hashed so only occupied cells cost memory: each item is filed under
 * every cell its bounding box touches, and a point lookup reads the one cell the point falls in. Items that
 * would touch more than `maxCellsPerItem` cells (a whole district drawn as one polygon) go to a short list
 * checked on every lookup instead. Insert and remove are cheap, so the index follows edits without rebuilds.
 *
 * The default cell (0.002°, about 200 m) is near the size of a micro-grid (one courtyard): a lookup then reads
 * a handful of micro-grids plus the few larger grids around them.
 *
 * Memory is kept to what lookups need, since grid-registry holds a whole city's boundaries in a capped heap: an
 * item's cells are computed again from its box when it is removed rather than stored with it, and each cell's
 * list is exactly as long as its items (a `push` would leave room for 16 more in every one of ~31,000 cells).
 */
export class SpatialGridIndex<T> {
  private readonly cells = new Map<number, Entry<T>[]>();
  private readonly large: Entry<T>[] = [];
  private readonly entries = new Map<string, Entry<T>>();
  private readonly rowWidth: number;
  private readonly maxColumn: number;
  private readonly maxRow: number;

  constructor(
    private readonly cellSize = 0.002,
    private readonly maxCellsPerItem = 4096,
  ) {
    if (!(cellSize > 1e-7 && cellSize <= 90))
      throw new RangeError(`cellSize must be in (1e-7, 90] degrees, got ${cellSize}`);
    this.maxColumn = Math.ceil(180 / cellSize) + 1;
    this.maxRow = Math.ceil(90 / cellSize) + 1;
    this.rowWidth = 2 * this.maxRow + 1;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds the item, or replaces the one filed under the same id. */
  upsert(id: string, bbox: BBox, value: T): void {
    this.remove(id);
    const keys = this.keysOf(bbox);
    const entry: Entry<T> = { id, bbox, value, large: keys === null };
    this.entries.set(id, entry);
    if (keys === null) {
      this.large.push(entry);
      return;
    }
    for (const key of keys) {
      const bucket = this.cells.get(key);
      this.cells.set(key, bucket ? [...bucket, entry] : [entry]);
    }
  }

  remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    if (entry.large) {
      this.large.splice(this.large.indexOf(entry), 1);
      return true;
    }
    for (const key of this.keysOf(entry.bbox) as number[]) {
      const bucket = this.cells.get(key) as Entry<T>[];
      const remaining = bucket.filter((other) => other !== entry);
      if (remaining.length === 0) this.cells.delete(key);
      else this.cells.set(key, remaining);
    }
    return true;
  }

  /** Calls `visit` with every item whose bounding box contains the point (edges included). */
  forEachContaining(lon: number, lat: number, visit: (value: T, id: string) => void): void {
    const [c, r] = this.cellOf(lon, lat);
    const bucket = this.cells.get(this.key(c, r));
    if (bucket) for (const entry of bucket) if (contains(entry.bbox, lon, lat)) visit(entry.value, entry.id);
    for (const entry of this.large) if (contains(entry.bbox, lon, lat)) visit(entry.value, entry.id);
  }

  /** The keys of every cell the box touches, or null when they are more than `maxCellsPerItem`. */
  private keysOf(bbox: BBox): number[] | null {
    const [c0, r0] = this.cellOf(bbox[0], bbox[1]);
    const [c1, r1] = this.cellOf(bbox[2], bbox[3]);
    if ((c1 - c0 + 1) * (r1 - r0 + 1) > this.maxCellsPerItem) return null;
    const keys: number[] = [];
    for (let c = c0; c <= c1; c += 1) for (let r = r0; r <= r1; r += 1) keys.push(this.key(c, r));
    return keys;
  }

  private cellOf(lon: number, lat: number): [number, number] {
    const column = Math.min(this.maxColumn, Math.max(-this.maxColumn, Math.floor(lon / this.cellSize)));
    const row = Math.min(this.maxRow, Math.max(-this.maxRow, Math.floor(lat / this.cellSize)));
    return [column, row];
  }

  private key(column: number, row: number): number {
    return (column + this.maxColumn) * this.rowWidth + (row + this.maxRow);
  }
}

function contains(bbox: BBox, lon: number, lat: number): boolean {
  return lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
}

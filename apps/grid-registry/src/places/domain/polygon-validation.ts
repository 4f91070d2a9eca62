import {
  BBox,
  bboxOf,
  BoundaryGeometry,
  flattenRing,
  locateInRing,
  Position,
  positionRangeProblems,
  signedRingArea,
} from '@gridline/location';

/** The most positions one boundary may have; a courtyard needs tens, a whole street a few hundred. */
export const MAX_BOUNDARY_POSITIONS = 10_000;
/** A request with a hundred problems is answered with the first ones; fixing those usually fixes the rest. */
const MAX_PROBLEMS = 20;

/** One thing wrong with a boundary: `field` is a JSON path into the geometry, e.g. `coordinates[0][3]`. */
export interface PolygonProblem {
  readonly field: string;
  readonly reason: string;
}

export type BoundaryVerdict =
  | { readonly valid: true; readonly geometry: BoundaryGeometry; readonly bbox: BBox; readonly positions: number }
  | { readonly valid: false; readonly tooComplex: boolean; readonly problems: readonly PolygonProblem[] };

interface Ring {
  readonly polygon: number;
  readonly ring: number;
  readonly positions: readonly Position[];
  /** JSON path of the ring, e.g. `coordinates[1]` (Polygon) or `coordinates[2][1]` (MultiPolygon). */
  readonly path: string;
  /** How a person calls it: "the outer ring", "hole 2 of polygon 1". */
  readonly name: string;
}

class TooManyProblems extends Error {}

class Problems {
  readonly list: PolygonProblem[] = [];

  add(field: string, reason: string): void {
    this.list.push({ field, reason });
    if (this.list.length >= MAX_PROBLEMS) throw new TooManyProblems();
  }

  get any(): boolean {
    return this.list.length > 0;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates a grid boundary given as a GeoJSON geometry (RFC 7946, WGS84 lon/lat):
 * - `type` is `Polygon` or `MultiPolygon`; `coordinates` nests as the type says;
 * - every position is 2 or 3 finite numbers, longitude in [-180, 180], latitude in [-90, 90], altitude within
 *   ALTITUDE_RANGE_METRES (libs/location/src/position-range.ts);
 * - every ring has at least 4 positions, is closed (last = first) and repeats no position back to back;
 * - outer rings run counter-clockwise and holes clockwise (RFC 7946 §3.1.6), and no ring is flat (zero area);
 * - no ring crosses or touches itself or another ring (a segment intersection test, swept along longitude);
 * - every hole lies inside its outer ring and outside the other holes; the polygons of a MultiPolygon do not
 *   overlap (a polygon may sit in another's hole: an island in a pond);
 * - at most MAX_BOUNDARY_POSITIONS positions in all (`tooComplex`).
 * Each problem names where it is (`coordinates[0][3]`) and, for winding, which ring to reverse.
 */
export function validateBoundary(input: unknown): BoundaryVerdict {
  const problems = new Problems();
  try {
    const parsed = parseStructure(input, problems);
    if (parsed === 'too-complex') {
      return {
        valid: false,
        tooComplex: true,
        problems: [
          {
            field: 'coordinates',
            reason: `a boundary may have at most ${MAX_BOUNDARY_POSITIONS} positions; simplify it`,
          },
        ],
      };
    }
    if (problems.any || parsed === null) return { valid: false, tooComplex: false, problems: problems.list };
    // Closure first (nothing else means anything on an open ring), then crossings (the winding of a ring that
    // crosses itself is meaningless), then winding, then how rings nest.
    checkClosure(parsed.rings, problems);
    if (problems.any) return { valid: false, tooComplex: false, problems: problems.list };
    checkIntersections(parsed.rings, problems);
    if (problems.any) return { valid: false, tooComplex: false, problems: problems.list };
    checkWinding(parsed.rings, problems);
    if (problems.any) return { valid: false, tooComplex: false, problems: problems.list };
    checkNesting(parsed.rings, problems);
    if (problems.any) return { valid: false, tooComplex: false, problems: problems.list };
    return { valid: true, geometry: parsed.geometry, bbox: bboxOf(parsed.geometry), positions: parsed.positions };
  } catch (error) {
    if (error instanceof TooManyProblems) return { valid: false, tooComplex: false, problems: problems.list };
    throw error;
  }
}

interface ParsedBoundary {
  readonly geometry: BoundaryGeometry;
  readonly rings: readonly Ring[];
  readonly positions: number;
}

function parseStructure(input: unknown, problems: Problems): ParsedBoundary | 'too-complex' | null {
  if (!isObject(input)) {
    problems.add(
      '(body)',
      'a GeoJSON geometry object { "type": "Polygon" | "MultiPolygon", "coordinates": [...] } is required',
    );
    return null;
  }
  const { type, coordinates } = input;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    problems.add('type', `must be 'Polygon' or 'MultiPolygon', got ${JSON.stringify(type) ?? 'nothing'}`);
    return null;
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    problems.add(
      'coordinates',
      type === 'Polygon' ? 'must be a non-empty array of rings' : 'must be a non-empty array of polygons',
    );
    return null;
  }
  if (countPositions(coordinates, type === 'Polygon' ? 2 : 3) > MAX_BOUNDARY_POSITIONS) return 'too-complex';

  const multi = type === 'MultiPolygon';
  const polygonInputs: Array<{ value: unknown; path: string }> = multi
    ? coordinates.map((value, i) => ({ value, path: `coordinates[${i}]` }))
    : [{ value: coordinates, path: 'coordinates' }];
  const rings: Ring[] = [];
  const polygons: Position[][][] = [];
  let positions = 0;
  polygonInputs.forEach(({ value, path }, p) => {
    if (!Array.isArray(value) || value.length === 0) {
      problems.add(path, 'a polygon must be a non-empty array of rings (the outer ring, then any holes)');
      return;
    }
    const polygon: Position[][] = [];
    value.forEach((ringValue, r) => {
      const ringPath = `${path}[${r}]`;
      const name = ringName(multi, p, r);
      if (!Array.isArray(ringValue)) {
        problems.add(ringPath, `${name} must be an array of positions`);
        return;
      }
      if (ringValue.length < 4) {
        problems.add(
          ringPath,
          `${name} has ${ringValue.length} positions; a ring needs at least 4 (3 corners and the first repeated at the end)`,
        );
      }
      const ring: Position[] = [];
      ringValue.forEach((position, i) => {
        const checked = checkPosition(position, `${ringPath}[${i}]`, `position ${i} of ${name}`, problems);
        if (checked) ring.push(checked);
      });
      positions += ringValue.length;
      polygon.push(ring);
      rings.push({ polygon: p, ring: r, positions: ring, path: ringPath, name });
    });
    polygons.push(polygon);
  });
  const geometry: BoundaryGeometry = multi
    ? { type: 'MultiPolygon', coordinates: polygons }
    : { type: 'Polygon', coordinates: polygons[0] ?? [] };
  return { geometry, rings, positions };
}

/** Counts the arrays `depth` levels down without trusting the shape, so an oversized body is refused before any work. */
function countPositions(value: unknown, depth: number): number {
  if (!Array.isArray(value)) return 0;
  if (depth === 1) return value.length;
  let total = 0;
  for (const item of value) total += countPositions(item, depth - 1);
  return total;
}

function ringName(multi: boolean, polygon: number, ring: number): string {
  const own = ring === 0 ? 'the outer ring' : `hole ${ring}`;
  return multi ? `${own} of polygon ${polygon}` : own;
}

function checkPosition(value: unknown, field: string, what: string, problems: Problems): Position | null {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    problems.add(field, `${what} must be [longitude, latitude] or [longitude, latitude, altitude]`);
    return null;
  }
  if (!value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    problems.add(field, `${what} must hold finite numbers, got ${JSON.stringify(value)}`);
    return null;
  }
  for (const { reason } of positionRangeProblems(value as number[])) problems.add(field, `${what}: ${reason}`);
  return [...(value as number[])];
}

const samePlace = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

function checkClosure(rings: readonly Ring[], problems: Problems): void {
  for (const { positions, path, name } of rings) {
    const last = positions.length - 1;
    if (!samePlace(positions[0], positions[last]) || positions[0][2] !== positions[last][2]) {
      problems.add(
        path,
        `${name} is not closed: its last position ${JSON.stringify(positions[last])} must repeat its first ${JSON.stringify(positions[0])}`,
      );
      continue;
    }
    for (let i = 1; i < positions.length; i += 1) {
      if (samePlace(positions[i], positions[i - 1]))
        problems.add(`${path}[${i}]`, `position ${i} of ${name} repeats position ${i - 1}; remove one of them`);
    }
  }
}

function checkWinding(rings: readonly Ring[], problems: Problems): void {
  for (const ring of rings) {
    const { path, name } = ring;
    const area = signedRingArea(ring.positions);
    if (area === 0) {
      problems.add(path, `${name} encloses no area (its positions lie on one line)`);
    } else if (ring.ring === 0 && area < 0) {
      problems.add(
        path,
        `${name} runs clockwise; RFC 7946 wants outer rings counter-clockwise: reverse the order of its positions`,
      );
    } else if (ring.ring > 0 && area > 0) {
      problems.add(
        path,
        `${name} runs counter-clockwise; RFC 7946 wants holes clockwise: reverse the order of its positions`,
      );
    }
  }
}

interface Segment {
  readonly ring: Ring;
  readonly ringIndex: number;
  /** Segment i runs from position i to position i + 1 of its ring. */
  readonly index: number;
  readonly segmentsInRing: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
}

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Whether c, known to be collinear with a-b, lies on the segment a-b. */
function withinBox(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return cx >= Math.min(ax, bx) && cx <= Math.max(ax, bx) && cy >= Math.min(ay, by) && cy <= Math.max(ay, by);
}

/** Whether two segments share any point: a proper crossing, a touch or a collinear overlap. */
function segmentsMeet(a: Segment, b: Segment): boolean {
  const d1 = orientation(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1);
  const d2 = orientation(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2);
  const d3 = orientation(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1);
  const d4 = orientation(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  if (d1 === 0 && withinBox(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1)) return true;
  if (d2 === 0 && withinBox(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2)) return true;
  if (d3 === 0 && withinBox(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1)) return true;
  if (d4 === 0 && withinBox(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2)) return true;
  return false;
}

/**
 * Neighbouring segments of one ring share an endpoint by construction; they are wrong only when they fold back
 * over each other (a spike: A → B → a point on A-B).
 */
function neighboursFoldBack(first: Segment, second: Segment): boolean {
  // `first` ends where `second` starts.
  const sx = first.x2;
  const sy = first.y2;
  const ax = first.x1 - sx;
  const ay = first.y1 - sy;
  const bx = second.x2 - sx;
  const by = second.y2 - sy;
  return ax * by - ay * bx === 0 && ax * bx + ay * by > 0;
}

function neighbourOrder(a: Segment, b: Segment): [Segment, Segment] | null {
  if (a.ringIndex !== b.ringIndex) return null;
  if (b.index === a.index + 1) return [a, b];
  if (a.index === b.index + 1) return [b, a];
  if (a.index === 0 && b.index === b.segmentsInRing - 1) return [b, a];
  if (b.index === 0 && a.index === a.segmentsInRing - 1) return [a, b];
  return null;
}

/** A sweep along longitude: only segments whose longitude ranges overlap are compared (O(n²) at worst). */
function checkIntersections(rings: readonly Ring[], problems: Problems): void {
  const segments: Segment[] = [];
  rings.forEach((ring, ringIndex) => {
    const flat = flattenRing(ring.positions);
    const count = ring.positions.length - 1;
    for (let i = 0; i < count; i += 1) {
      const x1 = flat[i * 2];
      const y1 = flat[i * 2 + 1];
      const x2 = flat[i * 2 + 2];
      const y2 = flat[i * 2 + 3];
      segments.push({
        ring,
        ringIndex,
        index: i,
        segmentsInRing: count,
        x1,
        y1,
        x2,
        y2,
        minX: Math.min(x1, x2),
        maxX: Math.max(x1, x2),
        minY: Math.min(y1, y2),
        maxY: Math.max(y1, y2),
      });
    }
  });
  segments.sort((a, b) => a.minX - b.minX);
  const reported = new Set<string>();
  for (let i = 0; i < segments.length; i += 1) {
    const a = segments[i];
    for (let j = i + 1; j < segments.length && segments[j].minX <= a.maxX; j += 1) {
      const b = segments[j];
      if (b.maxY < a.minY || b.minY > a.maxY) continue;
      const neighbours = neighbourOrder(a, b);
      const bad = neighbours ? neighboursFoldBack(...neighbours) : segmentsMeet(a, b);
      if (!bad) continue;
      const [first, second] =
        a.ringIndex < b.ringIndex || (a.ringIndex === b.ringIndex && a.index < b.index) ? [a, b] : [b, a];
      const pairKey = `${first.ringIndex}:${second.ringIndex}`;
      if (first.ringIndex !== second.ringIndex) {
        if (reported.has(pairKey)) continue;
        reported.add(pairKey);
        problems.add(
          second.ring.path,
          `${second.ring.name} touches or crosses ${first.ring.name} (its segment from position ${second.index} to ${second.index + 1} meets their segment from position ${first.index} to ${first.index + 1}); rings may not share any point`,
        );
      } else {
        problems.add(
          first.ring.path,
          `${first.ring.name} intersects itself: the segment from position ${first.index} to ${first.index + 1} meets the segment from position ${second.index} to ${second.index + 1}`,
        );
      }
    }
  }
}

/** With no rings meeting, one position of a ring tells on which side of another ring the whole ring lies. */
function checkNesting(rings: readonly Ring[], problems: Problems): void {
  const flat = rings.map((ring) => flattenRing(ring.positions));
  const outers = rings.map((ring, i) => ({ ring, i })).filter(({ ring }) => ring.ring === 0);
  rings.forEach((ring, i) => {
    if (ring.ring === 0) return;
    const [lon, lat] = ring.positions[0];
    const outer = outers.find(({ ring: o }) => o.polygon === ring.polygon);
    if (outer && locateInRing(flat[outer.i], lon, lat) !== 'inside') {
      problems.add(
        ring.path,
        `${ring.name} lies outside ${outer.ring.name}; a hole must be inside its polygon's outer ring`,
      );
      return;
    }
    const enclosing = rings.findIndex(
      (other, j) =>
        j !== i && other.polygon === ring.polygon && other.ring > 0 && locateInRing(flat[j], lon, lat) === 'inside',
    );
    if (enclosing >= 0)
      problems.add(ring.path, `${ring.name} lies inside ${rings[enclosing].name}; holes may not nest`);
  });
  // MultiPolygon: an outer ring inside another polygon must sit in one of that polygon's holes.
  for (const { ring, i } of outers) {
    const [lon, lat] = ring.positions[0];
    for (const { ring: other, i: j } of outers) {
      if (i === j || locateInRing(flat[j], lon, lat) !== 'inside') continue;
      const inHole = rings.some(
        (hole, h) => hole.polygon === other.polygon && hole.ring > 0 && locateInRing(flat[h], lon, lat) === 'inside',
      );
      if (!inHole)
        problems.add(
          ring.path,
          `polygon ${ring.polygon} lies inside polygon ${other.polygon}; the polygons of a MultiPolygon may not overlap`,
        );
    }
  }
}

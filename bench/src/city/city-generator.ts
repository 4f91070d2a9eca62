import type { GridLevel, PlaceKind } from '@gridline/contracts';
import type { PolygonGeometry, Position } from '@gridline/location';
import { SeededRandom } from '@gridline/testing';

/**
 * A city-scale dataset for benchmarks and load tests, drawn deterministically from a seed: districts tiled
 * side by side around Zhengzhou, each cut into streets, communities, level-3 grids and micro-grids whose
 * boundaries nest (every child inside its parent, valid RFC 7946 winding, no self-intersection), one dedicated
 * grid per community over a few of its micro-grids, and one courtyard per micro-grid with an address and a
 * point inside it. Defaults give ~10 districts, 100 streets, 1,000 communities, 30,000 micro-grids and
 * 30,000 places — the sizes DESIGN.md asks every list and query to be designed for.
 */
export interface CityOptions {
  readonly seed: number;
  readonly districts: number;
  readonly streetsPerDistrict: number;
  readonly communitiesPerStreet: number;
  readonly level3PerCommunity: number;
  readonly microsPerLevel3: number;
}

export const defaultCityOptions: CityOptions = {
  seed: 20261128,
  districts: 10,
  streetsPerDistrict: 10,
  communitiesPerStreet: 10,
  level3PerCommunity: 3,
  microsPerLevel3: 10,
};

export interface CityTenant {
  readonly tenantId: string;
  readonly divisionCode: string;
  readonly name: string;
}

export interface CityGrid {
  readonly id: string;
  readonly tenantId: string;
  readonly parentId: string | null;
  readonly level: GridLevel;
  readonly code: string;
  readonly name: string;
  readonly dedicated: 'school' | 'hospital' | 'market' | 'company' | null;
  readonly boundary: PolygonGeometry;
  readonly bbox: readonly [number, number, number, number];
}

export interface CityPlace {
  readonly id: string;
  readonly tenantId: string;
  readonly gridId: string;
  readonly kind: PlaceKind;
  readonly name: string;
  /** Already in normalised form. */
  readonly address: string;
  readonly lon: number;
  readonly lat: number;
}

export interface City {
  readonly tenants: readonly CityTenant[];
  readonly grids: readonly CityGrid[];
  readonly places: readonly CityPlace[];
  /** [minLon, minLat, maxLon, maxLat] of the whole city. */
  readonly extent: readonly [number, number, number, number];
}

const districtNames: ReadonlyArray<[string, string]> = [
  ['zhongyuan', '中原区'],
  ['erqi', '二七区'],
  ['guancheng', '管城回族区'],
  ['jinshui', '金水区'],
  ['shangjie', '上街区'],
  ['huiji', '惠济区'],
  ['zhengdong', '郑东新区'],
  ['jingkai', '经开区'],
  ['gaoxin', '高新区'],
  ['hangkong', '航空港区'],
];
const roads = ['嵩山路', '大学路', '京广路', '淮河路', '汝河路', '长江路', '陇海路', '航海路', '政通路', '兴华街'];
const dedicatedKinds = ['school', 'hospital', 'market', 'company'] as const;

const DISTRICT_WIDTH = 0.12;
const DISTRICT_HEIGHT = 0.1;
const DISTRICT_GAP = 0.01;
const ORIGIN: Position = [113.4, 34.6];

interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * Cuts a rectangle into exactly n cells (columns × rows = n, so the children cover their parent with no gap),
 * choosing the factor pair whose cells come out closest to square.
 */
function tile(rect: Rect, n: number): Rect[] {
  const aspect = (rect.x1 - rect.x0) / (rect.y1 - rect.y0);
  let columns = n;
  for (let c = 1; c <= n; c += 1) {
    if (n % c !== 0) continue;
    const skew = (cols: number) => Math.abs(Math.log(aspect / (cols / (n / cols))));
    if (skew(c) < skew(columns)) columns = c;
  }
  const rows = n / columns;
  const w = (rect.x1 - rect.x0) / columns;
  const h = (rect.y1 - rect.y0) / rows;
  return Array.from({ length: n }, (_, i) => {
    const c = i % columns;
    const r = Math.floor(i / columns);
    return { x0: rect.x0 + c * w, y0: rect.y0 + r * h, x1: rect.x0 + (c + 1) * w, y1: rect.y0 + (r + 1) * h };
  });
}

const round = (value: number) => Math.round(value * 1e7) / 1e7;
const closed = (positions: Position[]): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[...positions.map(([x, y]) => [round(x), round(y)]), [round(positions[0][0]), round(positions[0][1])]]],
});

/** The tile itself, counter-clockwise, with extra positions along each edge (as surveyed boundaries have). */
function tileBoundary(rect: Rect, perEdge: number): PolygonGeometry {
  const { x0, y0, x1, y1 } = rect;
  const along = (from: Position, to: Position): Position[] =>
    Array.from({ length: perEdge }, (_, k) => [
      from[0] + ((to[0] - from[0]) * k) / perEdge,
      from[1] + ((to[1] - from[1]) * k) / perEdge,
    ]);
  return closed([
    ...along([x0, y0], [x1, y0]),
    ...along([x1, y0], [x1, y1]),
    ...along([x1, y1], [x0, y1]),
    ...along([x0, y1], [x0, y0]),
  ]);
}

/**
 * A courtyard inside its tile: inset from the tile's edges (the lanes between courtyards), edge midpoints
 * jittered inwards and a notch cut from one corner, so it is concave — counter-clockwise and simple by
 * construction. Returns the polygon and a point safely inside it.
 */
function courtyardBoundary(tileRect: Rect, random: SeededRandom): { boundary: PolygonGeometry; point: Position } {
  const inset = 0.08;
  const tw = tileRect.x1 - tileRect.x0;
  const th = tileRect.y1 - tileRect.y0;
  const x0 = tileRect.x0 + tw * inset;
  const y0 = tileRect.y0 + th * inset;
  const x1 = tileRect.x1 - tw * inset;
  const y1 = tileRect.y1 - th * inset;
  const w = x1 - x0;
  const h = y1 - y0;
  const j = () => random.between(0, 0.1);
  const boundary = closed([
    [x0, y0],
    [x0 + w / 2, y0 + h * j()],
    [x1, y0],
    [x1, y1 - h * 0.3],
    [x1 - w * 0.3, y1 - h * 0.3],
    [x1 - w * 0.3, y1],
    [x0 + w / 2, y1 - h * j()],
    [x0, y1],
    [x0 + w * j(), y0 + h / 2],
  ]);
  const point: Position = [round(x0 + w * random.between(0.25, 0.45)), round(y0 + h * random.between(0.3, 0.5))];
  return { boundary, point };
}

export function generateCity(options: CityOptions = defaultCityOptions): City {
  const random = new SeededRandom(options.seed);
  const tenants: CityTenant[] = [];
  const grids: Array<Omit<CityGrid, 'bbox'>> = [];
  const places: CityPlace[] = [];
  const columnsOfDistricts = Math.min(5, options.districts);

  for (let d = 0; d < options.districts; d += 1) {
    const [slug, name] = districtNames[d] ?? [`district-${d + 1}`, `第${d + 1}区`];
    const tenantId = d < districtNames.length ? slug : `district-${d + 1}`;
    const divisionCode = String(410102 + d).padStart(6, '0');
    tenants.push({ tenantId, divisionCode, name });
    const dx = ORIGIN[0] + (d % columnsOfDistricts) * (DISTRICT_WIDTH + DISTRICT_GAP);
    const dy = ORIGIN[1] + Math.floor(d / columnsOfDistricts) * (DISTRICT_HEIGHT + DISTRICT_GAP);
    const district: Rect = { x0: dx, y0: dy, x1: dx + DISTRICT_WIDTH, y1: dy + DISTRICT_HEIGHT };

    tile(district, options.streetsPerDistrict).forEach((streetRect, s) => {
      const road = `${roads[s % roads.length]}${s >= roads.length ? Math.floor(s / roads.length) + 1 : ''}`;
      const street: Omit<CityGrid, 'bbox'> = {
        id: random.uuid(),
        tenantId,
        parentId: null,
        level: 'street',
        code: `${divisionCode}${String(s + 1).padStart(3, '0')}`,
        name: `${road}街道`,
        dedicated: null,
        boundary: tileBoundary(streetRect, 6),
      };
      grids.push(street);
      let courtyardNumber = 0;
      tile(streetRect, options.communitiesPerStreet).forEach((communityRect, c) => {
        const community: Omit<CityGrid, 'bbox'> = {
          id: random.uuid(),
          tenantId,
          parentId: street.id,
          level: 'community',
          code: `${street.code}${String(c + 1).padStart(3, '0')}`,
          name: `${road}第${c + 1}社区`,
          dedicated: null,
          boundary: tileBoundary(communityRect, 4),
        };
        grids.push(community);
        tile(communityRect, options.level3PerCommunity).forEach((level3Rect, g) => {
          const level3: Omit<CityGrid, 'bbox'> = {
            id: random.uuid(),
            tenantId,
            parentId: community.id,
            level: 'grid',
            code: `${community.code}${String(g + 1).padStart(2, '0')}`,
            name: `第${g + 1}网格`,
            dedicated: null,
            boundary: tileBoundary(level3Rect, 3),
          };
          grids.push(level3);
          tile(level3Rect, options.microsPerLevel3).forEach((microRect, m) => {
            courtyardNumber += 1;
            const { boundary, point } = courtyardBoundary(microRect, random);
            const address = `${road}${courtyardNumber}号院`;
            const micro: Omit<CityGrid, 'bbox'> = {
              id: random.uuid(),
              tenantId,
              parentId: level3.id,
              level: 'micro',
              code: `${level3.code}${String(m + 1).padStart(3, '0')}`,
              name: address,
              dedicated: null,
              boundary,
            };
            grids.push(micro);
            places.push({
              id: random.uuid(),
              tenantId,
              gridId: micro.id,
              kind: 'courtyard',
              name: address,
              address,
              lon: point[0],
              lat: point[1],
            });
          });
        });
        // A school, hospital, market or company in the middle of the community, over a few micro-grids.
        const cw = communityRect.x1 - communityRect.x0;
        const ch = communityRect.y1 - communityRect.y0;
        const dedicatedRect: Rect = {
          x0: communityRect.x0 + cw * 0.35,
          y0: communityRect.y0 + ch * 0.35,
          x1: communityRect.x0 + cw * 0.6,
          y1: communityRect.y0 + ch * 0.6,
        };
        const kind = dedicatedKinds[(d + s + c) % dedicatedKinds.length];
        grids.push({
          id: random.uuid(),
          tenantId,
          parentId: community.id,
          level: 'grid',
          code: `${community.code}${String(options.level3PerCommunity + 1).padStart(2, '0')}`,
          name: `${road}第${c + 1}社区专属网格(${kind})`,
          dedicated: kind,
          boundary: tileBoundary(dedicatedRect, 2),
        });
      });
    });
  }
  const last = tenants.length - 1;
  const extent: [number, number, number, number] = [
    ORIGIN[0],
    ORIGIN[1],
    ORIGIN[0] + Math.min(5, options.districts) * (DISTRICT_WIDTH + DISTRICT_GAP),
    ORIGIN[1] + (Math.floor(last / columnsOfDistricts) + 1) * (DISTRICT_HEIGHT + DISTRICT_GAP),
  ];
  return { tenants, grids: grids.map((grid) => ({ ...grid, bbox: boundsOf(grid.boundary) })), places, extent };
}

function boundsOf(boundary: PolygonGeometry): readonly [number, number, number, number] {
  const ring = boundary.coordinates[0];
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

import { City } from '../../city/city-generator';
import { SeededRandom } from '@gridline/testing';

export interface PointQuery {
  readonly tenantId: string;
  readonly lon: number;
  readonly lat: number;
}

export interface AddressQuery {
  readonly tenantId: string;
  readonly address: string;
}

const fullWidth = (text: string) =>
  text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));

/**
 * Points people report from: nine in ten near a courtyard (inside it, in the lane beside it, or on a school's
 * grounds over it), one in ten anywhere in the district. Every one lies in some grid of its district, so every
 * resolution finds a grid (a miss costs the service one query to tell an unknown district apart).
 */
export function pointQueries(city: City, count: number, seed: number): PointQuery[] {
  const random = new SeededRandom(seed);
  const districtOf = new Map<string, readonly [number, number, number, number]>();
  for (const grid of city.grids) {
    if (grid.level !== 'street') continue;
    const known = districtOf.get(grid.tenantId);
    districtOf.set(
      grid.tenantId,
      known
        ? [
            Math.min(known[0], grid.bbox[0]),
            Math.min(known[1], grid.bbox[1]),
            Math.max(known[2], grid.bbox[2]),
            Math.max(known[3], grid.bbox[3]),
          ]
        : grid.bbox,
    );
  }
  return Array.from({ length: count }, () => {
    const place = city.places[random.integer(city.places.length)];
    if (random.next() < 0.9)
      return {
        tenantId: place.tenantId,
        lon: place.lon + random.between(-0.0004, 0.0004),
        lat: place.lat + random.between(-0.0004, 0.0004),
      };
    const [x0, y0, x1, y1] = districtOf.get(place.tenantId) as readonly [number, number, number, number];
    return { tenantId: place.tenantId, lon: random.between(x0, x1), lat: random.between(y0, y1) };
  }).map((q) => ({ ...q, lon: Math.round(q.lon * 1e6) / 1e6, lat: Math.round(q.lat * 1e6) / 1e6 }));
}

/** Registered addresses as people type them: a third with full-width digits and a stray space. */
export function addressQueries(city: City, count: number, seed: number): AddressQuery[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => {
    const place = city.places[random.integer(city.places.length)];
    const typed = random.next() < 1 / 3 ? ` ${fullWidth(place.address).replace('号', ' 号')}` : place.address;
    return { tenantId: place.tenantId, address: typed };
  });
}

export const pointPath = (q: PointQuery) => `/v1/tenants/${q.tenantId}/resolve?lon=${q.lon}&lat=${q.lat}`;
export const addressPath = (q: AddressQuery) =>
  `/v1/tenants/${q.tenantId}/resolve?address=${encodeURIComponent(q.address)}`;

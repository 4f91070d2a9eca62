/**
 * "Is this earlier report likely the same problem?" — offered to the dispatch centre, never decided here: the
 * new report is stored either way. Same category, reported within the window before the new one, and either
 * at the same registered place (same normalised address) or within the radius of the new report's point.
 */
export interface DuplicatePolicy {
  readonly radiusMetres: number;
  readonly windowHours: number;
}

export interface ReportFacts {
  readonly category: string;
  readonly reportedAt: Date;
  /** The normalised address (@gridline/location normaliseAddress), when the report named one. */
  readonly addressKey: string | null;
  readonly point: { readonly lon: number; readonly lat: number } | null;
}

export interface DuplicateMatch {
  readonly matchedBy: 'place' | 'radius';
  /** Metres between the two points, when both reports carry one. */
  readonly distanceMetres: number | null;
}

const EARTH_RADIUS_METRES = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle (haversine) distance between two WGS84 points, in metres. */
export function distanceMetres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function likelyDuplicate(
  report: ReportFacts,
  earlier: ReportFacts,
  policy: DuplicatePolicy,
): DuplicateMatch | null {
  if (earlier.category !== report.category) return null;
  const age = report.reportedAt.getTime() - earlier.reportedAt.getTime();
  if (age < 0 || age > policy.windowHours * 3_600_000) return null;
  const distance = report.point && earlier.point ? distanceMetres(report.point, earlier.point) : null;
  if (report.addressKey !== null && report.addressKey === earlier.addressKey)
    return { matchedBy: 'place', distanceMetres: distance };
  if (distance !== null && distance <= policy.radiusMetres) return { matchedBy: 'radius', distanceMetres: distance };
  return null;
}

/**
 * A box (degrees) certainly containing every point within `radiusMetres` of `point`, for a cheap indexed
 * pre-filter before the exact distance. Widened for longitude by the latitude's cosine.
 */
export function searchBox(
  point: { lon: number; lat: number },
  radiusMetres: number,
): { minLon: number; maxLon: number; minLat: number; maxLat: number } {
  const dLat = (radiusMetres / EARTH_RADIUS_METRES) * (180 / Math.PI) * 1.01;
  const cos = Math.max(Math.cos(radians(Math.min(89, Math.abs(point.lat) + dLat))), 0.01);
  const dLon = dLat / cos;
  return { minLon: point.lon - dLon, maxLon: point.lon + dLon, minLat: point.lat - dLat, maxLat: point.lat + dLat };
}

/**
 * Where a GeoJSON position may be. Longitude and latitude are WGS84 degrees; the optional altitude is metres
 * above the WGS84 ellipsoid and is stored but never computed with. Its range runs from below the deepest ocean
 * trench (about −11,000 m) to above the highest summit (about 8,850 m), with room to spare: anything outside
 * is a unit mistake (feet, millimetres) or an attack (1e308), not a place in a district.
 */
export const LONGITUDE_RANGE = { min: -180, max: 180 } as const;
export const LATITUDE_RANGE = { min: -90, max: 90 } as const;
export const ALTITUDE_RANGE_METRES = { min: -12_000, max: 10_000 } as const;

const outside = (value: number, range: { min: number; max: number }) => value < range.min || value > range.max;

/** What is out of range in a position of finite numbers `[lon, lat]` or `[lon, lat, altitude]`, by index. */
export function positionRangeProblems(position: readonly number[]): { index: number; reason: string }[] {
  const [lon, lat, altitude] = position;
  const problems: { index: number; reason: string }[] = [];
  if (outside(lon, LONGITUDE_RANGE))
    problems.push({ index: 0, reason: `longitude ${lon} is outside [-180, 180] (GeoJSON puts longitude first)` });
  if (outside(lat, LATITUDE_RANGE))
    problems.push({ index: 1, reason: `latitude ${lat} is outside [-90, 90] (GeoJSON puts longitude first)` });
  if (altitude !== undefined && outside(altitude, ALTITUDE_RANGE_METRES)) {
    problems.push({
      index: 2,
      reason: `altitude ${altitude} m is outside [${ALTITUDE_RANGE_METRES.min}, ${ALTITUDE_RANGE_METRES.max}] metres`,
    });
  }
  return problems;
}

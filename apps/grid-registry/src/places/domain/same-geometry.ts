import type { BoundaryGeometry } from '@gridline/location';

/** Whether two boundaries are the same drawing (type and every position, in order): setting it again is no change. */
export function sameGeometry(a: BoundaryGeometry, b: BoundaryGeometry): boolean {
  return a.type === b.type && JSON.stringify(a.coordinates) === JSON.stringify(b.coordinates);
}

import type { ValidBoundary } from './boundary-rows';
import { validateBoundary } from './domain/polygon-validation';
import { PlaceErrors } from './place-errors';

/**
 * A boundary as a client sent it, validated whole, or the one 422 that names every problem (INVALID_POLYGON, or
 * POLYGON_TOO_COMPLEX). `field` prefixes each problem's path when the boundary sits inside a larger request
 * (e.g. `parts[1].boundary`).
 */
export function boundaryFromRequest(input: unknown, field?: string): ValidBoundary {
  const verdict = validateBoundary(input);
  if (verdict.valid) return { geometry: verdict.geometry, bbox: verdict.bbox, positions: verdict.positions };
  const problems = verdict.problems.map((problem) => ({
    field: field ? `${field}.${problem.field}` : problem.field,
    reason: problem.reason,
  }));
  throw verdict.tooComplex ? PlaceErrors.POLYGON_TOO_COMPLEX(problems) : PlaceErrors.INVALID_POLYGON(problems);
}

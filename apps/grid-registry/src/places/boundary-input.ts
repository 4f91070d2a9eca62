import { UnprocessableError } from '@gridline/platform';
import type { ValidBoundary } from './boundary-rows';
import { validateBoundary } from './domain/polygon-validation';

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
  const [first, ...rest] = problems;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return failWith(
    verdict.tooComplex ? 'POLYGON_TOO_COMPLEX' : 'INVALID_POLYGON',
    `the boundary is not a valid polygon: ${first.field}: ${first.reason}${more}`,
    problems,
  );
}

function failWith(code: string, message: string, problems: Array<{ field: string; reason: string }>): never {
  throw new UnprocessableError(code, message, problems);
}

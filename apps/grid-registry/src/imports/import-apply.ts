import { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '@gridline/platform';
import { violatedUniqueConstraint } from '../database/unique-violation';
import { GridErrors } from '../grids/grid-errors';
import type { ParsedCsv } from './domain/csv';
import type { ImportProblem } from './domain/import-problem';

/**
 * Applies a validated import in one transaction. A unique violation means the district changed between the
 * validation and the commit (another request took a name or an address): nothing is kept and the client retries.
 */
export async function applyInOneTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    if (violatedUniqueConstraint(error) !== null) {
      throw GridErrors.CONCURRENT_CHANGE({
        districtChangedWhile: 'the file was being imported',
        nothingImported: true,
      });
    }
    throw error;
  }
}

/**
 * Runs the single-item use case for one row of the file. Its refusal (the district changed since validation)
 * keeps its status and code and names the line, and says that nothing was imported.
 */
export async function onLine<T>(line: number, label: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiError) {
      throw new ApiError(
        error.status,
        error.code,
        `line ${line} (${label}): ${error.message}; nothing was imported`,
        error.details.map((d) => ({ line, ...d })),
      );
    }
    throw error;
  }
}

/** The parser's problems (a broken quote) as import problems of their line. */
export function csvProblems(parsed: ParsedCsv): ImportProblem[] {
  return parsed.problems.map(({ line, reason }) => ({ line, field: 'row', reason }));
}

/** Counts of a result: created (or set) and unchanged among `total` items. */
export function tally(actions: ReadonlyArray<{ action: string }>): { created: number; unchanged: number } {
  const unchanged = actions.filter((a) => a.action === 'unchanged').length;
  return { created: actions.length - unchanged, unchanged };
}

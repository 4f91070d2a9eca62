/**
 * One bad cell, row or feature of an import file. For CSV `line` is the physical line of the file (the header is
 * line 1); for GeoJSON it is the feature's index in `features` (0-based) and `field` is the JSON path inside the
 * document (`features[12].geometry.coordinates[0]`).
 */
export interface ImportProblem {
  readonly line: number;
  readonly field: string;
  readonly reason: string;
}

export type Report = (line: number, field: string, reason: string) => void;

/** More rows (or features) than this are refused as a whole: one request, one transaction. */
export const MAX_IMPORT_ROWS = 10_000;

/** Problems in file order; the sort is stable, so the problems of one line keep the order they were found in. */
export function byLine(problems: ImportProblem[]): ImportProblem[] {
  return problems.sort((a, b) => a.line - b.line);
}

/** A list of problems and the function that adds to it, for readers and planners that report as they go. */
export function problemCollector(initial: readonly ImportProblem[] = []): {
  readonly problems: ImportProblem[];
  readonly report: Report;
} {
  const problems = [...initial];
  return { problems, report: (line, field, reason) => problems.push({ line, field, reason }) };
}

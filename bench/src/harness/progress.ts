/** Progress lines while a benchmark runs; the report itself is printed at the end. */
export type Progress = (line: string) => void;

export const consoleProgress: Progress = (line) => process.stdout.write(`  · ${line}\n`);

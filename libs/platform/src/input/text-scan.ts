import { FieldProblem } from '../http/api-error';
import { textKindOf, textProblem } from './text-rule';

/** Enough to fix a request; a body with a thousand bad strings is answered with the first ones. */
const MAX_PROBLEMS = 10;

/**
 * Every string in a parsed body or query — values and keys, at any depth — checked against the text rule.
 * Bodies reach here already limited to MAX_JSON_DEPTH (the JSON parser refuses deeper ones), so the walk is
 * shallow.
 */
export function textProblemsIn(value: unknown, field: string, problems: FieldProblem[] = []): FieldProblem[] {
  walk(value, field, 'text', problems);
  return problems;
}

function walk(value: unknown, field: string, kind: 'text' | 'name', problems: FieldProblem[]): void {
  if (problems.length >= MAX_PROBLEMS) return;
  if (typeof value === 'string') {
    const reason = textProblem(value, kind);
    if (reason) problems.push({ field, reason });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${field}[${index}]`, kind, problems));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key, 'name');
      if (keyProblem) problems.push({ field: `${field} key`, reason: keyProblem });
      walk(item, `${field}.${key}`, textKindOf(key), problems);
    }
  }
}

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { FieldProblem } from '../http/api-error';
import { InvalidTextError, JsonTooDeepError, MalformedPathError } from './input-errors';
import { jsonNestsDeeperThan } from './json-depth';
import { textProblemsIn } from './text-scan';

/** The decoded segments of a path; a segment that is not valid percent-encoded UTF-8 is refused. */
function pathSegments(path: string): string[] {
  return path.split('/').map((segment, index) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw new MalformedPathError(index);
    }
  });
}

function pathProblems(path: string): FieldProblem[] {
  return pathSegments(path).flatMap((segment, index) => textProblemsIn(segment, `path[${index}]`));
}

/**
 * Runs before routing, guards and pipes on every request of every service (bootstrapService installs it after
 * the body parsers): the path, the query and a parsed body must follow the text rule, or the request is a 400
 * INVALID_TEXT before any code — a guard's lookup, a validator, a query — sees it. Bodies a module parses
 * itself (bulk imports) are checked by that module with `refuseUnsafeText`. Header values need no check here:
 * Node refuses control characters in them while parsing, and the headers a service reads are matched against
 * strict patterns.
 */
export function inputHygiene(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    try {
      const problems = [
        ...pathProblems(req.path),
        ...textProblemsIn(req.query, 'query'),
        ...textProblemsIn(req.body, 'body'),
      ];
      next(problems.length > 0 ? new InvalidTextError(problems) : undefined);
    } catch (error) {
      next(error);
    }
  };
}

/** For a body a module reads itself: throws INVALID_TEXT when the text breaks the text rule. */
export function refuseUnsafeText(text: string, field = 'body'): void {
  const problems = textProblemsIn(text, field);
  if (problems.length > 0) throw new InvalidTextError(problems);
}

/** For JSON a module parses itself: throws JSON_TOO_DEEP before JSON.parse or any recursive walk sees it. */
export function refuseDeepJson(json: string | Uint8Array, field = 'body'): void {
  if (jsonNestsDeeperThan(json)) throw new JsonTooDeepError(field);
}

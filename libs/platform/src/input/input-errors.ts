import { HttpStatus } from '@nestjs/common';
import { ApiError, FieldProblem } from '../http/api-error';
import { MAX_JSON_DEPTH } from './json-depth';

/** Text that breaks the text rule (text-rule.ts), each problem naming where: `body.name`, `query.from`, `path[3]`. */
export class InvalidTextError extends ApiError {
  constructor(details: readonly FieldProblem[]) {
    super(
      HttpStatus.BAD_REQUEST,
      'INVALID_TEXT',
      `text refused — ${details.map((d) => `${d.field}: ${d.reason}`).join('; ')}`,
      details,
    );
  }
}

/** A JSON body nesting deeper than MAX_JSON_DEPTH, refused before it is parsed. */
export class JsonTooDeepError extends ApiError {
  constructor(field = 'body') {
    super(HttpStatus.BAD_REQUEST, 'JSON_TOO_DEEP', `JSON may nest at most ${MAX_JSON_DEPTH} arrays and objects deep`, [
      { field, reason: `nests deeper than ${MAX_JSON_DEPTH}` },
    ]);
  }
}

/** A path segment whose percent-encoding is not UTF-8 (e.g. `%E0%A4%A`). */
export class MalformedPathError extends ApiError {
  constructor(segment: number) {
    super(HttpStatus.BAD_REQUEST, 'MALFORMED_REQUEST', 'the request path is not valid percent-encoded UTF-8', [
      { field: `path[${segment}]`, reason: 'malformed percent-encoding' },
    ]);
  }
}

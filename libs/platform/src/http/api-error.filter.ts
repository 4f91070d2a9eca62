import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiError } from './api-error';
import { isDependencyOutage } from './dependency-outage';

/** The body every error answer carries unless a path has its own format. */
export interface ApiErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly details: unknown[];
}

/** An error answer in a path's own format: a value sent as JSON, or a document with its media type (XML). */
export type RenderedError = { readonly json: unknown } | { readonly document: string; readonly mediaType: string };

/**
 * A protocol of its own under some paths (Open311's `[{ code, description }]`, or its XML on `.xml` paths): errors
 * raised before any route is matched — a body over the limit, a malformed form — are answered in it too, since no
 * route's filter sees them.
 */
export interface PathErrorFormat {
  readonly paths: RegExp;
  readonly render: (body: ApiErrorBody, request: Request) => RenderedError;
}

/**
 * The one place where errors become HTTP responses: `{ statusCode, code, message, details }`, never a stack.
 * PostgreSQL or Redis being unreachable is `503 DEPENDENCY_UNAVAILABLE` with `Retry-After`: the request may or may
 * not have committed, and repeating it with the same Idempotency-Key is safe either way.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(
    private readonly retryAfterSeconds = 2,
    private readonly formats: readonly PathErrorFormat[] = [],
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const format = this.formats.find((f) => f.paths.test(request.path ?? ''));
    const send = (body: ApiErrorBody) => {
      response.status(body.statusCode);
      const rendered: RenderedError = format ? format.render(body, request) : { json: body };
      if ('json' in rendered) response.json(rendered.json);
      else response.type(rendered.mediaType).send(rendered.document);
    };
    if (isDependencyOutage(exception)) {
      this.logger.warn(`dependency unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      response.setHeader('Retry-After', String(this.retryAfterSeconds));
      send({
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'DEPENDENCY_UNAVAILABLE',
        message: `a service this request needs (database or cache) is unavailable for now; retry with the same Idempotency-Key after ${this.retryAfterSeconds} s`,
        details: [],
      });
      return;
    }
    const body = this.toBody(exception);
    // Our own 503s (the idempotency store unavailable) are outages too: tell the client when to come back.
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE)
      response.setHeader('Retry-After', String(this.retryAfterSeconds));
    if (body.statusCode >= 500 && body.statusCode !== HttpStatus.SERVICE_UNAVAILABLE)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    send(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof ApiError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        details: [...exception.details],
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = httpExceptionCodes[status] ?? `HTTP_${status}`;
      const message =
        status === HttpStatus.BAD_REQUEST ? `malformed request — ${exception.message}` : exception.message;
      return { statusCode: status, code, message, details: [] };
    }
    if (isBodyParserClientError(exception)) {
      const code = bodyParserCodes[exception.status] ?? 'MALFORMED_REQUEST';
      return {
        statusCode: exception.status,
        code,
        message: `the request body was refused — ${exception.message}`,
        details: [{ field: 'body', reason: exception.type }],
      };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'internal error; see the service log', details: [] };
  }
}

/** What a body parser raises for a client's body: http-errors with a 4xx status, `expose` and a `type`. */
interface BodyParserError extends Error {
  readonly status: number;
  readonly expose: true;
  readonly type: string;
}

/**
 * Nest turns a body that is not JSON (body-parser's entity.parse.failed, a SyntaxError) and a path that is not
 * percent-encoded UTF-8 (a URIError) into a plain 400 before this filter sees them: they get a stable code too.
 */
const httpExceptionCodes: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: 'MALFORMED_REQUEST',
  [HttpStatus.NOT_FOUND]: 'ROUTE_NOT_FOUND',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
};

const bodyParserCodes: Record<number, string> = {
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Body parsers run before routing, so their errors (a body over the limit, an unsupported charset or
 * encoding, too many form fields) reach only this filter, and are not HttpExceptions: without this they
 * would be a 500 for the client's mistake.
 */
function isBodyParserClientError(exception: unknown): exception is BodyParserError {
  const candidate = exception as Partial<BodyParserError> | null;
  return (
    exception instanceof Error &&
    candidate?.expose === true &&
    typeof candidate.type === 'string' &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiError, ApiErrorBody, PathErrorFormat, RenderedError } from '@gridline/platform';
import { toOpen311Xml } from '../domain/open311-xml';
import { wantsOpen311Xml } from './open311-format.interceptor';

export interface Open311Error {
  readonly code: number;
  readonly description: string;
}

/**
 * Open311 clients expect `[{ "code": 400, "description": "…" }]` with the HTTP status in `code`. Our stable
 * error code leads the description (`LOCATION_NOT_IN_DISTRICT: …`) so the two vocabularies stay linked. Open311
 * knows 400/403/404 (plus 429 and 5xx): a rule-breaking request (our 422) is a 400 there.
 */
export function toOpen311Error(exception: unknown): Open311Error {
  if (exception instanceof ApiError) {
    return open311ErrorOf({
      statusCode: exception.status,
      code: exception.code,
      message: exception.message,
      details: [...exception.details],
    });
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return {
      code: status,
      description: `${status === HttpStatus.BAD_REQUEST ? 'MALFORMED_REQUEST' : `HTTP_${status}`}: ${exception.message}`,
    };
  }
  return { code: HttpStatus.INTERNAL_SERVER_ERROR, description: 'INTERNAL: internal error; see the service log' };
}

/** Open311 has no field list: which field and why go into the description, e.g. ` (body.description: …)`. */
function detailText(details: readonly unknown[]): string {
  const named = details.flatMap((d) => {
    const { field, reason } = (d ?? {}) as { field?: unknown; reason?: unknown };
    return typeof field === 'string' && typeof reason === 'string' ? [`${field}: ${reason}`] : [];
  });
  return named.length > 0 ? ` (${named.join('; ')})` : '';
}

/**
 * Errors raised before a route is matched (a form over the body limit, a malformed body) never reach the
 * controller's filter: the service-wide filter renders them in Open311's shape under /open311/ with this, in XML
 * on the `.xml` paths like every other answer there.
 */
export const open311ErrorFormat: PathErrorFormat = {
  paths: /^\/open311\//,
  render: (body: ApiErrorBody, request: Request) => open311ErrorAnswer(open311ErrorOf(body), request),
};

/** Open311's error document in the format the request's path asked for. */
function open311ErrorAnswer(error: Open311Error, request: Request): RenderedError {
  return wantsOpen311Xml(request)
    ? { mediaType: 'application/xml', document: toOpen311Xml('errors', [error]) }
    : { json: [error] };
}

/** One of our errors as Open311 shows it, whether a route's filter or the service-wide one caught it. */
function open311ErrorOf({ statusCode, code, message, details }: ApiErrorBody): Open311Error {
  return {
    code: statusCode === HttpStatus.UNPROCESSABLE_ENTITY ? HttpStatus.BAD_REQUEST : statusCode,
    description: `${code}: ${message}${detailText(details)}`,
  };
}

@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost): void {
    const error = toOpen311Error(exception);
    if (error.code >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const http = host.switchToHttp();
    const response = http.getResponse<Response>().status(error.code);
    const answer = open311ErrorAnswer(error, http.getRequest<Request>());
    if ('json' in answer) response.json(answer.json);
    else response.type(answer.mediaType).send(answer.document);
  }
}

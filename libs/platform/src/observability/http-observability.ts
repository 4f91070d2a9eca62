import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { correlationIdFrom } from '../http/correlation';
import { GridlineMetrics } from './gridline-metrics';
import { runWithLogContext } from './log-context';
import { traceIdFromTraceparent } from './traceparent';

const tenantPath = /^\/v1\/tenants\/([a-z0-9][a-z0-9-]{1,39})(?:[/?]|$)/;
const open311Jurisdiction = /^\/open311\/[^?]*\?(?:.*&)?jurisdiction_id=([a-z0-9][a-z0-9-]{1,39})(?:&|$)/;

/**
 * The district a request names: the `/v1/tenants/:tenantId` path or Open311's `jurisdiction_id`. Only a
 * well-formed id counts (the route's own validation answers a bad one with a 400), so a log line never repeats
 * arbitrary caller text as a tenant.
 */
export function tenantFromUrl(url: string): string | undefined {
  return (tenantPath.exec(url) ?? open311Jurisdiction.exec(url))?.[1];
}

/**
 * The route template a request matched (`/v1/tenants/:tenantId/issues/:id`), never the raw path, so ids do not
 * become label values; `unmatched` for a request no route took (404s, refused before routing).
 */
export function routeTemplateOf(request: Pick<Request, 'route' | 'baseUrl'>): string {
  const path: unknown = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : 'unmatched';
}

/**
 * Opens the request's log context. One correlation id serves the request's log lines, its response header and
 * the events it causes: the caller's `X-Correlation-Id` when sane, else a new one written back into the header
 * the controllers read.
 */
export function httpLogContext(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const correlationId = correlationIdFrom(request.headers['x-correlation-id']);
    request.headers['x-correlation-id'] = correlationId;
    response.setHeader('X-Correlation-Id', correlationId);
    const context = {
      correlationId,
      tenant: tenantFromUrl(request.originalUrl),
      traceId: traceIdFromTraceparent(request.headers.traceparent),
    };
    runWithLogContext(context, next);
  };
}

/** Times every request into gridline_http_request_duration_seconds once its response is written. */
export function httpRequestMetrics(metrics: GridlineMetrics): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const stop = metrics.httpRequestDuration.startTimer();
    response.once('finish', () => {
      stop({ method: request.method, route: routeTemplateOf(request), status_code: String(response.statusCode) });
    });
    next();
  };
}

import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { tracer } from './tracing';

/**
 * One SERVER span per HTTP request, continuing the caller's `traceparent` when it sends one, and active while
 * Nest handles the request — so the events a use case writes to its outbox, and the timers it schedules, carry
 * this trace. Registered after the body parsers: their stream callbacks would not run inside the span's context.
 *
 * With export off a span records nothing and only carries a caller's trace onward, so a request that brings no
 * `traceparent` gets none: nothing would differ but the cost (ADR 0050).
 */
export function traceRequests(exporting: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!exporting && req.headers.traceparent === undefined) return next();
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer().startSpan(
      req.method,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.path } },
      parent,
    );
    res.once('finish', () => {
      // The route template (`/v1/tenants/:tenantId/issues`), never the raw path: ids would make every name unique.
      const route = (req.route as { path?: string } | undefined)?.path;
      if (route) {
        span.updateName(`${req.method} ${route}`);
        span.setAttribute('http.route', route);
      }
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Level, Logger } from 'pino';
import { routeTemplateOf } from './http-observability';
import { loggableUrl } from './log-redaction';

/** Probes and scrapes arrive every few seconds; a line for each would bury the requests people make. */
const unloggedPaths = /^\/(health|metrics)(?:[/?]|$)/;

/**
 * The line per answered request: `METHOD /route/template STATUS` at info, at error for a 5xx. It names method, URL
 * (secrets in the query censored), status, route and time taken; never headers or bodies. The request's tenant and
 * correlation come from the log context (httpLogContext, registered before this) through the root logger's mixin.
 *
 * Written by the service's root logger on the response's `finish` (or `close`, for a caller that went away first).
 * Nothing is built for a request whose line the level leaves out: at `warn`, the level services run at under load,
 * a successful request costs two listeners and a level check (ADR 0050), where a per-request child logger with its
 * serialized bindings cost a tenth of a bare request's CPU.
 */
export function httpAccessLog(logger: Logger): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (unloggedPaths.test(request.originalUrl)) return next();
    const startedAt = Date.now();
    const url = request.originalUrl;
    const written = (error?: Error) => {
      response.removeListener('finish', written);
      response.removeListener('close', written);
      response.removeListener('error', written);
      const level: Level = error || response.statusCode >= 500 ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const route = routeTemplateOf(request);
      logger[level](
        {
          requestId: request.headers['x-correlation-id'],
          req: { method: request.method, url: loggableUrl(url) },
          res: { statusCode: response.statusCode },
          responseTime: Date.now() - startedAt,
          route,
          ...(error ? { err: error } : {}),
        },
        `${request.method} ${route} ${response.statusCode}`,
      );
    };
    response.on('finish', written);
    response.on('close', written);
    response.on('error', written);
    next();
  };
}

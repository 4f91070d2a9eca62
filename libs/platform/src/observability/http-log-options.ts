import type { Request } from 'express';
import type { Logger } from 'pino';
import type { Options } from 'pino-http';
import { routeTemplateOf } from './http-observability';
import { loggableUrl } from './log-redaction';

/** Probes and scrapes arrive every few seconds; a line for each would bury the requests people make. */
const unloggedPaths = /^\/(health|metrics)(?:[/?]|$)/;

/**
 * pino-http's line per answered request: `METHOD /route/template STATUS`, at error level for a 5xx. The request's
 * tenant and correlation come from the log context (httpLogContext) through the root logger's mixin.
 */
export function httpLogOptions(logger: Logger): Options {
  return {
    logger,
    quietReqLogger: true,
    genReqId: (request) => String(request.headers['x-correlation-id'] ?? ''),
    customAttributeKeys: { reqId: 'requestId' },
    autoLogging: { ignore: (request) => unloggedPaths.test(request.url ?? '') },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
    // Method, URL (secrets in the query censored), status and route only: no headers, no bodies.
    serializers: {
      req: (request: { method?: string; url?: string }) => ({
        method: request.method,
        url: loggableUrl(request.url ?? ''),
      }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
    customSuccessObject: (request, _response, fields) => ({ ...fields, route: routeTemplateOf(request as Request) }),
    // pino-http invents an Error for a 5xx nobody attached one to; its stack says nothing. The error filter
    // has already logged the real one, in the same context.
    customErrorObject: (request, response, error, fields: Record<string, unknown>) => {
      const route = routeTemplateOf(request as Request);
      if (error.message !== `failed with status code ${response.statusCode}`) return { ...fields, route };
      const { err: _invented, ...rest } = fields;
      return { ...rest, route };
    },
    customSuccessMessage: (request, response) =>
      `${request.method} ${routeTemplateOf(request as Request)} ${response.statusCode}`,
    customErrorMessage: (request, response) =>
      `${request.method} ${routeTemplateOf(request as Request)} ${response.statusCode}`,
  };
}

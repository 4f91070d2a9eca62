import { DynamicModule, Module } from '@nestjs/common';
import type { Request } from 'express';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { DatabasePoolMetrics } from './database-pool.metrics';
import { routeTemplateOf } from './http-observability';
import { loggableUrl } from './log-redaction';
import { MetricsController } from './metrics.controller';

/** Probes and scrapes arrive every few seconds; a line for each would bury the requests people make. */
const unloggedPaths = /^\/(health|metrics)(?:[/?]|$)/;

/**
 * Logs and metrics around a service's own module: nestjs-pino (its pino-http middleware writes one line per
 * request, and `Logger` calls inside a request go to that request's logger), `GET /metrics` and the database
 * pool gauges. The request's tenant and correlation come from the log context opened before it
 * (httpLogContext), through the root logger's mixin.
 */
@Module({})
export class ObservabilityModule {
  static around(serviceModule: DynamicModule, logger: Logger): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [
        serviceModule,
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            quietReqLogger: true,
            genReqId: (request) => String(request.headers['x-correlation-id'] ?? ''),
            customAttributeKeys: { reqId: 'requestId' },
            autoLogging: { ignore: (request) => unloggedPaths.test(request.url ?? '') },
            customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
            // Method, URL (secrets in the query censored), status and route only: no headers, no bodies.
            serializers: {
              req: (request: { method?: string; url?: string }) => ({ method: request.method, url: loggableUrl(request.url ?? '') }),
              res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
            },
            customSuccessObject: (request, _response, fields) => ({ ...fields, route: routeTemplateOf(request as Request) }),
            customErrorObject: (request, _response, _error, fields) => ({ ...fields, route: routeTemplateOf(request as Request) }),
            customSuccessMessage: (request, response) => `${request.method} ${routeTemplateOf(request as Request)} ${response.statusCode}`,
          },
        }),
      ],
      controllers: [MetricsController],
      providers: [DatabasePoolMetrics],
      exports: [serviceModule],
    };
  }
}

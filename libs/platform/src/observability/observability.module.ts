import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { DatabasePoolMetrics } from './database-pool.metrics';
import { httpLogOptions } from './http-log-options';
import { MetricsController } from './metrics.controller';

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
          pinoHttp: httpLogOptions(logger),
        }),
      ],
      controllers: [MetricsController],
      providers: [DatabasePoolMetrics],
      exports: [serviceModule],
    };
  }
}

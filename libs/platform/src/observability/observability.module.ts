import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { DatabasePoolMetrics } from './database-pool.metrics';
import { MetricsController } from './metrics.controller';

/**
 * Logs and metrics around a service's own module: nestjs-pino (Nest's `Logger` calls go to the service's pino
 * logger), `GET /metrics` and the database pool gauges. The line per request is httpAccessLog's, not pino-http's
 * (`useExisting`: no child logger per request, ADR 0050). A line's tenant and correlation come from the log context
 * opened around each request, event or timer, through the root logger's mixin.
 */
@Module({})
export class ObservabilityModule {
  static around(serviceModule: DynamicModule, logger: Logger): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [serviceModule, LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true })],
      controllers: [MetricsController],
      providers: [DatabasePoolMetrics],
      exports: [serviceModule],
    };
  }
}

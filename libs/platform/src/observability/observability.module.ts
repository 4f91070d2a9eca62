import { DynamicModule, Module } from '@nestjs/common';
import { DatabasePoolMetrics } from './database-pool.metrics';
import { MetricsController } from './metrics.controller';

/**
 * Metrics around a service's own module: `GET /metrics` and the database pool gauges. Logs are not a module: the
 * service's pino logger is Nest's logger (bootstrapService) and the line per request is a middleware
 * (httpAccessLog, ADR 0050).
 */
@Module({})
export class ObservabilityModule {
  static around(serviceModule: DynamicModule): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [serviceModule],
      controllers: [MetricsController],
      providers: [DatabasePoolMetrics],
      exports: [serviceModule],
    };
  }
}

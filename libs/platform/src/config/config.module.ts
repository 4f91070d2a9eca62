import { DynamicModule, Global, Module } from '@nestjs/common';
import { SERVICE_CONFIG, ServiceConfig } from './service-config';

@Global()
@Module({})
export class ServiceConfigModule {
  static with(config: ServiceConfig): DynamicModule {
    return {
      module: ServiceConfigModule,
      providers: [{ provide: SERVICE_CONFIG, useValue: config }],
      exports: [SERVICE_CONFIG],
    };
  }
}

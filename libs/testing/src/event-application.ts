import { DynamicModule, INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connectEventServers, eventServerToken, KafkaEventConsumer, KafkaEventServer } from '@gridline/messaging';

/**
 * Boots a module in-process the way a service starts its consumers — its consumer groups connected as Nest
 * microservices and started — without listening for HTTP: for specs and benchmarks of the messaging libs.
 */
export async function startEventApplication(
  module: DynamicModule,
  logger: LoggerService | LogLevel[] | false = false,
): Promise<INestApplication> {
  const app = await NestFactory.create(module, { logger });
  connectEventServers(app);
  await app.startAllMicroservices();
  await app.init();
  return app;
}

/** The consumer behind a declared consumer group, for its outcome counts. */
export function eventConsumerOf(app: INestApplication, group: string): KafkaEventConsumer {
  return app.get<KafkaEventServer>(eventServerToken(group)).unwrap<KafkaEventConsumer>();
}

import { DynamicModule, INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ConfigurationError, ServiceConfig } from '../config/service-config';
import { ApiErrorFilter } from '../http/api-error.filter';
import { strictValidationPipe } from '../http/validation.pipe';

const levelsFrom: Record<ServiceConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  verbose: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

export interface ServiceDescription {
  readonly title: string;
  readonly description: string;
  /**
   * Paths whose module reads the body itself with a larger limit (bulk imports): the service-wide JSON parser
   * (256 kB) leaves their bodies alone.
   */
  readonly ownBodyPaths?: RegExp;
}

/** JSON bodies, at most 256 kB, except on the paths whose module parses its own body. */
function jsonBodyOptions(ownBodyPaths: RegExp | undefined) {
  const isJson = (req: Request) => Boolean(req.is('application/json'));
  return { limit: '256kb', type: ownBodyPaths ? (req: Request) => isJson(req) && !ownBodyPaths.test(req.originalUrl) : isJson };
}

/**
 * Starts one Gridline service: validation and error mapping, OpenAPI at /docs (JSON at /openapi.json),
 * shutdown hooks so SIGTERM drains consumers, the outbox relay and timers before exit.
 */
export async function bootstrapService(
  rootModule: DynamicModule,
  config: ServiceConfig,
  description: ServiceDescription,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, { logger: levelsFrom[config.logLevel], bodyParser: true });
  app.useBodyParser('json', jsonBodyOptions(description.ownBodyPaths));
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(description.title).setDescription(description.description).setVersion('1').build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
  await app.listen(config.port, config.httpHost);
  new Logger(config.serviceName).log(`listening on http://${config.httpHost}:${config.port} (OpenAPI at /docs)`);
  return app;
}

/** Runs `main` and turns a start-up failure into one line on stderr and exit code 1. */
export function runService(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    const message = error instanceof ConfigurationError ? error.message : error instanceof Error ? error.stack ?? error.message : String(error);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}

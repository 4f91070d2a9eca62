import type { Socket } from 'node:net';
import {
  DynamicModule,
  INestApplication,
  Inject,
  Injectable,
  Logger,
  LogLevel,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PinoLogger, Logger as PinoNestLogger } from 'nestjs-pino';
import { ConfigurationError, ServiceConfig } from '../config/service-config';
import { ApiErrorFilter, PathErrorFormat } from '../http/api-error.filter';
import { strictValidationPipe } from '../http/validation.pipe';
import { inputHygiene, refuseDeepJson } from '../input/input-hygiene.middleware';
import { gridlineMetrics } from '../observability/gridline-metrics';
import { httpAccessLog } from '../observability/http-access-log';
import { httpLogContext, httpRequestMetrics } from '../observability/http-observability';
import { ObservabilityModule } from '../observability/observability.module';
import { createServiceLogger } from '../observability/service-logger';
import { traceRequests } from '../tracing/http-tracing.middleware';
import { startTracing, TracingHandle } from '../tracing/tracing';

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
  /** Paths that answer errors in a protocol's own shape, even errors raised before a route is matched. */
  readonly errorFormats?: readonly PathErrorFormat[];
  /** Connects the service's microservice transports (its Kafka consumer groups); they start before HTTP listens. */
  readonly connectMicroservices?: (app: INestApplication) => void;
}

/**
 * JSON bodies, at most 256 kB and MAX_JSON_DEPTH deep (measured on the raw bytes before parsing, so nothing
 * recursive ever holds a 100,000-deep array), except on the paths whose module parses its own body.
 */
function jsonBodyOptions(ownBodyPaths: RegExp | undefined) {
  const isJson = (req: Request) => Boolean(req.is('application/json'));
  return {
    limit: '256kb',
    type: ownBodyPaths ? (req: Request) => isJson(req) && !ownBodyPaths.test(req.originalUrl) : isJson,
    verify: (_req: unknown, _res: unknown, raw: Buffer) => refuseDeepJson(raw),
  };
}

/** What every route of every service refuses before its own rules, stated in each OpenAPI document. */
const INPUT_RULES =
  'Input rules on every route: text (path, query, body, import files) with NUL or another control character other ' +
  'than TAB/LF/CR, a lone UTF-16 surrogate or a bidi override/isolate (U+202A–U+202E, U+2066–U+2069), or a name ' +
  '(name, title, …Name, …_name) with a line break → 400 INVALID_TEXT; JSON nested deeper than 32 → 400 JSON_TOO_DEEP; ' +
  'a body that is not JSON or a path that is not UTF-8 → 400 MALFORMED_REQUEST; dates that do not exist, or a period ' +
  'whose from is after its to → 400 VALIDATION_FAILED; a JSON body over 256 kB (a form over 100 kB) → 413 ' +
  'PAYLOAD_TOO_LARGE, one in a charset or encoding not taken → 415 UNSUPPORTED_MEDIA_TYPE. Every route outside ' +
  '/health, /docs and Open311 needs `Authorization: Bearer <token>` → 401 UNAUTHENTICATED without a valid one. A ' +
  'path no route serves → 404 ROUTE_NOT_FOUND. While PostgreSQL or Redis is unavailable a request is answered ' +
  '503 DEPENDENCY_UNAVAILABLE with Retry-After (seconds): it may or may not have taken effect, so repeat it with the same ' +
  'Idempotency-Key. Liveness: GET /health/live; readiness (database, Redis, Kafka producer and consumer groups): ' +
  'GET /health/ready (503 with the failing checks in details).';

/** A request Node cannot even parse (a control character in a header, a broken request line), in our error format. */
function answerUnparsableRequests(app: INestApplication): void {
  const body = JSON.stringify({
    statusCode: 400,
    code: 'MALFORMED_REQUEST',
    message: 'the HTTP request could not be parsed (a header or the request line is malformed)',
    details: [],
  });
  app.getHttpServer().on('clientError', (_error: Error, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    socket.end(
      `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}

const TRACING = Symbol('TRACING');

/** Exports the spans still buffered when the service stops. */
@Injectable()
class TracingShutdown implements OnApplicationShutdown {
  constructor(@Inject(TRACING) private readonly tracing: TracingHandle) {}

  onApplicationShutdown(): Promise<void> {
    return this.tracing.shutdown();
  }
}

@Module({})
class TracedService {}

/**
 * Starts one Gridline service: JSON logs and /metrics (ADR 0028), trace context (ADR 0029), validation and error
 * mapping, OpenAPI at /docs (JSON at /openapi.json), shutdown hooks so SIGTERM drains consumers, the outbox relay
 * and timers before exit.
 */
export async function bootstrapService(
  rootModule: DynamicModule,
  config: ServiceConfig,
  description: ServiceDescription,
): Promise<INestApplication> {
  // Before Nest creates anything, so every span and propagated context has its context manager.
  const tracing = startTracing({ serviceName: config.serviceName, ...config.tracing });
  const traced: DynamicModule = {
    module: TracedService,
    imports: [rootModule],
    providers: [{ provide: TRACING, useValue: tracing }, TracingShutdown],
  };
  gridlineMetrics.forService(config.serviceName);
  const logger = createServiceLogger(config);
  const app = await NestFactory.create<NestExpressApplication>(ObservabilityModule.around(traced), {
    logger: levelsFrom[config.logLevel],
    bufferLogs: true,
    bodyParser: true,
  });
  // nestjs-pino's logger without its LoggerModule, whose middleware would bind a logger to every request although
  // every line takes its request's context from the log context (ADR 0050).
  const nestLoggerParams = { pinoHttp: { logger } };
  app.useLogger(new PinoNestLogger(new PinoLogger(nestLoggerParams), nestLoggerParams));
  // First, so that even a request refused by the body parser or the input check is timed and logged in context.
  app.use(httpLogContext(), httpRequestMetrics(gridlineMetrics), httpAccessLog(logger));
  app.useBodyParser('json', jsonBodyOptions(description.ownBodyPaths));
  // Registered here rather than by Nest at start-up so that it runs before the input check below (Open311 forms).
  app.useBodyParser('urlencoded', { extended: true });
  app.use(traceRequests(tracing.exporting));
  app.use(inputHygiene());
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter(config.retryAfterSeconds, description.errorFormats));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(description.title)
      .setDescription(`${description.description}\n\n${INPUT_RULES}`)
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
  answerUnparsableRequests(app);
  description.connectMicroservices?.(app);
  await app.startAllMicroservices();
  await app.listen(config.port, config.httpHost);
  new Logger(config.serviceName).log(`listening on http://${config.httpHost}:${config.port} (OpenAPI at /docs)`);
  return app;
}

/** Runs `main` and turns a start-up failure into one line on stderr and exit code 1. */
export function runService(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    const message =
      error instanceof ConfigurationError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}

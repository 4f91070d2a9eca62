import { existsSync } from 'node:fs';
import { z } from 'zod';
import { KafkaConnection, kafkaConnectionFrom, kafkaConnectionSchema } from './kafka-connection';

/**
 * The whole environment a service reads, validated once at start-up. A bad value stops the process with a
 * message naming the variable; nothing else in the code reads process.env.
 */
const environmentSchema = kafkaConnectionSchema.extend({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/gridline'),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/, 'letters, digits, dot, dash, underscore')
    .default(''),
  KAFKA_CONSUMER_GROUP_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/, 'letters, digits, dot, dash, underscore')
    .optional(),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(64).default(3),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(10_000).default(100),
  TIMER_POLL_MS: z.coerce.number().int().min(10).max(10_000).default(200),
  TIMER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(4),
  CONSUMER_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(200),
  CONSUMER_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(200),
  CONSUMER_FETCH_MIN_BYTES: z.coerce.number().int().min(1).max(10_485_760).default(16_384),
  CONSUMER_FETCH_MAX_WAIT_MS: z.coerce.number().int().min(0).max(5_000).default(100),
  CONSUMER_FETCH_MAX_BYTES: z.coerce.number().int().min(65_536).max(52_428_800).default(4_194_304),
  CONSUMER_FETCH_MAX_PARTITION_BYTES: z.coerce.number().int().min(16_384).max(10_485_760).default(524_288),
  // The broker refuses a session shorter than its group.min.session.timeout.ms (6 s by default).
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(300_000).default(10_000),
  HTTP_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(300).default(2),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  AUTH_ISSUER: z.string().min(1).default('gridline-dev'),
  AUTH_AUDIENCE: z.string().min(1).default('gridline'),
  AUTH_JWKS_URL: z.url({ message: 'must be an https:// (or http://) URL of a JWKS' }).optional(),
  AUTH_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .default(24 * 3600),
  AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url({ message: 'must be the http(s):// base URL of an OTLP/HTTP collector' })
    .optional(),
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(10).max(60_000).default(5_000),
});

/** Every variable the services read besides their own port variable; the README's table documents each. */
export const configurationVariables: readonly string[] = Object.keys(environmentSchema.shape);

export interface ServiceConfig {
  readonly serviceName: string;
  readonly port: number;
  readonly httpHost: string;
  readonly databaseUrl: string;
  readonly databaseSchema: string;
  readonly kafka: KafkaConnection;
  readonly topicPrefix: string;
  /** Prefix of the consumer groups; the topic prefix unless a second reader of the same topics needs its own groups. */
  readonly consumerGroupPrefix: string;
  readonly topicPartitions: number;
  readonly redisUrl: string;
  readonly outboxPollMs: number;
  readonly timerPollMs: number;
  /** Timer claimers per process, each with its own transaction (and pooled connection) per batch. */
  readonly timerConcurrency: number;
  readonly consumerMaxAttempts: number;
  readonly consumerRetryBaseMs: number;
  /** Events of one partition handled in one transaction (ADR 0033); 1 is one transaction per event. */
  readonly consumerBatchSize: number;
  /**
   * A fetch answers once `minBytes` are waiting or after `maxWaitMs`: under load, fewer and fuller fetches (and so
   * fewer, larger transactions); idle, at most `maxWaitMs` more latency per hop. It carries at most `maxBytes`, and
   * `maxPartitionBytes` of one partition: a backlog arrives in batches a consumer's transactions can take, not in
   * kafkajs's 10 MB fetches that a capped heap must hold at once (ADR 0048).
   */
  readonly consumerFetch: {
    readonly minBytes: number;
    readonly maxWaitMs: number;
    readonly maxBytes: number;
    readonly maxPartitionBytes: number;
  };
  /** How long the group coordinator waits for a silent member (a killed one) before rebalancing without it. */
  readonly kafkaSessionTimeoutMs: number;
  /** `Retry-After` of a 503 while PostgreSQL or Redis is unavailable. */
  readonly retryAfterSeconds: number;
  readonly logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  /** One JSON object a line (production, log shippers) or one readable line (development). */
  readonly logFormat: 'json' | 'pretty';
  readonly tracing: {
    /** OTLP/HTTP collector base URL; null: spans are not exported (trace context still propagates). */
    readonly otlpEndpoint: string | null;
    readonly exportDelayMs: number;
  };
  readonly auth: {
    readonly issuer: string;
    readonly audience: string;
    readonly jwksUrl: string | null;
    readonly publicKeyFile: string | null;
    /** Longest `exp − iat` a token may have. */
    readonly maxLifetimeSeconds: number;
    /** How far ahead `iat`/`nbf` may be, and how late `exp` may be honoured, for clocks that disagree. */
    readonly clockSkewSeconds: number;
  };
}

export class ConfigurationError extends Error {}

export interface ServiceIdentity {
  /** e.g. `issue-dispatch`; used as Kafka client id, CloudEvents source and consumer-group stem. */
  readonly serviceName: string;
  /** The PostgreSQL schema this service owns, e.g. `issue_dispatch`. */
  readonly databaseSchema: string;
  /** The variable naming this service's HTTP port, e.g. `ISSUE_DISPATCH_PORT`, and its default. */
  readonly portVariable: string;
  readonly defaultPort: number;
}

export function loadServiceConfig(identity: ServiceIdentity, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigurationError(`${identity.serviceName}: invalid configuration — ${problems}`);
  }
  const port = z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(identity.defaultPort)
    .safeParse(env[identity.portVariable]);
  if (!port.success)
    throw new ConfigurationError(
      `${identity.serviceName}: invalid configuration — ${identity.portVariable} must be a port number`,
    );
  const e = parsed.data;
  if (!e.AUTH_JWKS_URL && !e.AUTH_PUBLIC_KEY_FILE) {
    throw new ConfigurationError(
      `${identity.serviceName}: invalid configuration — set AUTH_JWKS_URL (production) or AUTH_PUBLIC_KEY_FILE (development: npm start and npm test generate one)`,
    );
  }
  const kafka = kafkaConnectionFrom(e);
  if ('problems' in kafka)
    throw new ConfigurationError(`${identity.serviceName}: invalid configuration — ${kafka.problems.join('; ')}`);
  const fetchProblems = (['CONSUMER_FETCH_MAX_PARTITION_BYTES', 'CONSUMER_FETCH_MIN_BYTES'] as const)
    .filter((name) => e[name] > e.CONSUMER_FETCH_MAX_BYTES)
    .map((name) => `${name} (${e[name]}) exceeds CONSUMER_FETCH_MAX_BYTES (${e.CONSUMER_FETCH_MAX_BYTES})`);
  if (fetchProblems.length > 0)
    throw new ConfigurationError(`${identity.serviceName}: invalid configuration — ${fetchProblems.join('; ')}`);
  if (e.AUTH_PUBLIC_KEY_FILE && !existsSync(e.AUTH_PUBLIC_KEY_FILE)) {
    throw new ConfigurationError(
      `${identity.serviceName}: invalid configuration — AUTH_PUBLIC_KEY_FILE ${e.AUTH_PUBLIC_KEY_FILE} does not exist`,
    );
  }
  return {
    serviceName: identity.serviceName,
    port: port.data,
    httpHost: e.HTTP_HOST,
    databaseUrl: e.DATABASE_URL,
    databaseSchema: identity.databaseSchema,
    kafka: kafka.connection,
    topicPrefix: e.KAFKA_TOPIC_PREFIX,
    consumerGroupPrefix: e.KAFKA_CONSUMER_GROUP_PREFIX ?? e.KAFKA_TOPIC_PREFIX,
    topicPartitions: e.KAFKA_TOPIC_PARTITIONS,
    redisUrl: e.REDIS_URL,
    outboxPollMs: e.OUTBOX_POLL_MS,
    timerPollMs: e.TIMER_POLL_MS,
    timerConcurrency: e.TIMER_CONCURRENCY,
    consumerMaxAttempts: e.CONSUMER_MAX_ATTEMPTS,
    consumerRetryBaseMs: e.CONSUMER_RETRY_BASE_MS,
    consumerBatchSize: e.CONSUMER_BATCH_SIZE,
    consumerFetch: {
      minBytes: e.CONSUMER_FETCH_MIN_BYTES,
      maxWaitMs: e.CONSUMER_FETCH_MAX_WAIT_MS,
      maxBytes: e.CONSUMER_FETCH_MAX_BYTES,
      maxPartitionBytes: e.CONSUMER_FETCH_MAX_PARTITION_BYTES,
    },
    kafkaSessionTimeoutMs: e.KAFKA_SESSION_TIMEOUT_MS,
    retryAfterSeconds: e.HTTP_RETRY_AFTER_SECONDS,
    logLevel: e.LOG_LEVEL,
    // Production defaults to what a log pipeline parses; a developer's terminal to what a person reads.
    logFormat: e.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty'),
    tracing: { otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT ?? null, exportDelayMs: e.OTEL_BSP_SCHEDULE_DELAY },
    auth: {
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      jwksUrl: e.AUTH_JWKS_URL ?? null,
      publicKeyFile: e.AUTH_PUBLIC_KEY_FILE ?? null,
      maxLifetimeSeconds: e.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
      clockSkewSeconds: e.AUTH_CLOCK_SKEW_SECONDS,
    },
  };
}

/** Injection token for the ServiceConfig of the running service. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

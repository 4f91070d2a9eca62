import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * How a process reaches the broker and who it is there. Every client authenticates with SASL/SCRAM-SHA-512: over
 * TLS (`SASL_SSL`) in production, or without TLS (`SASL_PLAINTEXT`) only to a broker on this machine's loopback,
 * which is how the development broker listens. There is no anonymous way in.
 */
export interface KafkaConnection {
  readonly brokers: string[];
  /**
   * `PLAINTEXT` (no authentication) cannot be chosen through the environment: only the benchmark builds it in code, to
   * measure what authentication costs against a scratch broker without it.
   */
  readonly securityProtocol: 'SASL_SSL' | 'SASL_PLAINTEXT' | 'PLAINTEXT';
  readonly username: string;
  readonly password: string;
  /** PEM bundle of the CA that signed the brokers' certificates; the system's trust store when absent. */
  readonly caFile: string | null;
}

export const kafkaConnectionSchema = z.object({
  KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
  KAFKA_SECURITY_PROTOCOL: z.enum(['SASL_SSL', 'SASL_PLAINTEXT']).default('SASL_SSL'),
  KAFKA_SASL_USERNAME: z
    .string()
    .regex(/^[a-zA-Z0-9._-]{1,64}$/, 'letters, digits, dot, dash, underscore (1-64)')
    .optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD_FILE: z.string().min(1).optional(),
  KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
});

type KafkaEnvironment = z.infer<typeof kafkaConnectionSchema>;

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\]|::1)$/;

export function hostOf(broker: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(broker);
  if (bracketed) return `[${bracketed[1]}]`;
  const colon = broker.lastIndexOf(':');
  return colon > 0 ? broker.slice(0, colon) : broker;
}

/**
 * Reads the connection from validated variables; returns the problems instead when something is missing or unsafe,
 * so the caller can name them in its own configuration error.
 */
export function kafkaConnectionFrom(env: KafkaEnvironment): { connection: KafkaConnection } | { problems: string[] } {
  const problems: string[] = [];
  const brokers = env.KAFKA_BROKERS.split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (env.KAFKA_SECURITY_PROTOCOL === 'SASL_PLAINTEXT') {
    const remote = brokers.filter((broker) => !LOOPBACK.test(hostOf(broker)));
    if (remote.length > 0)
      problems.push(
        `KAFKA_SECURITY_PROTOCOL: SASL_PLAINTEXT sends credentials unencrypted and is allowed only to a loopback broker, not ${remote.join(', ')} — use SASL_SSL`,
      );
  }
  if (!env.KAFKA_SASL_USERNAME) problems.push('KAFKA_SASL_USERNAME: required (every Kafka client authenticates)');
  let password = env.KAFKA_SASL_PASSWORD;
  if (env.KAFKA_SASL_PASSWORD && env.KAFKA_SASL_PASSWORD_FILE)
    problems.push('KAFKA_SASL_PASSWORD_FILE: set it or KAFKA_SASL_PASSWORD, not both');
  else if (env.KAFKA_SASL_PASSWORD_FILE) {
    if (existsSync(env.KAFKA_SASL_PASSWORD_FILE)) password = readFileSync(env.KAFKA_SASL_PASSWORD_FILE, 'utf8').trim();
    else problems.push(`KAFKA_SASL_PASSWORD_FILE: ${env.KAFKA_SASL_PASSWORD_FILE} does not exist`);
  } else if (!password) problems.push('KAFKA_SASL_PASSWORD: required, or KAFKA_SASL_PASSWORD_FILE (a mounted secret)');
  if (env.KAFKA_SSL_CA_FILE && !existsSync(env.KAFKA_SSL_CA_FILE))
    problems.push(`KAFKA_SSL_CA_FILE: ${env.KAFKA_SSL_CA_FILE} does not exist`);
  if (problems.length > 0 || !password || !env.KAFKA_SASL_USERNAME) return { problems };
  return {
    connection: {
      brokers,
      securityProtocol: env.KAFKA_SECURITY_PROTOCOL,
      username: env.KAFKA_SASL_USERNAME,
      password,
      caFile: env.KAFKA_SSL_CA_FILE ?? null,
    },
  };
}

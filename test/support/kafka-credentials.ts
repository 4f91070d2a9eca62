import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaConnection } from '@gridline/platform/config/kafka-connection';
import { kafkaClientConfig } from '@gridline/messaging/kafka/kafka-client-config';
import { AppName } from './service-process';

/**
 * Who the test harness is on the broker. Services run as their own principals (exactly as in production); the
 * harness observes and injects as the provisioning super user, and can act as any principal to try its limits.
 * Global setup names the secrets file of the broker in use (GRIDLINE_KAFKA_SECRETS).
 */
interface Credentials {
  readonly username: string;
  readonly password: string;
}

interface KafkaSecrets {
  readonly admin: Credentials;
  readonly services: Record<AppName, Credentials>;
  /** A city analytics team whose SCRAM credentials exist from the broker's first start (the demo's event feed). */
  readonly demoTeam: Credentials;
}

function secrets(): KafkaSecrets {
  const file = process.env.GRIDLINE_KAFKA_SECRETS;
  if (!file)
    throw new Error('GRIDLINE_KAFKA_SECRETS is not set: run integration tests through jest (global setup sets it)');
  return JSON.parse(readFileSync(file, 'utf8')) as KafkaSecrets;
}

export function connectionAs(credentials: Credentials): KafkaConnection {
  return {
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    securityProtocol: process.env.KAFKA_SECURITY_PROTOCOL === 'SASL_SSL' ? 'SASL_SSL' : 'SASL_PLAINTEXT',
    username: credentials.username,
    password: credentials.password,
    caFile: process.env.KAFKA_SSL_CA_FILE ?? null,
  };
}

export function adminConnection(): KafkaConnection {
  return connectionAs(secrets().admin);
}

export function serviceCredentials(app: AppName): Credentials {
  return secrets().services[app];
}

export function teamCredentials(): Credentials {
  return secrets().demoTeam;
}

/** The variables that make a service process authenticate as its own principal. */
export function serviceKafkaEnvironment(app: AppName): Record<string, string> {
  const own = serviceCredentials(app);
  return { KAFKA_SASL_USERNAME: own.username, KAFKA_SASL_PASSWORD: own.password };
}

/** A kafkajs client as `connection`'s principal, quiet and quick to give up (tests expect refusals). */
export function kafkaAs(connection: KafkaConnection, clientId = 'gridline-tests'): Kafka {
  return new Kafka({
    clientId,
    ...kafkaClientConfig(connection),
    logLevel: logLevel.NOTHING,
    retry: { retries: 2, initialRetryTime: 100 },
  });
}

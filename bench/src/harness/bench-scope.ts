import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ITopicConfig, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { KafkaProvisioner, withAdmin } from '@gridline/kafka-access';
import { kafkaClientConfig } from '@gridline/messaging';
import { loadServiceConfig, ServiceConfig, ServiceIdentity } from '@gridline/platform';
import { BenchSettings } from '../bench-settings';
import { BenchAppModule, BenchAppOptions } from './bench-app.module';
import { BenchLogger } from './bench-logger';
import { benchPublicKeyFile } from './dev-auth';

/**
 * The bench "service" writes IssueReported events as issue-dispatch does (the topic's owner, so consumers trust
 * them); it connects as the provisioning super user, since its consumer group is no service's in the catalogue.
 */
export const benchIdentity: ServiceIdentity = { serviceName: 'issue-dispatch', databaseSchema: 'bench', portVariable: 'BENCH_PORT', defaultPort: 0 };

interface KafkaSecrets {
  readonly admin: { readonly username: string; readonly password: string };
  readonly services: Record<string, { readonly username: string; readonly password: string }>;
}

const openScopes = new Set<BenchScope>();

/**
 * One benchmark's private world: a fresh database (`gridline_bench_<random>`) and topic prefix
 * (`bench-<random>.`), so no figure is skewed by another run's rows, offsets or consumer groups, and nothing
 * is left behind: the database is dropped and the topics and groups deleted when the scope closes.
 */
export class BenchScope {
  /** A raw kafkajs client for the baselines: no outbox, no inbox, no validation. */
  readonly kafka: Kafka;
  private readonly cleanups: Array<() => Promise<unknown>> = [];
  private closing: Promise<void> | null = null;

  private constructor(
    readonly label: string,
    readonly databaseName: string,
    readonly config: ServiceConfig,
    private readonly settings: BenchSettings,
    private readonly secrets: KafkaSecrets,
  ) {
    this.kafka = new Kafka({ clientId: `bench-raw-${label}`, ...kafkaClientConfig(config.kafka), logLevel: logLevel.ERROR });
  }

  static async open(label: string, settings: BenchSettings): Promise<BenchScope> {
    const suffix = randomBytes(4).toString('hex');
    const databaseName = `gridline_bench_${suffix}`;
    await withAdminDatabase(settings.adminDatabaseUrl, (admin) => admin.query(`CREATE DATABASE "${databaseName}"`));
    const databaseUrl = new URL(settings.adminDatabaseUrl);
    databaseUrl.pathname = `/${databaseName}`;
    const secrets = JSON.parse(readFileSync(settings.kafkaSecretsFile, 'utf8')) as KafkaSecrets;
    const config = loadServiceConfig(benchIdentity, {
      ...settings.serviceEnvironment,
      DATABASE_URL: databaseUrl.toString(),
      KAFKA_BROKERS: settings.kafkaBrokers.join(','),
      KAFKA_SECURITY_PROTOCOL: settings.kafkaSecurityProtocol,
      KAFKA_SASL_USERNAME: secrets.admin.username,
      KAFKA_SASL_PASSWORD: secrets.admin.password,
      KAFKA_TOPIC_PREFIX: `bench-${suffix}.`,
      // The bench service serves no HTTP, but the configuration wants a key to verify tokens with.
      AUTH_PUBLIC_KEY_FILE: settings.serviceEnvironment.AUTH_PUBLIC_KEY_FILE ?? benchPublicKeyFile(),
    });
    const scope = new BenchScope(label, databaseName, config, settings, secrets);
    openScopes.add(scope);
    // Provisioned like a deployment: catalogue topics and every service principal's ACLs for this prefix.
    await withAdmin(config.kafka, (admin) => new KafkaProvisioner(admin).provisionDeployment(config.topicPrefix, config.topicPartitions));
    return scope;
  }

  /** The variables a real service process of this scope runs with: the scope's database and prefix, its own principal. */
  serviceEnvironment(app: string): Record<string, string> {
    const own = this.secrets.services[app];
    return {
      DATABASE_URL: this.config.databaseUrl,
      KAFKA_BROKERS: this.config.kafka.brokers.join(','),
      KAFKA_SECURITY_PROTOCOL: this.config.kafka.securityProtocol,
      KAFKA_SASL_USERNAME: own.username,
      KAFKA_SASL_PASSWORD: own.password,
      KAFKA_TOPIC_PREFIX: this.config.topicPrefix,
    };
  }

  physicalTopic(logical: string): string {
    return `${this.config.topicPrefix}${logical}`;
  }

  consumerGroup(name: string): string {
    return `${this.config.topicPrefix}${name}`;
  }

  /** Boots the bench service in a Nest application context; it is closed (drained) when the scope closes. */
  async boot(options: BenchAppOptions): Promise<BenchApp> {
    const context = await NestFactory.createApplicationContext(BenchAppModule.with(this.config, options), { logger: new BenchLogger() });
    const app = new BenchApp(context);
    this.defer(() => app.close());
    return app;
  }

  /** A raw pg connection to the scope's database with the same search_path the services use. */
  async sql(): Promise<Client> {
    const client = new Client({ connectionString: this.config.databaseUrl, options: `-c search_path=${this.config.databaseSchema}` });
    await client.connect();
    this.defer(() => client.end());
    return client;
  }

  /** Creates a topic like KafkaRuntime does (same partition count), for baselines and pre-filled inputs. */
  async createTopic(physical: string): Promise<void> {
    const topic: ITopicConfig = { topic: physical, numPartitions: this.config.topicPartitions, replicationFactor: -1 };
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [topic], waitForLeaders: true });
    } finally {
      await admin.disconnect();
    }
  }

  /** Registers something to undo when the scope closes; undone in reverse order. */
  defer(cleanup: () => Promise<unknown>): void {
    this.cleanups.push(cleanup);
  }

  /** Idempotent: an interrupted run and the benchmark's own `finally` may both ask, and both wait for the same cleanup. */
  close(): Promise<void> {
    this.closing ??= this.cleanUp();
    return this.closing;
  }

  private async cleanUp(): Promise<void> {
    openScopes.delete(this);
    while (this.cleanups.length > 0) {
      await quietly(`${this.label}: cleanup`, this.cleanups.pop()!);
    }
    await quietly(`${this.label}: dropping ${this.databaseName}`, () =>
      withAdminDatabase(this.settings.adminDatabaseUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${this.databaseName}" WITH (FORCE)`)),
    );
    await quietly(`${this.label}: deleting Kafka leftovers ${this.config.topicPrefix}*`, () => this.deleteKafkaLeftovers());
  }

  /** Topics first: a group that still has a member (an interrupted run) cannot be deleted, its topics can. */
  private async deleteKafkaLeftovers(): Promise<void> {
    const prefix = this.config.topicPrefix;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
      if (topics.length > 0) await quietly(`${this.label}: deleting topics`, () => admin.deleteTopics({ topics, timeout: 10_000 }));
      await quietly(`${this.label}: removing service ACLs`, () => new KafkaProvisioner(admin).removeDeployment(prefix));
      const { groups } = await admin.listGroups();
      const ours = groups.map((group) => group.groupId).filter((id) => id.startsWith(prefix));
      if (ours.length > 0) await quietly(`${this.label}: deleting consumer groups`, () => admin.deleteGroups(ours));
    } finally {
      await admin.disconnect();
    }
  }
}

/** The bench service's providers the benchmarks drive. */
export class BenchApp {
  private closing: Promise<void> | null = null;

  constructor(readonly context: INestApplicationContext) {}

  /** Drains consumers, relay and poller like a SIGTERM would; safe to call again when the scope closes. */
  close(): Promise<void> {
    this.closing ??= this.context.close();
    return this.closing;
  }

  get dataSource(): DataSource {
    return this.context.get<DataSource>(getDataSourceToken());
  }
}

export async function withBenchScope<T>(label: string, settings: BenchSettings, body: (scope: BenchScope) => Promise<T>): Promise<T> {
  const scope = await BenchScope.open(label, settings);
  try {
    return await body(scope);
  } finally {
    await scope.close();
  }
}

/** For Ctrl+C: close whatever scope is open so an interrupted run leaves no database behind. */
export async function closeOpenScopes(): Promise<void> {
  for (const scope of [...openScopes]) await scope.close();
}

async function withAdminDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Cleanup must not hide the error that made the benchmark stop, so failures here are only reported. */
async function quietly(what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    process.stderr.write(`bench: ${what} failed: ${(error as Error).message}\n`);
  }
}

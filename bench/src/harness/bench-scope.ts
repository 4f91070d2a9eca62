import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Admin, ITopicConfig, Kafka, KafkaJSDeleteGroupsError, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { deadLetterTopicOf, replayTopicOf, ServiceName, Topics } from '@gridline/contracts';
import { KafkaProvisioner, servicePrincipal, userPrincipal, withAdmin } from '@gridline/kafka-access';
import { kafkaClientConfig, KafkaEventConsumer } from '@gridline/messaging';
import { KafkaConnection, loadServiceConfig, ServiceConfig, ServiceIdentity } from '@gridline/platform';
import { eventConsumerOf, startEventApplication } from '@gridline/testing';
import { BenchSettings } from '../bench-settings';
import { BenchAppModule, BenchAppOptions } from './bench-app.module';
import { BenchLogger } from './bench-logger';
import { benchPublicKeyFile } from './dev-auth';

/**
 * The bench "service" writes IssueReported events as issue-dispatch does (the topic's owner, so consumers trust
 * them); it connects as the provisioning super user, since its consumer group is no service's in the catalogue.
 */
export const benchIdentity: ServiceIdentity = {
  serviceName: 'issue-dispatch',
  databaseSchema: 'bench',
  portVariable: 'BENCH_PORT',
  defaultPort: 0,
};

export interface BenchScopeOptions {
  readonly asService?: ServiceName;
  readonly plaintextBrokers?: string[];
}

/** The bench service's own consumer group (bench-app.module.ts), granted to the service principal it runs as. */
const BENCH_GROUP_STEM = 'bench.inbox';

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
    rawConnection: KafkaConnection = config.kafka,
  ) {
    this.kafka = new Kafka({
      clientId: `bench-raw-${label}`,
      ...kafkaClientConfig(rawConnection),
      logLevel: logLevel.ERROR,
    });
  }

  /**
   * `asService`: the bench service connects as that service's principal, with ACLs for the bench's own group added, so
   * authorisation is checked as for a real service (the super user skips it). `plaintextBrokers`: a scratch broker
   * without SASL or ACLs instead of the platform's, for the figures that measure what those cost.
   */
  static async open(label: string, settings: BenchSettings, options: BenchScopeOptions = {}): Promise<BenchScope> {
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
    if (options.plaintextBrokers) {
      const plaintext: ServiceConfig = {
        ...config,
        kafka: {
          brokers: options.plaintextBrokers,
          securityProtocol: 'PLAINTEXT',
          username: '',
          password: '',
          caFile: null,
        },
      };
      const scope = new BenchScope(label, databaseName, plaintext, settings, secrets);
      openScopes.add(scope);
      // A broker started a moment ago may still be electing leaders for the first topics: try again briefly.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await withAdmin(plaintext.kafka, (admin) =>
            new KafkaProvisioner(admin).provisionTopics(config.topicPrefix, config.topicPartitions),
          );
          break;
        } catch (error) {
          if (attempt >= 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
        }
      }
      return scope;
    }
    // Provisioned like a deployment: catalogue topics and every service principal's ACLs for this prefix.
    await withAdmin(config.kafka, (admin) =>
      new KafkaProvisioner(admin).provisionDeployment(config.topicPrefix, config.topicPartitions),
    );
    if (!options.asService) {
      const scope = new BenchScope(label, databaseName, config, settings, secrets);
      openScopes.add(scope);
      return scope;
    }
    const own = secrets.services[options.asService];
    const principal = userPrincipal(servicePrincipal(options.asService));
    const group = (name: string) => ({
      principal,
      resourceType: 'group' as const,
      patternType: 'literal' as const,
      resourceName: `${config.topicPrefix}${name}`,
      operation: 'read' as const,
    });
    const topic = (name: string, operation: 'read' | 'write' | 'describe') => ({
      principal,
      resourceType: 'topic' as const,
      patternType: 'literal' as const,
      resourceName: `${config.topicPrefix}${name}`,
      operation,
    });
    await withAdmin(config.kafka, (admin) =>
      // The bench group reads the service's own issue-events topic, which the real service never consumes.
      new KafkaProvisioner(admin).grant([
        group(BENCH_GROUP_STEM),
        topic(Topics.issueEvents.name, 'read'),
        topic(deadLetterTopicOf(BENCH_GROUP_STEM), 'write'),
        topic(deadLetterTopicOf(BENCH_GROUP_STEM), 'describe'),
        // Every consumer also reads its group's replay topic (ADR 0027).
        topic(replayTopicOf(BENCH_GROUP_STEM), 'read'),
        topic(replayTopicOf(BENCH_GROUP_STEM), 'describe'),
      ]),
    );
    const asService: ServiceConfig = {
      ...config,
      kafka: { ...config.kafka, username: own.username, password: own.password },
    };
    // The raw baselines and the clean-up stay the super user's.
    const scope = new BenchScope(label, databaseName, asService, settings, secrets, config.kafka);
    openScopes.add(scope);
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

  /** Boots the bench service in-process, its consumer group started; it is closed (drained) when the scope closes. */
  async boot(options: BenchAppOptions): Promise<BenchApp> {
    const context = await startEventApplication(BenchAppModule.with(this.config, options), new BenchLogger());
    const app = new BenchApp(context);
    this.defer(() => app.close());
    return app;
  }

  /** A raw pg connection to the scope's database with the same search_path the services use. */
  async sql(): Promise<Client> {
    const client = new Client({
      connectionString: this.config.databaseUrl,
      options: `-c search_path=${this.config.databaseSchema}`,
    });
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
      await admin.createTopics({ topics: [topic], waitForLeaders: false });
      // kafkajs gives up on "does not host this topic-partition" while a new topic's metadata is still spreading; wait it out.
      const deadline = Date.now() + 30_000;
      for (;;) {
        try {
          const { topics } = await admin.fetchTopicMetadata({ topics: [physical] });
          if (topics[0]?.partitions.length && topics[0].partitions.every((p) => p.leader >= 0)) return;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
        if (Date.now() > deadline) throw new Error(`bench: ${physical} has no partition leaders after 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await admin.disconnect();
    }
  }

  /** The dead-letter and replay topics a consumer group outside the catalogue needs before it starts (ADR 0027). */
  async createConsumerGroupTopics(group: string): Promise<void> {
    await this.createTopic(this.physicalTopic(deadLetterTopicOf(group)));
    await this.createTopic(this.physicalTopic(replayTopicOf(group)));
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
      withAdminDatabase(this.settings.adminDatabaseUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS "${this.databaseName}" WITH (FORCE)`),
      ),
    );
    await quietly(`${this.label}: deleting Kafka leftovers ${this.config.topicPrefix}*`, () =>
      this.deleteKafkaLeftovers(),
    );
  }

  /** Topics first: a group that still has a member (an interrupted run) cannot be deleted, its topics can. */
  private async deleteKafkaLeftovers(): Promise<void> {
    const prefix = this.config.topicPrefix;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
      if (topics.length > 0)
        await quietly(`${this.label}: deleting topics`, () => admin.deleteTopics({ topics, timeout: 10_000 }));
      if (this.config.kafka.securityProtocol !== 'PLAINTEXT') {
        await quietly(`${this.label}: removing service ACLs`, () =>
          new KafkaProvisioner(admin).removeDeployment(prefix),
        );
      }
      const { groups } = await admin.listGroups();
      const ours = groups.map((group) => group.groupId).filter((id) => id.startsWith(prefix));
      if (ours.length > 0)
        await quietly(`${this.label}: deleting consumer groups`, () => deleteGroupsOnceLeft(admin, ours));
    } finally {
      await admin.disconnect();
    }
  }
}

/** The bench service's providers the benchmarks drive. */
export class BenchApp {
  private closing: Promise<void> | null = null;

  constructor(readonly context: INestApplication) {}

  /** Drains consumers, relay and poller like a SIGTERM would; safe to call again when the scope closes. */
  close(): Promise<void> {
    this.closing ??= this.context.close();
    return this.closing;
  }

  /** The consumer of a consumer group the app declared, for its outcome counts. */
  consumer(group: string): KafkaEventConsumer {
    return eventConsumerOf(this.context, group);
  }

  get dataSource(): DataSource {
    return this.context.get<DataSource>(getDataSourceToken());
  }
}

export async function withBenchScope<T>(
  label: string,
  settings: BenchSettings,
  body: (scope: BenchScope) => Promise<T>,
  options: BenchScopeOptions = {},
): Promise<T> {
  const scope = await BenchScope.open(label, settings, options);
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
/** Group errors that pass once the broker has seen the scope's last members leave (a close that just returned). */
const settlingGroupErrors = new Set(['NON_EMPTY_GROUP', 'COORDINATOR_LOAD_IN_PROGRESS', 'COORDINATOR_NOT_AVAILABLE']);

/**
 * Deletes the groups, asking again for those still settling for up to ten seconds; a failure names each group
 * left and why (kafkajs's own message says only "Error in DeleteGroups").
 */
async function deleteGroupsOnceLeft(admin: Admin, groups: string[]): Promise<void> {
  let left = groups;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin.deleteGroups(left);
      return;
    } catch (error) {
      if (!(error instanceof KafkaJSDeleteGroupsError)) throw error;
      const failed = error.groups.map(({ groupId, error: cause }) => ({
        groupId,
        type: (cause as { type?: string } | undefined)?.type ?? 'UNKNOWN',
      }));
      if (attempt >= 10 || failed.some(({ type }) => !settlingGroupErrors.has(type)))
        throw new Error(failed.map(({ groupId, type }) => `${groupId}: ${type}`).join(', '));
      left = failed.map(({ groupId }) => groupId);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function quietly(what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    process.stderr.write(`bench: ${what} failed: ${(error as Error).message}\n`);
  }
}

import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Admin, Consumer, ConsumerConfig, Kafka, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';
import { allTopics, deadLetterTopicOf } from '@gridline/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '@gridline/platform';
import { kafkaClientConfig } from './kafka-client-config';
import { TopicNames } from './topic-names';

/** Long enough for provisioning running beside the services (npm start, tests) to finish. */
const PROVISIONED_TOPICS_WAIT_MS = 60_000;

const kafkaLevelToNest = (level: logLevel): 'error' | 'warn' | 'log' | 'debug' =>
  level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : level === logLevel.INFO ? 'log' : 'debug';

/**
 * The service's connection to Kafka as its own principal (SASL/SCRAM): one client, one idempotent producer
 * (acks=all, one request in flight so per-key order survives retries), started once its provisioned topics exist.
 */
@Injectable()
export class KafkaRuntime implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Kafka');
  readonly kafka: Kafka;
  readonly topics: TopicNames;
  private readonly producerInstance: Producer;
  private readonly deadLetterGroups = new Set<string>();
  private readonly consumedTopics = new Set<string>();
  /** Logical group → its logical topics, for the lag gauge. */
  readonly consumerGroups = new Map<string, readonly string[]>();
  private producerConnected = false;
  private readonly consumers: Array<{ start(): Promise<void>; stop(): Promise<void> }> = [];

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {
    this.topics = new TopicNames(config.topicPrefix, config.consumerGroupPrefix);
    this.kafka = new Kafka({
      clientId: config.serviceName,
      ...kafkaClientConfig(config.kafka),
      connectionTimeout: 3000,
      retry: { initialRetryTime: 200, retries: 10 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => {
        // kafkajs logs every rebalance and reconnect at ERROR; they are expected during start-up and shutdown.
        const message = `${entry.log.message}${entry.log.error ? ` (${String(entry.log.error)})` : ''}`;
        this.logger[kafkaLevelToNest(entry.level)](message);
      },
    });
    this.producerInstance = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  get producer(): Producer {
    if (!this.producerConnected) throw new Error('Kafka producer used before the module initialised');
    return this.producerInstance;
  }

  /** Consumers register their group here before init, so start-up waits for its topics and dead-letter topic. */
  declareConsumerGroup(group: string, topics: readonly string[]): void {
    this.deadLetterGroups.add(group);
    this.consumerGroups.set(group, topics);
    for (const topic of topics) this.consumedTopics.add(topic);
  }

  /** Consumers start once every module is initialised and stop (draining) before the producer disconnects. */
  registerConsumer(consumer: { start(): Promise<void>; stop(): Promise<void> }): void {
    this.consumers.push(consumer);
  }

  createConsumer(group: string, overrides: Partial<ConsumerConfig> = {}): Consumer {
    return this.kafka.consumer({
      groupId: this.topics.consumerGroup(group),
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      ...overrides,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.awaitProvisionedTopics();
    await this.producerInstance.connect();
    this.producerConnected = true;
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.start()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.producerConnected) await this.producerInstance.disconnect();
    this.producerConnected = false;
  }

  /**
   * Topics are created (with their retention) and access granted by provisioning, from the catalogue, before any
   * service starts: a service may only write its own topics and read what it subscribes to, so it cannot create
   * them itself. It waits for them here, so a service started first does not fail while provisioning finishes.
   */
  private async awaitProvisionedTopics(): Promise<void> {
    const needed = [
      ...allTopics.filter((spec) => spec.owner === this.config.serviceName).map((spec) => spec.name),
      ...this.consumedTopics,
      ...[...this.deadLetterGroups].map((group) => deadLetterTopicOf(group)),
    ].map((logical) => this.topics.physical(logical));
    if (needed.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await this.waitForLeaders(admin, [...new Set(needed)]);
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * A topic just provisioned may not have partition leaders yet; using it then fails with "This server does not
   * host this topic-partition". Start only once every partition has a leader.
   */
  private async waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
    const deadline = Date.now() + PROVISIONED_TOPICS_WAIT_MS;
    for (;;) {
      try {
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
        const leaderless = metadata.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0)).map((t) => t.name);
        if (leaderless.length === 0) return;
        if (Date.now() > deadline) throw new Error(`topics without partition leaders after ${PROVISIONED_TOPICS_WAIT_MS / 1000} s: ${leaderless.join(', ')}`);
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(
            `${this.config.serviceName} cannot use its topics as ${this.config.kafka.username} (${(error as Error).message}): ` +
              `provision the cluster from the catalogue first (npm run kafka:provision), which creates them and grants access`,
          );
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Admin, Consumer, ConsumerConfig, ITopicConfig, Kafka, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';
import { allTopics, deadLetterTopicOf } from '@gridline/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '@gridline/platform';
import { TopicNames } from './topic-names';

const kafkaLevelToNest = (level: logLevel): 'error' | 'warn' | 'log' | 'debug' =>
  level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : level === logLevel.INFO ? 'log' : 'debug';

/**
 * The service's connection to Kafka: one client, one idempotent producer (acks=all, one request in flight so
 * per-key order survives retries), and the topics created up front with the admin client.
 */
@Injectable()
export class KafkaRuntime implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Kafka');
  readonly kafka: Kafka;
  readonly topics: TopicNames;
  private readonly producerInstance: Producer;
  private readonly deadLetterGroups = new Set<string>();
  private producerConnected = false;
  private readonly consumers: Array<{ start(): Promise<void>; stop(): Promise<void> }> = [];

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {
    this.topics = new TopicNames(config.topicPrefix);
    this.kafka = new Kafka({
      clientId: config.serviceName,
      brokers: config.kafkaBrokers,
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

  /** Consumers register their group here before init so its dead-letter topic is created with the rest. */
  declareDeadLetterTopicFor(group: string): void {
    this.deadLetterGroups.add(group);
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
    await this.provisionTopics();
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

  private async provisionTopics(): Promise<void> {
    const wanted: ITopicConfig[] = [
      ...allTopics.map((spec) => ({
        topic: this.topics.physical(spec.name),
        numPartitions: this.config.topicPartitions,
        replicationFactor: -1,
        configEntries: spec.compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
      })),
      ...[...this.deadLetterGroups].map((group) => ({
        topic: this.topics.physical(deadLetterTopicOf(group)),
        numPartitions: 1,
        replicationFactor: -1,
      })),
    ];
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      // Services start together and race to create the same topics; the loser sees transient metadata
      // errors ("does not host this topic-partition") until the winner's partitions have leaders.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.createMissingTopics(admin, wanted);
          await this.waitForLeaders(admin, wanted.map((t) => t.topic));
          return;
        } catch (error) {
          if (attempt >= 5) throw error;
          this.logger.warn(`topic provisioning attempt ${attempt} failed, retrying: ${(error as Error).message}`);
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  private async createMissingTopics(admin: Admin, wanted: ITopicConfig[]): Promise<void> {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic.topic));
    // kafkajs answers `false` rather than throwing when another service created a topic first.
    if (missing.length > 0 && (await admin.createTopics({ topics: missing, waitForLeaders: true }))) {
      this.logger.log(`created topics: ${missing.map((t) => t.topic).join(', ')}`);
    }
  }

  /**
   * A topic another service has just created may not have partition leaders yet; using it then fails with
   * "This server does not host this topic-partition". Start only once every partition has a leader.
   */
  private async waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
        const leaderless = metadata.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0)).map((t) => t.name);
        if (leaderless.length === 0) return;
        if (Date.now() > deadline) throw new Error(`topics without partition leaders after 30 s: ${leaderless.join(', ')}`);
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

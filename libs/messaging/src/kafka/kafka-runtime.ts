import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import {
  Admin,
  Consumer,
  ConsumerConfig,
  Kafka,
  logLevel,
  LogEntry,
  Message,
  Partitioners,
  Producer,
  RecordMetadata,
} from 'kafkajs';
import { allTopics, deadLetterTopicOf, replayTopicOf } from '@gridline/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '@gridline/platform';
import { KeyPartitioner, PartitionedTopicMessages, sendAcknowledged } from './acknowledged-batch';
import { kafkaClientConfig } from './kafka-client-config';
import { TopicNames } from './topic-names';

/** Long enough for provisioning running beside the services (npm start, tests) to finish. */
const PROVISIONED_TOPICS_WAIT_MS = 60_000;

/** The producer is not connected yet (or any more): the caller keeps its work and tries again later. */
export class KafkaNotConnectedError extends Error {
  constructor() {
    super('the Kafka producer is not connected');
  }
}

const kafkaLevelToNest = (level: logLevel): 'error' | 'warn' | 'log' | 'debug' =>
  level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : level === logLevel.INFO ? 'log' : 'debug';

/** What readiness reports about Kafka: whether intake's events flow out and every consumer group is in its group. */
export interface KafkaReadiness {
  readonly ready: boolean;
  /** `failing`: connected, but the last publish failed (the broker went away after start-up). */
  readonly producer: 'connected' | 'connecting' | 'failing';
  /** Per logical consumer group: `joined`, or why not (`starting`, `rebalancing`, `crashed`, `stopped`). */
  readonly groups: Readonly<Record<string, string>>;
  /** The last reason starting failed, while it has not succeeded yet. */
  readonly lastError?: string;
}

/** Starts and stops with the application; `start` resolves once the consumer runs (joined its group). */
export interface RegisteredConsumer {
  /** The logical consumer group it reads in, as declared. */
  readonly group: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** How long shutdown waits for a start-up still retrying against an absent broker. */
const SHUTDOWN_WAIT_FOR_START_MS = 5_000;

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * The service's connection to Kafka as its own principal (SASL/SCRAM): one client, one producer (acks=all, one
 * request in flight so per-key order survives retries). Not kafkajs's idempotent producer: its sequence numbers go
 * wrong when a request fails for one partition and succeeds for another, and from then on a batch can be taken as
 * a duplicate and dropped while the send resolves (ADR 0035). A retried send may write an event twice; every
 * consumer drops the copy by event id (the inbox).
 *
 * Nothing in start-up waits for Kafka: intake only writes the outbox, so HTTP answers while the broker is away or a
 * group rebalances. Once the application is up, the runtime waits for its provisioned topics, connects the producer
 * and starts the consumers in the background, retrying with backoff; readiness (`/health/ready`) reports where it is.
 */
@Injectable()
export class KafkaRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Kafka');
  readonly kafka: Kafka;
  readonly topics: TopicNames;
  private readonly producerInstance: Producer;
  private readonly deadLetterGroups = new Set<string>();
  private readonly consumedTopics = new Set<string>();
  /** Logical group → its logical topics, for the lag gauge. */
  readonly consumerGroups = new Map<string, readonly string[]>();
  private producerConnected = false;
  private readonly consumers: RegisteredConsumer[] = [];
  /** Set once start-up reaches the consumers: one registered later (a microservice connected late) starts at once. */
  private consumersStarting = false;
  /** Logical group → state, from kafkajs's instrumentation events (GROUP_JOIN, REBALANCING, CRASH, STOP, …). */
  private readonly groupStates = new Map<string, string>();
  private lastError: string | undefined;
  private lastSendError: string | undefined;
  private stopping = false;
  private starting: Promise<void> | null = null;
  private wakeSleepers = new Set<() => void>();
  /** Reads partition lists for `publish`; connected on first use. */
  private metadataAdmin: Promise<Admin> | null = null;
  private readonly keyPartitioner = new KeyPartitioner(() => this.connectedAdmin());

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
      idempotent: false,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.producerInstance.on(this.producerInstance.events.DISCONNECT, () => {
      this.producerConnected = false;
    });
  }

  get producer(): Producer {
    if (!this.producerConnected) throw new KafkaNotConnectedError();
    return this.producerInstance;
  }

  /**
   * Publishes keyed messages and resolves only once Kafka acknowledged every partition they went to, so that a
   * caller may forget them (ADR 0035). Throws `KafkaNotConnectedError` before the producer is connected.
   */
  async publish(
    topicMessages: ReadonlyArray<{ readonly topic: string; readonly messages: readonly Message[] }>,
  ): Promise<RecordMetadata[]> {
    const producer = this.producer;
    return sendAcknowledged((batch) => producer.sendBatch(batch), await this.assignPartitions(topicMessages));
  }

  /** Each message with the partition kafkajs's default partitioner would give its key, for `sendAcknowledged`. */
  assignPartitions(
    topicMessages: ReadonlyArray<{ readonly topic: string; readonly messages: readonly Message[] }>,
  ): Promise<PartitionedTopicMessages[]> {
    return this.keyPartitioner.assign(topicMessages);
  }

  private connectedAdmin(): Promise<Admin> {
    if (!this.metadataAdmin) {
      const admin = this.kafka.admin();
      this.metadataAdmin = admin.connect().then(() => admin);
      this.metadataAdmin.catch(() => (this.metadataAdmin = null));
    }
    return this.metadataAdmin;
  }

  /** The outbox relay keeps its rows (and publishes nothing) until this is true. */
  get producerReady(): boolean {
    return this.producerConnected;
  }

  readiness(): KafkaReadiness {
    const groups: Record<string, string> = {};
    for (const group of this.deadLetterGroups) groups[group] = this.groupStates.get(group) ?? 'starting';
    const producer = !this.producerConnected ? 'connecting' : this.lastSendError ? 'failing' : 'connected';
    const ready = producer === 'connected' && Object.values(groups).every((state) => state === 'joined');
    const lastError = this.lastSendError ?? this.lastError;
    return { ready, producer, groups, ...(ready || !lastError ? {} : { lastError }) };
  }

  /**
   * The outbox relay reports each publish: a service with no consumer group (grid-registry) would otherwise look
   * ready while its events cannot leave, since kafkajs keeps a producer "connected" through a broker outage.
   */
  recordPublish(error?: Error): void {
    this.lastSendError = error ? `publishing: ${error.message}` : undefined;
  }

  /** Consumers register their group here before start-up, so the runtime waits for its topics and dead-letter topic. */
  declareConsumerGroup(group: string, topics: readonly string[]): void {
    this.deadLetterGroups.add(group);
    this.consumerGroups.set(group, topics);
    for (const topic of topics) this.consumedTopics.add(topic);
  }

  /** Consumers start in the background once the producer is connected and stop (draining) before it disconnects. */
  registerConsumer(consumer: RegisteredConsumer): void {
    this.consumers.push(consumer);
    if (this.consumersStarting && !this.stopping)
      void this.untilDone(
        'starting a consumer',
        () => consumer.start(),
        () => consumer.stop(),
      );
  }

  /**
   * A shorter session than kafkajs's 30 s: kafkajs 2.2.4 has no static membership (group.instance.id), so a
   * restarted member's group waits for the killed member's session to expire before it rebalances (ADR 0025).
   */
  createConsumer(group: string, overrides: Partial<ConsumerConfig> = {}): Consumer {
    const sessionTimeout = this.config.kafkaSessionTimeoutMs;
    const consumer = this.kafka.consumer({
      groupId: this.topics.consumerGroup(group),
      allowAutoTopicCreation: false,
      sessionTimeout,
      heartbeatInterval: Math.max(500, Math.min(3_000, Math.floor(sessionTimeout / 3))),
      minBytes: this.config.consumerFetch.minBytes,
      maxWaitTimeInMs: this.config.consumerFetch.maxWaitMs,
      maxBytes: this.config.consumerFetch.maxBytes,
      maxBytesPerPartition: this.config.consumerFetch.maxPartitionBytes,
      ...overrides,
    });
    this.track(group, consumer);
    return consumer;
  }

  onApplicationBootstrap(): void {
    this.starting = this.startInBackground();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const wake of this.wakeSleepers) wake();
    await Promise.all(
      this.consumers.map((consumer) =>
        consumer.stop().catch((error: Error) => this.logger.warn(`stopping a consumer: ${error.message}`)),
      ),
    );
    await Promise.race([
      this.starting,
      new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_FOR_START_MS).unref()),
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.producerConnected) await this.producerInstance.disconnect();
    this.producerConnected = false;
    const admin = this.metadataAdmin;
    this.metadataAdmin = null;
    if (admin) await (await admin.catch(() => null))?.disconnect().catch(() => undefined);
  }

  private track(group: string, consumer: Consumer): void {
    const set = (state: string) => () => this.groupStates.set(group, state);
    const { events } = consumer;
    this.groupStates.set(group, 'starting');
    consumer.on(events.GROUP_JOIN, set('joined'));
    consumer.on(events.REBALANCING, set('rebalancing'));
    consumer.on(events.STOP, set('stopped'));
    consumer.on(events.DISCONNECT, set('stopped'));
    consumer.on(events.CRASH, (event) => {
      this.groupStates.set(group, 'crashed');
      // kafkajs restarts itself after a retriable error; after any other the consumer is dead until started again.
      if (!event.payload.restart && !this.stopping) {
        this.logger.error(`consumer group ${group} crashed and will be started again: ${event.payload.error.message}`);
        const registered = this.consumers.find((c) => c.group === group);
        if (registered) void this.restart(registered);
      }
    });
  }

  private async startInBackground(): Promise<void> {
    await this.untilDone('waiting for provisioned topics', () => this.awaitProvisionedTopics());
    await this.untilDone('connecting the producer', async () => {
      await this.producerInstance.connect();
      this.producerConnected = true;
    });
    this.consumersStarting = true;
    await Promise.all(
      this.consumers.map((consumer) =>
        this.untilDone(
          'starting a consumer',
          () => consumer.start(),
          () => consumer.stop(),
        ),
      ),
    );
    if (!this.stopping) this.lastError = undefined;
  }

  private async restart(consumer: RegisteredConsumer): Promise<void> {
    await consumer.stop().catch(() => undefined);
    await this.untilDone(
      'restarting a consumer',
      () => consumer.start(),
      () => consumer.stop(),
    );
  }

  /** Runs `step` until it succeeds or the service stops, backing off from 250 ms to 5 s between tries. */
  private async untilDone(what: string, step: () => Promise<void>, cleanUp?: () => Promise<void>): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt += 1) {
      try {
        await step();
        return;
      } catch (error) {
        if (this.stopping) return;
        this.lastError = `${what}: ${(error as Error).message}`;
        this.logger.warn(`${this.lastError}; retrying`);
        await cleanUp?.().catch(() => undefined);
        await this.sleep(Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeSleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeSleepers.add(done);
    });
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
      ...[...this.deadLetterGroups].flatMap((group) => [deadLetterTopicOf(group), replayTopicOf(group)]),
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
    while (!this.stopping) {
      try {
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
        const leaderless = metadata
          .filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0))
          .map((t) => t.name);
        if (leaderless.length === 0) return;
        if (Date.now() > deadline)
          throw new Error(
            `topics without partition leaders after ${PROVISIONED_TOPICS_WAIT_MS / 1000} s: ${leaderless.join(', ')}`,
          );
      } catch (error) {
        this.lastError = `waiting for provisioned topics: ${(error as Error).message}`;
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

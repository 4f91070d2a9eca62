import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { Consumer } from 'kafkajs';
import { loadServiceConfig, ServiceConfig } from '@gridline/platform';
import { KafkaRuntime, RegisteredConsumer } from './kafka-runtime';

const config: ServiceConfig = loadServiceConfig(
  {
    serviceName: 'issue-dispatch',
    databaseSchema: 'issue_dispatch',
    portVariable: 'ISSUE_DISPATCH_PORT',
    defaultPort: 3002,
  },
  {
    KAFKA_SASL_USERNAME: 'svc-issue-dispatch',
    KAFKA_SASL_PASSWORD: 'x',
    KAFKA_SECURITY_PROTOCOL: 'SASL_PLAINTEXT',
    KAFKA_BROKERS: '127.0.0.1:1',
    AUTH_JWKS_URL: 'https://idp.example/jwks',
  },
);

const consumerEvents = {
  GROUP_JOIN: 'consumer.group_join',
  REBALANCING: 'consumer.rebalancing',
  CRASH: 'consumer.crash',
  STOP: 'consumer.stop',
  DISCONNECT: 'consumer.disconnect',
};

/** A kafkajs consumer as far as the runtime sees it: instrumentation events the test emits itself. */
function fakeConsumer(): Consumer & { emit(event: string, payload?: unknown): void } {
  const emitter = new EventEmitter();
  return {
    events: consumerEvents,
    on: (event: string, listener: (e: unknown) => void) => emitter.on(event, listener),
    emit: (event: string, payload: unknown = {}) => emitter.emit(event, { payload }),
  } as unknown as Consumer & { emit(event: string, payload?: unknown): void };
}

/** A runtime whose broker answers at once: topics have leaders and the producer connects. */
function runtimeWithBroker(): { runtime: KafkaRuntime; consumers: ReturnType<typeof fakeConsumer>[] } {
  const runtime = new KafkaRuntime(config);
  const consumers: ReturnType<typeof fakeConsumer>[] = [];
  jest.spyOn(runtime.kafka, 'consumer').mockImplementation(() => {
    const consumer = fakeConsumer();
    consumers.push(consumer);
    return consumer;
  });
  jest.spyOn(runtime.kafka, 'admin').mockReturnValue({
    connect: async () => undefined,
    disconnect: async () => undefined,
    fetchTopicMetadata: async ({ topics }: { topics: string[] }) => ({
      topics: topics.map((name) => ({ name, partitions: [{ leader: 1 }] })),
    }),
  } as never);
  const producer = (runtime as unknown as { producerInstance: { connect: () => Promise<void> } }).producerInstance;
  jest.spyOn(producer, 'connect').mockResolvedValue(undefined);
  return { runtime, consumers };
}

/** A registered consumer that creates its kafkajs consumer on start, as KafkaEventConsumer does. */
function registered(runtime: KafkaRuntime, group: string): RegisteredConsumer & { starts: number; stops: number } {
  const consumer = {
    group,
    starts: 0,
    stops: 0,
    start: async () => {
      consumer.starts += 1;
      runtime.createConsumer(group);
    },
    stop: async () => {
      consumer.stops += 1;
    },
  };
  runtime.declareConsumerGroup(group, []);
  runtime.registerConsumer(consumer);
  return consumer;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('KafkaRuntime readiness', () => {
  // The retries are logged as warnings by design; here they are the expected path.
  beforeAll(() => Logger.overrideLogger(false));
  afterEach(() => jest.restoreAllMocks());

  it('is ready only once the producer is connected and every declared group has joined', async () => {
    const { runtime, consumers } = runtimeWithBroker();
    registered(runtime, 'issue-dispatch.grid-replica');
    registered(runtime, 'issue-dispatch.volunteer-history');
    expect(runtime.readiness()).toMatchObject({
      ready: false,
      producer: 'connecting',
      groups: { 'issue-dispatch.grid-replica': 'starting', 'issue-dispatch.volunteer-history': 'starting' },
    });

    runtime.onApplicationBootstrap();
    await settle();
    expect(runtime.producerReady).toBe(true);
    expect(consumers).toHaveLength(2);
    consumers[0].emit(consumerEvents.GROUP_JOIN);
    expect(runtime.readiness().ready).toBe(false);
    consumers[1].emit(consumerEvents.GROUP_JOIN);
    expect(runtime.readiness()).toEqual({
      ready: true,
      producer: 'connected',
      groups: { 'issue-dispatch.grid-replica': 'joined', 'issue-dispatch.volunteer-history': 'joined' },
    });

    consumers[1].emit(consumerEvents.REBALANCING);
    expect(runtime.readiness()).toMatchObject({
      ready: false,
      groups: { 'issue-dispatch.volunteer-history': 'rebalancing' },
    });
    consumers[1].emit(consumerEvents.GROUP_JOIN);
    consumers[0].emit(consumerEvents.CRASH, { error: new Error('broker gone'), restart: true });
    expect(runtime.readiness()).toMatchObject({ ready: false, groups: { 'issue-dispatch.grid-replica': 'crashed' } });
    await runtime.beforeApplicationShutdown();
  });

  it('is not ready while publishing fails, and ready again after the next publish succeeds', async () => {
    const { runtime, consumers } = runtimeWithBroker();
    registered(runtime, 'issue-dispatch.grid-replica');
    runtime.onApplicationBootstrap();
    await settle();
    consumers[0].emit(consumerEvents.GROUP_JOIN);
    runtime.recordPublish(new Error('Connection error: connect ECONNREFUSED'));
    expect(runtime.readiness()).toMatchObject({
      ready: false,
      producer: 'failing',
      lastError: expect.stringMatching(/ECONNREFUSED/),
    });
    runtime.recordPublish();
    expect(runtime.readiness()).toMatchObject({ ready: true, producer: 'connected' });
    await runtime.beforeApplicationShutdown();
  });

  it('starts a consumer again when kafkajs gives it up after a crash it does not restart from', async () => {
    const { runtime, consumers } = runtimeWithBroker();
    const consumer = registered(runtime, 'issue-dispatch.grid-replica');
    runtime.onApplicationBootstrap();
    await settle();
    consumers[0].emit(consumerEvents.CRASH, { error: new Error('not retriable'), restart: false });
    await settle();
    expect({ starts: consumer.starts, stops: consumer.stops }).toEqual({ starts: 2, stops: 1 });
    consumers[1].emit(consumerEvents.GROUP_JOIN);
    expect(runtime.readiness().ready).toBe(true);
    await runtime.beforeApplicationShutdown();
  });

  it('keeps retrying a broker that is not there without failing start-up, says why, and lets shutdown go', async () => {
    const runtime = new KafkaRuntime(config);
    registered(runtime, 'issue-dispatch.grid-replica');
    jest.spyOn(runtime.kafka, 'admin').mockReturnValue({
      connect: async () => {
        throw new Error('Connection error: connect ECONNREFUSED 127.0.0.1:1');
      },
      disconnect: async () => undefined,
    } as never);
    runtime.onApplicationBootstrap();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(runtime.readiness()).toMatchObject({
      ready: false,
      producer: 'connecting',
      lastError: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(() => runtime.producer).toThrow(/not connected/);
    const began = Date.now();
    await runtime.beforeApplicationShutdown();
    expect(Date.now() - began).toBeLessThan(1_000);
  });

  it('sets the configured session on every consumer, heartbeating every third of it', () => {
    const runtime = new KafkaRuntime({ ...config, kafkaSessionTimeoutMs: 6_000 });
    const created = jest.spyOn(runtime.kafka, 'consumer').mockImplementation(() => fakeConsumer());
    runtime.createConsumer('issue-dispatch.grid-replica');
    expect(created).toHaveBeenCalledWith(expect.objectContaining({ sessionTimeout: 6_000, heartbeatInterval: 2_000 }));
  });
});

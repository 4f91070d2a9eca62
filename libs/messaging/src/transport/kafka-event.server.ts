import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { CloudEvent, SubscriptionSpec } from '@gridline/contracts';
import { EventHandler, HandlingContext } from '../consumer/event-handler';
import { EventConsumerOptions, KafkaEventConsumer } from '../consumer/kafka-event.consumer';
import { KafkaRuntime } from '../kafka/kafka-runtime';
import { eventTransportOf } from './event-transport';
import { EVENT_HANDLER_DECLARATION, EventHandlerDeclaration } from './handle-event.decorator';
import { KafkaEventContext } from './kafka-event.context';

export type EventServerOptions = Omit<EventConsumerOptions, 'group' | 'topics' | 'handlers'>;

interface RegisteredMethod {
  readonly declaration: EventHandlerDeclaration;
  readonly callback: MessageHandler;
}

/**
 * One consumer group as a Nest microservice transport (ADR 0037). Nest gives it the `@HandleEvent` methods bound
 * to the group; on `listen` it reads the group's topics with a `KafkaEventConsumer`, which keeps every guarantee
 * of ADR 0003 and 0033 (eachBatch with manual offsets and heartbeats, envelope and schema checked before any
 * handler, inbox row in the handler's transaction, retries with backoff, dead letters with reason headers), and
 * calls each method through Nest's pipeline with the validated payload and a `KafkaEventContext`.
 *
 * Starting does not wait for Kafka: `KafkaRuntime` starts the consumer in the background once its topics exist and
 * its producer is connected, and readiness reports the group until it has joined.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private readonly methods = new Map<symbol, RegisteredMethod>();
  private readonly refused: string[] = [];
  private consumer: KafkaEventConsumer | null = null;
  private eventHandlers: readonly EventHandler[] = [];

  constructor(
    private readonly subscription: SubscriptionSpec,
    private readonly kafka: KafkaRuntime,
    private readonly dataSource: DataSource,
    private readonly options: EventServerOptions,
  ) {
    super();
    this.transportId = eventTransportOf(subscription.group);
    // Before start-up, so the runtime waits for the group's topics and dead-letter topic and readiness lists it.
    kafka.declareConsumerGroup(subscription.group, subscription.topics);
  }

  get group(): string {
    return this.subscription.group;
  }

  /**
   * Called by Nest once per pattern of each method bound to this group. Methods are kept apart rather than chained
   * as Nest chains event handlers (it would run them side by side on one transaction): the consumer runs a type's
   * handlers one after another, in the order they were declared.
   */
  override addHandler(
    pattern: unknown,
    callback: MessageHandler,
    isEventHandler = false,
    extras: Record<string, unknown> = {},
  ): void {
    const declaration = extras[EVENT_HANDLER_DECLARATION] as EventHandlerDeclaration | undefined;
    if (!isEventHandler) {
      this.refused.push(
        `@MessagePattern(${this.normalizePattern(pattern as string)}) expects a reply, and a Kafka event has nobody to reply to`,
      );
    } else if (!declaration) {
      this.refused.push(
        `@EventPattern(${this.normalizePattern(pattern as string)}) without @HandleEvent has no dead-letter-preserving error filter`,
      );
    } else if (!this.methods.has(declaration.id)) {
      this.methods.set(declaration.id, { declaration, callback });
    }
  }

  override getHandlers(): Map<string, MessageHandler> {
    const byType = new Map<string, MessageHandler>();
    for (const { declaration, callback } of this.methods.values())
      for (const { type } of declaration.definitions) byType.set(type, callback);
    return byType;
  }

  /** Refuses to start a group that has nothing to do or a handler that could never be called. */
  listen(callback: (error?: unknown) => void): void {
    try {
      const { group, topics } = this.subscription;
      if (this.refused.length > 0) throw new Error(`consumer group ${group} cannot start: ${this.refused.join('; ')}`);
      if (this.methods.size === 0)
        throw new Error(`consumer group ${group} cannot start: no @HandleEvent method is bound to it`);
      const handlers = [...this.methods.values()].map((method) => this.eventHandlerOf(method));
      this.consumer = new KafkaEventConsumer(this.kafka, this.dataSource, { group, topics, handlers, ...this.options });
      this.eventHandlers = handlers;
      this.kafka.registerConsumer(this.consumer);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Leaves the group after the batch in hand (KafkaRuntime has usually drained it already, before shutdown). */
  async close(): Promise<void> {
    await this.consumer?.stop();
  }

  /** What the consumer calls, one per `@HandleEvent` method, once listening. */
  get handlers(): readonly EventHandler[] {
    return this.eventHandlers;
  }

  /** The group's consumer, for its outcome counts. */
  unwrap<T>(): T {
    if (!this.consumer) throw new Error(`consumer group ${this.subscription.group} has not started`);
    return this.consumer as T;
  }

  on(): never {
    throw new Error('KafkaEventServer reports its state through readiness (/health/ready), not through status events');
  }

  /** The consumer's view of one method: the events it takes and how to call it through Nest's pipeline. */
  private eventHandlerOf({ declaration, callback }: RegisteredMethod): EventHandler {
    const { name, definitions } = declaration;
    const call = async (payload: unknown, context: KafkaEventContext): Promise<void> => {
      await lastValueFrom(this.transformToObservable(await callback(payload, context)), { defaultValue: undefined });
    };
    const group = this.subscription.group;
    if (!declaration.batch) {
      return {
        name,
        handles: definitions,
        handle: (event: CloudEvent, handling: HandlingContext) =>
          call(event.data, new KafkaEventContext(event, handling, group)),
      };
    }
    return {
      name,
      handles: definitions,
      handle: (event: CloudEvent, handling: HandlingContext) =>
        call([event], new KafkaEventContext(null, handling, group)),
      handleMany: (events: readonly CloudEvent[], handling: HandlingContext) =>
        call(events, new KafkaEventContext(null, handling, group)),
    };
  }
}

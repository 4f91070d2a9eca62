import { applyDecorators, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { EventDefinition, SubscriptionSpec } from '@gridline/contracts';
import { eventTransportOf } from './event-transport';
import { KeepEventErrorsFilter } from './keep-event-errors.filter';

export interface HandleEventOptions {
  /**
   * The method takes a batch: its `@Payload()` is the new events of one partition's batch (validated, in partition
   * order), so it can read and write them set-based (ADR 0033). If it throws, the batch is rolled back and the
   * method is called again with one event at a time, which must leave the same state.
   */
  readonly batch?: boolean;
}

/** What `@HandleEvent` tells the group's server about a method, carried in the pattern's extras. */
export interface EventHandlerDeclaration {
  /** One per decorated method: Nest registers a method once per pattern, the server takes it once. */
  readonly id: symbol;
  readonly name: string;
  readonly definitions: readonly EventDefinition[];
  readonly batch: boolean;
}

/** The key of the declaration in `@EventPattern`'s extras. */
export const EVENT_HANDLER_DECLARATION = 'gridlineEventHandler';

/**
 * Declares a Nest controller method as the handler of catalogue events in one consumer group: an `@EventPattern`
 * on the events' CloudEvents types, bound to the group's transport, with the filter that keeps the handler's
 * error for the consumer's retry and dead-letter decision. `@Payload()` is the validated data (or the events, for
 * a batch handler), `@Ctx()` a `KafkaEventContext`.
 */
export function HandleEvent(
  events: EventDefinition | readonly EventDefinition[],
  subscription: SubscriptionSpec,
  options: HandleEventOptions = {},
): MethodDecorator {
  const definitions: readonly EventDefinition[] = Array.isArray(events) ? events : [events as EventDefinition];
  return (target, key, descriptor) => {
    const name = `${target.constructor.name}.${String(key)}`;
    const declaration: EventHandlerDeclaration = { id: Symbol(name), name, definitions, batch: options.batch === true };
    return applyDecorators(
      EventPattern(
        definitions.map((definition) => definition.type),
        eventTransportOf(subscription.group),
        { [EVENT_HANDLER_DECLARATION]: declaration },
      ),
      UseFilters(new KeepEventErrorsFilter()),
    )(target, key, descriptor);
  };
}

import { EntityManager } from 'typeorm';
import { CloudEvent, EventData, EventDefinition } from '@gridline/contracts';

export interface HandlingContext {
  /** The transaction the inbox entry is written in; write the handler's effects (and outbox events) here. */
  readonly manager: EntityManager;
  /**
   * Runs `action` once the transaction has committed, never if it rolls back: for effects outside the database
   * (a Redis message) that must not announce what did not happen. Events of one partition commit together
   * (ADR 0033), so the action may run a few milliseconds after the handler returns. A failing action is logged.
   */
  afterCommit(action: () => Promise<void> | void): void;
}

/**
 * What the consumer calls: some event types of the catalogue and how to handle them. Services do not implement it;
 * their `@HandleEvent` controller methods are turned into one each by the group's `KafkaEventServer` (ADR 0037).
 */
export interface EventHandler {
  /** Names the handler in start-up errors and logs; a class's name when absent. */
  readonly name?: string;
  readonly handles: readonly EventDefinition[];
  handle(event: CloudEvent, context: HandlingContext): Promise<void>;
  /**
   * Optional, for hot projections: the new events of one batch that this handler takes, in partition order, at
   * once — so it can read and write them set-based (one SELECT, one multi-row upsert) instead of a round trip each
   * (ADR 0033). If it throws, the batch is rolled back and its events are handled one by one with `handle`, which
   * therefore stays complete on its own and must leave the same state.
   */
  handleMany?(events: readonly CloudEvent[], context: HandlingContext): Promise<void>;
}

/** Narrows a CloudEvent to one catalogue definition so its data is typed. */
export function isEvent<D extends EventDefinition>(
  event: CloudEvent,
  definition: D,
): event is CloudEvent<EventData<D>> {
  return event.type === definition.type;
}

/** Thrown by a handler for an event it can never process; it goes straight to the dead-letter topic. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}

import { BaseRpcContext } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { CloudEvent } from '@gridline/contracts';
import { HandlingContext } from '../consumer/event-handler';

type ContextArgs = [event: CloudEvent | null, handling: HandlingContext, group: string];

/**
 * What `@Ctx()` gives a Kafka event handler: the CloudEvent around the `@Payload()` (id, type, tenant,
 * correlation, trace), the transaction its inbox row is written in, and the consumer group.
 */
export class KafkaEventContext extends BaseRpcContext<ContextArgs> {
  constructor(event: CloudEvent | null, handling: HandlingContext, group: string) {
    super([event, handling, group]);
  }

  /** The event whose data is the payload. A batch handler's payload is the events themselves, so it has none here. */
  get event(): CloudEvent {
    const [event] = this.args;
    if (!event) throw new Error('a batch handler receives its events as the payload, not in the context');
    return event;
  }

  /** The transaction the inbox row is written in: write the handler's effects (and outbox events) here. */
  get manager(): EntityManager {
    return this.args[1].manager;
  }

  /** Runs `action` once the transaction has committed, never if it rolls back (see `HandlingContext`). A property, so it can be destructured. */
  readonly afterCommit = (action: () => Promise<void> | void): void => this.args[1].afterCommit(action);

  get group(): string {
    return this.args[2];
  }
}

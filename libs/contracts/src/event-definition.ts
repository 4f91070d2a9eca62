import { z } from 'zod';

/**
 * One entry of the event catalogue: the single place where an event's type, topic, Kafka key and payload
 * schema are defined. Producers and consumers both import the definition, so they cannot disagree.
 */
export interface EventDefinition<TSchema extends z.ZodType = z.ZodType> {
  /** CloudEvents `type`, e.g. `gridline.issue.escalated`. */
  readonly type: string;
  /** Logical topic name (without the deployment's topic prefix). */
  readonly topic: string;
  /** Payload schema; validated on produce (outbox) and on consume. */
  readonly schema: TSchema;
  /** The aggregate id: CloudEvents `subject` and the Kafka key, so one aggregate's events stay in order. */
  readonly subjectOf: (data: z.infer<TSchema>) => string;
  readonly description: string;
}

export type EventData<D extends EventDefinition> = z.infer<D['schema']>;

export function defineEvent<TSchema extends z.ZodType>(definition: EventDefinition<TSchema>): EventDefinition<TSchema> {
  return Object.freeze(definition);
}

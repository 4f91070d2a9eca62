/**
 * The Nest transport id of one consumer group. Each group is its own `KafkaEventServer`, and Nest hands a server
 * only the `@EventPattern` handlers declared with its transport id — so a handler belongs to exactly one group.
 */
export function eventTransportOf(group: string): symbol {
  return Symbol.for(`gridline.kafka-events:${group}`);
}

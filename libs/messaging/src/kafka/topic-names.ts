/** Maps logical topic names to the physical ones of this deployment (KAFKA_TOPIC_PREFIX). */
export class TopicNames {
  constructor(
    private readonly prefix: string,
    private readonly groupPrefix: string = prefix,
  ) {}

  physical(logical: string): string {
    return `${this.prefix}${logical}`;
  }

  logical(physical: string): string {
    return physical.startsWith(this.prefix) ? physical.slice(this.prefix.length) : physical;
  }

  consumerGroup(group: string): string {
    return `${this.groupPrefix}${group}`;
  }
}

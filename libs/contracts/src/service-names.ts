/** The four services; each is one Kafka principal, owns its topics and consumer groups, and is an event source. */
export const serviceNames = ['grid-registry', 'issue-dispatch', 'volunteer-coordination', 'analytics'] as const;

export type ServiceName = (typeof serviceNames)[number];

/** The CloudEvents `source` of every event a service writes; consumers trust a topic's events only from its owner. */
export function eventSourceOf(service: ServiceName | string): string {
  return `/gridline/${service}`;
}

import { randomUUID } from 'node:crypto';
import { eventSourceOf, findEventDefinition, findTopic, toKafkaHeaders } from '@gridline/contracts';

export interface SyntheticEvent {
  readonly id: string;
  readonly message: { key: string; value: string; headers: Record<string, string> };
}

/**
 * A catalogue event as its owning service would write it (source = the topic's owner), for tests that inject
 * events as the provisioning super user. `source` overrides it, to try a forged one.
 */
export function syntheticEvent(
  type: string,
  subject: string,
  data: unknown,
  options: { tenant: string; id?: string; source?: string },
): SyntheticEvent {
  const definition = findEventDefinition(type);
  const owner = definition && findTopic(definition.topic)?.owner;
  if (!owner) throw new Error(`${type} is not in the event catalogue`);
  const id = options.id ?? randomUUID();
  const headers = toKafkaHeaders({
    specversion: '1.0',
    id,
    source: options.source ?? eventSourceOf(owner),
    type,
    time: new Date().toISOString(),
    subject,
    datacontenttype: 'application/json',
    tenantid: options.tenant,
    correlationid: randomUUID(),
    causationid: null,
  });
  return { id, message: { key: subject, value: JSON.stringify(data), headers } };
}

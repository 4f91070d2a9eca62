import { z } from 'zod';
import { eventCatalogue } from '../event-catalogue';
import { DISTRICT_TOPIC_ROOT, DistrictStreams, districtSourceTopics } from '../district-streams';
import { allSubscriptions } from '../subscriptions';
import { allTopics, TopicRetention, TopicSpec } from '../topics';

/** CloudEvents attributes every message carries as `ce_` headers (binary content mode). */
const cloudEventHeaders = {
  type: 'object',
  required: [
    'ce_specversion',
    'ce_id',
    'ce_source',
    'ce_type',
    'ce_time',
    'ce_subject',
    'ce_tenantid',
    'ce_correlationid',
  ],
  properties: {
    ce_specversion: { type: 'string', const: '1.0' },
    ce_id: { type: 'string', description: 'Unique event id; consumers deduplicate on it.' },
    ce_source: { type: 'string', example: '/gridline/issue-dispatch' },
    ce_type: { type: 'string' },
    ce_time: { type: 'string', format: 'date-time' },
    ce_subject: { type: 'string', description: 'Aggregate id; also the Kafka key, so one aggregate stays in order.' },
    ce_tenantid: { type: 'string', description: 'The district (tenant) the event belongs to.' },
    ce_correlationid: { type: 'string', description: 'Shared by every event of one case or request, across services.' },
    ce_causationid: { type: 'string', description: 'The id of the event that caused this one, if any.' },
    ce_traceparent: {
      type: 'string',
      pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description:
        'CloudEvents distributed-tracing extension: the W3C trace context in which the event was created (absent when the request carried none and tracing is off).',
    },
    ce_tracestate: { type: 'string', description: 'W3C tracestate that accompanies ce_traceparent, if any.' },
    'content-type': { type: 'string', const: 'application/json' },
  },
};

const channelId = (topic: TopicSpec) => topic.name.replace(/[^a-zA-Z0-9]/g, '_');

const retentionMs = (retention: TopicRetention) =>
  retention === 'forever' ? -1 : retention.days * 24 * 60 * 60 * 1000;

/** Every client authenticates; nobody reads or writes what the catalogue does not grant (see ADR 0023). */
const securitySchemes = {
  scramSha512: {
    type: 'scramSha512',
    description:
      'SASL/SCRAM-SHA-512 over TLS (SASL_SSL) in production; without TLS only on a loopback listener in development. ' +
      'Services write only their own topics and read only what their consumer groups subscribe to; analytics teams read ' +
      'public topics (a city team) with consumer groups named team-<name>.*, and never an INTERNAL or dead-letter topic.',
  },
};

/**
 * The AsyncAPI 3.0 document of every topic and event, generated from the catalogue itself so it cannot drift.
 * `docs/asyncapi.json` is this document; a unit test fails when the two differ.
 */
export function buildAsyncApiDocument(): Record<string, unknown> {
  const messages: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const topic of allTopics) {
    const definitions = eventCatalogue.filter((d) => d.topic === topic.name);
    const channelMessages: Record<string, unknown> = {};
    for (const definition of definitions) {
      const messageId = definition.type.replace(/[^a-zA-Z0-9]/g, '_');
      messages[messageId] = {
        name: definition.type,
        title: definition.type,
        summary: definition.description,
        contentType: 'application/json',
        headers: cloudEventHeaders,
        payload: z.toJSONSchema(definition.schema, { target: 'draft-7' }),
        bindings: { kafka: { key: { type: 'string', description: 'ce_subject (aggregate id)' } } },
      };
      channelMessages[messageId] = { $ref: `#/components/messages/${messageId}` };
    }
    const id = channelId(topic);
    channels[id] = {
      address: topic.name,
      description: `${topic.description}${topic.public ? ' Public: no personal data.' : ' Internal: may carry personal data.'}`,
      messages: channelMessages,
      bindings: {
        kafka: {
          topicConfiguration: {
            'cleanup.policy': [topic.compacted ? 'compact' : 'delete'],
            'retention.ms': retentionMs(topic.retention),
          },
        },
      },
    };
    operations[`publish_${id}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      summary: `Published by ${topic.owner} (the only principal allowed to write it)`,
    };
    for (const subscription of allSubscriptions.filter((s) => s.topics.includes(topic.name))) {
      operations[`receive_${id}_${subscription.group.replace(/[^a-zA-Z0-9]/g, '_')}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${id}` },
        summary: `Consumed by ${subscription.service} in group ${subscription.group}: ${subscription.description}`,
      };
    }
  }
  for (const topic of districtSourceTopics) {
    const id = `district_${channelId(topic)}`;
    const shared = channels[channelId(topic)] as { messages: Record<string, unknown> };
    channels[id] = {
      address: `${DISTRICT_TOPIC_ROOT}{tenantId}.${topic.name.replace(/^gridline\./, '')}`,
      description:
        `One district's copy of ${topic.name}: the same events, keys, partitions and order, only that district's ` +
        `(by ce_tenantid), written in Kafka transactions (read with read_committed). A district team's ACL is the prefix ${DISTRICT_TOPIC_ROOT}{tenantId}.`,
      parameters: { tenantId: { description: 'The district (tenant) id, e.g. erqi.' } },
      messages: shared.messages,
    };
    operations[`publish_${id}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      summary: `Copied by ${DistrictStreams.owner}'s district-stream router`,
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Gridline events',
      version: '1.0.0',
      description:
        'Every Kafka topic and event of Gridline. CloudEvents 1.0 in binary mode: attributes in ce_ headers, data as the JSON value. ' +
        'A deployment may prefix topic names (KAFKA_TOPIC_PREFIX). Each consumer group also has a dead-letter topic <group>.dlq.',
    },
    defaultContentType: 'application/json',
    servers: {
      production: {
        host: '{bootstrap}',
        protocol: 'kafka-secure',
        description: "The deployment's brokers over TLS; every client authenticates as its own principal.",
        variables: { bootstrap: { description: 'Comma-separated host:port list of the brokers.' } },
        security: [{ $ref: '#/components/securitySchemes/scramSha512' }],
      },
      development: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description:
          'The local broker `npm start` runs: SASL/SCRAM without TLS, loopback only; credentials in .gridline/kafka/secrets.json.',
        security: [{ $ref: '#/components/securitySchemes/scramSha512' }],
      },
    },
    channels,
    operations,
    components: { messages, securitySchemes },
  };
}

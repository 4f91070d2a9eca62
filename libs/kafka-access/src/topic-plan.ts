import {
  allSubscriptions,
  allTopics,
  deadLetterResolutionsTopicOf,
  deadLetterRetention,
  deadLetterTopicOf,
  districtSourceTopics,
  districtTopicOf,
  replayTopicOf,
  TopicRetention,
} from '@gridline/contracts';

/** A topic as provisioning creates it: name (prefixed), partitions and the configuration that follows from the catalogue. */
export interface PlannedTopic {
  readonly name: string;
  readonly partitions: number;
  readonly config: Readonly<Record<string, string>>;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

function retentionMs(retention: TopicRetention): string {
  return retention === 'forever' ? '-1' : String(retention.days * DAY_MS);
}

/**
 * Every topic of a deployment: the catalogue's, each with its cleanup policy and retention (public event topics keep
 * their whole history), and per consumer group its dead-letter topic, the topic its dead letters are replayed on and
 * the compacted record of which were resolved (one partition each: dead letters are rare and read in order by
 * whoever re-drives them; ADR 0027).
 */
export function topicPlan(prefix: string, partitions: number): PlannedTopic[] {
  const catalogue = allTopics.map((spec) => ({
    name: `${prefix}${spec.name}`,
    partitions,
    config: {
      'cleanup.policy': spec.compacted ? 'compact' : 'delete',
      'retention.ms': retentionMs(spec.retention),
      ...(spec.maxCompactionLagHours === undefined
        ? {}
        : {
            'max.compaction.lag.ms': String(spec.maxCompactionLagHours * HOUR_MS),
            'segment.ms': String(spec.maxCompactionLagHours * HOUR_MS),
          }),
    },
  }));
  const deadLetters = allSubscriptions.flatMap((subscription) => [
    {
      name: `${prefix}${deadLetterTopicOf(subscription.group)}`,
      partitions: 1,
      config: { 'cleanup.policy': 'delete', 'retention.ms': retentionMs(deadLetterRetention) },
    },
    {
      name: `${prefix}${replayTopicOf(subscription.group)}`,
      partitions: 1,
      config: { 'cleanup.policy': 'delete', 'retention.ms': retentionMs(deadLetterRetention) },
    },
    // Kept as long as the dead letters they resolve could still be listed, and then some.
    {
      name: `${prefix}${deadLetterResolutionsTopicOf(subscription.group)}`,
      partitions: 1,
      config: { 'cleanup.policy': 'compact', 'retention.ms': '-1' },
    },
  ]);
  return [...catalogue, ...deadLetters];
}

/** One district's copies of the public topics: the same partitions (so a key keeps its partition) and configuration. */
export function districtTopicPlan(prefix: string, partitions: number, tenantId: string): PlannedTopic[] {
  const shared = new Map(topicPlan(prefix, partitions).map((topic) => [topic.name, topic]));
  return districtSourceTopics.map((source) => ({
    name: `${prefix}${districtTopicOf(tenantId, source.name)}`,
    partitions,
    config: (shared.get(`${prefix}${source.name}`) as PlannedTopic).config,
  }));
}

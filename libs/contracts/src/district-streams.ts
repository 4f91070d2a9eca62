import { allTopics, TopicSpec } from './topics';

/**
 * Kafka cannot filter a shared topic per reader, so each district gets its own copy of every public topic:
 * `gridline.district.<tenant>.<topic>` (the shared name without its `gridline.` root), fed in order from the shared
 * one by analytics' district-stream router, in Kafka transactions. A district's analytics team reads the prefix
 * `gridline.district.<tenant>.` and nothing else. INTERNAL topics are never copied.
 */
export const DISTRICT_TOPIC_ROOT = 'gridline.district.';

/** The router: who writes the district topics, the consumer group it reads the shared topics in, its transactions. */
export const DistrictStreams = {
  owner: 'analytics',
  group: 'analytics.district-streams',
  /** Each source partition gets its own transactional producer `<this><topic>.<partition>`, so a zombie is fenced. */
  transactionalIdPrefix: 'analytics.district-streams.',
} as const;

export const districtTenantPattern = /^[a-z0-9][a-z0-9-]{1,39}$/;

export function districtTopicPrefix(tenantId: string): string {
  return `${DISTRICT_TOPIC_ROOT}${tenantId}.`;
}

export function districtTopicOf(tenantId: string, topic: string): string {
  return `${districtTopicPrefix(tenantId)}${topic.replace(/^gridline\./, '')}`;
}

/** The shared topics that are copied per district: every public one. */
export const districtSourceTopics: readonly TopicSpec[] = allTopics.filter((topic) => topic.public);

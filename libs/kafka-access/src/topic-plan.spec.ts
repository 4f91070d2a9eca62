import { allSubscriptions, Topics } from '@gridline/contracts';
import { topicPlan } from './topic-plan';

describe('the topic plan', () => {
  const plan = new Map(topicPlan('p.', 3).map((topic) => [topic.name, topic]));

  it('keeps the whole history of public event topics and the latest record of compacted ones', () => {
    expect(plan.get(`p.${Topics.issueEvents.name}`)?.config).toEqual({
      'cleanup.policy': 'delete',
      'retention.ms': '-1',
    });
    expect(plan.get(`p.${Topics.gridState.name}`)?.config).toEqual({
      'cleanup.policy': 'compact',
      'retention.ms': '-1',
    });
  });

  it('compacts superseded member contacts within a day, so an erased phone leaves the topic', () => {
    expect(plan.get(`p.${Topics.memberContacts.name}`)?.config).toMatchObject({
      'max.compaction.lag.ms': String(86_400_000),
      'segment.ms': String(86_400_000),
    });
  });

  it('gives every consumer group a one-partition dead-letter topic kept 30 days', () => {
    for (const { group } of allSubscriptions) {
      expect(plan.get(`p.${group}.dlq`)).toEqual({
        name: `p.${group}.dlq`,
        partitions: 1,
        config: { 'cleanup.policy': 'delete', 'retention.ms': String(30 * 86_400_000) },
      });
    }
  });
});

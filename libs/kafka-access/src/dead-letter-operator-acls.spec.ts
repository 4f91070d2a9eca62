import { allSubscriptions, allTopics, deadLetterTopicOf, replayTopicOf } from '@gridline/contracts';
import { deadLetterOperatorAcls } from './dead-letter-operator-acls';
import { serviceAcls } from './service-acls';

describe('the dead-letter operator’s ACLs', () => {
  const acls = deadLetterOperatorAcls('p.');
  const on = (name: string) =>
    acls
      .filter((acl) => acl.resourceName === `p.${name}`)
      .map((acl) => acl.operation)
      .sort();

  it('reads every dead-letter topic and writes every replay topic, nothing more on them', () => {
    for (const { group } of allSubscriptions) {
      expect(on(deadLetterTopicOf(group))).toEqual(['describe', 'read']);
      expect(on(replayTopicOf(group))).toEqual(['describe', 'write']);
    }
  });

  it('touches no event topic: a replay reaches only the group that dead-lettered it', () => {
    for (const topic of allTopics) expect(on(topic.name)).toEqual([]);
  });

  it('lets each service read only its own groups’ replay topics', () => {
    for (const subscription of allSubscriptions) {
      const replays = serviceAcls(subscription.service, 'p.').filter((acl) => acl.resourceName.endsWith('.dlq-replay'));
      expect(
        replays.some(
          (acl) => acl.resourceName === `p.${replayTopicOf(subscription.group)}` && acl.operation === 'read',
        ),
      ).toBe(true);
      const others = allSubscriptions
        .filter((s) => s.service !== subscription.service)
        .map((s) => `p.${replayTopicOf(s.group)}`);
      expect(replays.filter((acl) => others.includes(acl.resourceName))).toEqual([]);
      expect(replays.filter((acl) => acl.operation === 'write')).toEqual([]);
    }
  });
});

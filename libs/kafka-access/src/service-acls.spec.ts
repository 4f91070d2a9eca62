import {
  allSubscriptions,
  allTopics,
  deadLetterTopicOf,
  DistrictStreams,
  replayTopicOf,
  serviceNames,
  Subscriptions,
  Topics,
} from '@gridline/contracts';
import { AclBinding } from './acl-binding';
import { allServiceAcls, serviceAcls } from './service-acls';

const prefix = 't-x.';
const acls = allServiceAcls(prefix);
const principalOf = (service: string) => `User:svc-${service}`;
const holders = (operation: AclBinding['operation'], resourceName: string) =>
  acls
    .filter((acl) => acl.operation === operation && acl.resourceName === resourceName)
    .map((acl) => acl.principal)
    .sort();

describe('service ACLs generated from the catalogue', () => {
  it.each(allTopics.map((topic) => [topic.name, topic.owner]))('only its owner writes %s (%s)', (topic, owner) => {
    expect(holders('write', `${prefix}${topic}`)).toEqual([principalOf(owner)]);
  });

  it.each(allTopics.map((topic) => [topic.name]))('exactly the services subscribed to %s read it', (topic) => {
    const readers = [
      ...new Set(allSubscriptions.filter((s) => s.topics.includes(topic)).map((s) => principalOf(s.service))),
    ].sort();
    expect(holders('read', `${prefix}${topic}`)).toEqual(readers);
  });

  it.each(allSubscriptions.map((s) => [s.group, s.service]))(
    'consumer group %s is usable by %s alone, which alone writes its dead letters',
    (group, service) => {
      expect(holders('read', `${prefix}${group}`)).toEqual([principalOf(service)]);
      expect(holders('write', `${prefix}${deadLetterTopicOf(group)}`)).toEqual([principalOf(service)]);
      expect(holders('read', `${prefix}${deadLetterTopicOf(group)}`)).toEqual([]);
      // Its replays come back to it alone; no service writes them (the dead-letter operator does).
      expect(holders('read', `${prefix}${replayTopicOf(group)}`)).toEqual([principalOf(service)]);
      expect(holders('write', `${prefix}${replayTopicOf(group)}`)).toEqual([]);
    },
  );

  it('grants nothing beyond the catalogue: literal names, no topic creation — but for the district streams', () => {
    const known = new Set([
      ...allTopics.map((t) => `${prefix}${t.name}`),
      ...allSubscriptions.flatMap((s) => [
        `${prefix}${s.group}`,
        `${prefix}${deadLetterTopicOf(s.group)}`,
        `${prefix}${replayTopicOf(s.group)}`,
      ]),
    ]);
    const beyond = acls.filter((acl) => acl.patternType !== 'literal' || !known.has(acl.resourceName));
    expect(beyond).toEqual([
      ...(['create', 'describe', 'write'] as const).map((operation) => ({
        principal: principalOf(DistrictStreams.owner),
        resourceType: 'topic',
        patternType: 'prefixed',
        resourceName: `${prefix}gridline.district.`,
        operation,
      })),
      ...(['describe', 'write'] as const).map((operation) => ({
        principal: principalOf(DistrictStreams.owner),
        resourceType: 'transactional-id',
        patternType: 'prefixed',
        resourceName: `${prefix}analytics.district-streams.`,
        operation,
      })),
    ]);
    expect(new Set(acls.filter((acl) => acl.operation === 'create').map((acl) => acl.resourceName))).toEqual(
      new Set([`${prefix}gridline.district.`]),
    );
    expect(new Set(acls.map((acl) => acl.principal))).toEqual(new Set(serviceNames.map(principalOf)));
  });

  it('keeps personal data away from analytics: it reads no INTERNAL topic', () => {
    const analytics = serviceAcls('analytics', prefix);
    for (const internal of allTopics.filter((t) => !t.public)) {
      expect(analytics.filter((acl) => acl.resourceName === `${prefix}${internal.name}`)).toEqual([]);
    }
  });

  it('gives issue-dispatch exactly its writes, its two groups and what they read', () => {
    const reads = serviceAcls('issue-dispatch', '')
      .filter((acl) => acl.operation === 'read')
      .map((acl) => `${acl.resourceType}:${acl.resourceName}`);
    expect(reads.sort()).toEqual(
      [
        `group:${Subscriptions.issueDispatchGridReplica.group}`,
        `group:${Subscriptions.issueDispatchVolunteerHistory.group}`,
        ...Subscriptions.issueDispatchGridReplica.topics.map((t) => `topic:${t}`),
        `topic:${Topics.taskOffers.name}`,
        `topic:${replayTopicOf(Subscriptions.issueDispatchGridReplica.group)}`,
        `topic:${replayTopicOf(Subscriptions.issueDispatchVolunteerHistory.group)}`,
      ].sort(),
    );
    const writes = serviceAcls('issue-dispatch', '')
      .filter((acl) => acl.operation === 'write')
      .map((acl) => acl.resourceName);
    expect(writes.sort()).toEqual(
      [
        Topics.issueEvents.name,
        deadLetterTopicOf(Subscriptions.issueDispatchGridReplica.group),
        deadLetterTopicOf(Subscriptions.issueDispatchVolunteerHistory.group),
      ].sort(),
    );
  });
});

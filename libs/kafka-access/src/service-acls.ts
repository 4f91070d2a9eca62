import {
  allSubscriptions,
  allTopics,
  deadLetterTopicOf,
  DISTRICT_TOPIC_ROOT,
  DistrictStreams,
  replayTopicOf,
  ServiceName,
  serviceNames,
} from '@gridline/contracts';
import { AclBinding, normaliseAcls } from './acl-binding';
import { servicePrincipal, userPrincipal } from './principals';

/**
 * What one service may do on the broker, derived from the catalogue alone: write the topics it owns; read the topics
 * its consumer groups subscribe to, in those groups only; write each group's dead-letter topic. Nothing else — no
 * topic creation, no other group, no other topic — except for the owner of the district streams, which creates and
 * writes the per-district copies under their one prefix. `prefix` is the deployment's KAFKA_TOPIC_PREFIX.
 */
export function serviceAcls(service: ServiceName, prefix: string): AclBinding[] {
  const principal = userPrincipal(servicePrincipal(service));
  const topic = (name: string, operation: AclBinding['operation']): AclBinding => ({
    principal,
    resourceType: 'topic',
    patternType: 'literal',
    resourceName: `${prefix}${name}`,
    operation,
  });
  const bindings: AclBinding[] = [];
  for (const owned of allTopics.filter((spec) => spec.owner === service)) {
    bindings.push(topic(owned.name, 'write'), topic(owned.name, 'describe'));
  }
  for (const subscription of allSubscriptions.filter((spec) => spec.service === service)) {
    bindings.push({
      principal,
      resourceType: 'group',
      patternType: 'literal',
      resourceName: `${prefix}${subscription.group}`,
      operation: 'read',
    });
    for (const consumed of subscription.topics) bindings.push(topic(consumed, 'read'), topic(consumed, 'describe'));
    const deadLetters = deadLetterTopicOf(subscription.group);
    bindings.push(topic(deadLetters, 'write'), topic(deadLetters, 'describe'));
    const replays = replayTopicOf(subscription.group);
    bindings.push(topic(replays, 'read'), topic(replays, 'describe'));
  }
  if (DistrictStreams.owner === service) {
    // The district topics appear with the districts, so their writer creates them, under one prefix only, and
    // writes them in transactions of its own transactional ids.
    const districtTopics = (operation: AclBinding['operation']): AclBinding => ({
      principal,
      resourceType: 'topic',
      patternType: 'prefixed',
      resourceName: `${prefix}${DISTRICT_TOPIC_ROOT}`,
      operation,
    });
    const transactions = (operation: AclBinding['operation']): AclBinding => ({
      principal,
      resourceType: 'transactional-id',
      patternType: 'prefixed',
      resourceName: `${prefix}${DistrictStreams.transactionalIdPrefix}`,
      operation,
    });
    bindings.push(
      districtTopics('create'),
      districtTopics('write'),
      districtTopics('describe'),
      transactions('write'),
      transactions('describe'),
    );
  }
  return normaliseAcls(bindings);
}

/** Every service's bindings for one deployment. */
export function allServiceAcls(prefix: string): AclBinding[] {
  return normaliseAcls(serviceNames.flatMap((service) => serviceAcls(service, prefix)));
}

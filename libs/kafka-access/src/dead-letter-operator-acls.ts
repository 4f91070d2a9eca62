import { allSubscriptions, deadLetterResolutionsTopicOf, deadLetterTopicOf, replayTopicOf } from '@gridline/contracts';
import { AclBinding, normaliseAcls } from './acl-binding';
import { userPrincipal } from './principals';

/** The principal the dead-letter tool (`npm run dlq`) works as: an operator's, never a service's. */
export const DEAD_LETTER_OPERATOR = 'ops-dead-letters';

/**
 * What the dead-letter tool may do: read every group's dead-letter topic (in its own consumer groups, named
 * `ops-dead-letters.*`), write the group's replay topic, and read and write the record of resolutions. It reads no
 * event topic and writes none: a replay reaches only the group that dead-lettered the event (ADR 0027).
 */
export function deadLetterOperatorAcls(prefix: string): AclBinding[] {
  const principal = userPrincipal(DEAD_LETTER_OPERATOR);
  const topic = (name: string, operation: AclBinding['operation']): AclBinding => ({
    principal,
    resourceType: 'topic',
    patternType: 'literal',
    resourceName: `${prefix}${name}`,
    operation,
  });
  const bindings: AclBinding[] = [
    {
      principal,
      resourceType: 'group',
      patternType: 'prefixed',
      resourceName: `${prefix}${DEAD_LETTER_OPERATOR}.`,
      operation: 'read',
    },
  ];
  for (const { group } of allSubscriptions) {
    bindings.push(topic(deadLetterTopicOf(group), 'read'), topic(deadLetterTopicOf(group), 'describe'));
    bindings.push(topic(replayTopicOf(group), 'write'), topic(replayTopicOf(group), 'describe'));
    const resolutions = deadLetterResolutionsTopicOf(group);
    bindings.push(topic(resolutions, 'read'), topic(resolutions, 'write'), topic(resolutions, 'describe'));
  }
  return normaliseAcls(bindings);
}

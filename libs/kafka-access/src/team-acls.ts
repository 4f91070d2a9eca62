import { allTopics, districtTenantPattern, districtTopicPrefix } from '@gridline/contracts';
import { AclBinding, normaliseAcls } from './acl-binding';
import { teamPrincipal, userPrincipal } from './principals';

/**
 * An analytics team reads with a stock Kafka client. A city team reads every public topic; a district team reads
 * only its district's topics (`gridline.district.<tenant>.…`, fed from the shared ones). Either may use consumer
 * groups whose id starts with its principal name and a dot. No team reads an INTERNAL topic or a dead-letter topic,
 * and no team writes anything.
 */
export interface TeamGrant {
  readonly team: string;
  /** The district whose topics the team reads; absent for a city team. */
  readonly district?: string;
}

export function teamAcls(grant: TeamGrant, prefix: string): AclBinding[] {
  const name = teamPrincipal(grant.team);
  const principal = userPrincipal(name);
  const read = (resourceName: string, patternType: AclBinding['patternType']): AclBinding[] =>
    (['read', 'describe'] as const).map((operation) => ({
      principal,
      resourceType: 'topic',
      patternType,
      resourceName,
      operation,
    }));
  const bindings: AclBinding[] = [
    { principal, resourceType: 'group', patternType: 'prefixed', resourceName: `${prefix}${name}.`, operation: 'read' },
  ];
  if (grant.district === undefined) {
    for (const topic of allTopics.filter((spec) => spec.public))
      bindings.push(...read(`${prefix}${topic.name}`, 'literal'));
  } else {
    if (!districtTenantPattern.test(grant.district))
      throw new Error(`district ${JSON.stringify(grant.district)} is not a district id`);
    bindings.push(...read(`${prefix}${districtTopicPrefix(grant.district)}`, 'prefixed'));
  }
  return normaliseAcls(bindings);
}

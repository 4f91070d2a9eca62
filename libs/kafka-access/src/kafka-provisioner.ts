import { Admin, AclEntry, ConfigResourceTypes } from 'kafkajs';
import { serviceNames } from '@gridline/contracts';
import { AclBinding, aclKey, normaliseAcls } from './acl-binding';
import { DEAD_LETTER_OPERATOR, deadLetterOperatorAcls } from './dead-letter-operator-acls';
import { exactFilter, fromKafkaAcl, principalFilter, toKafkaAcl } from './kafka-acl-mapping';
import { servicePrincipal, userPrincipal } from './principals';
import { allServiceAcls } from './service-acls';
import { PlannedTopic, topicPlan } from './topic-plan';

export interface ProvisioningResult {
  readonly topicsCreated: string[];
  readonly topicsReconfigured: string[];
  readonly aclsGranted: number;
  readonly aclsRevoked: number;
}

const LEADER_WAIT_MS = 30_000;

/** Answers a broker gives about a topic it has just created and not yet announced to every listener. */
function isNotYetKnown(error: unknown): boolean {
  const { type, originalError, cause } = (error ?? {}) as { type?: string; originalError?: unknown; cause?: unknown };
  if (type === 'UNKNOWN_TOPIC_OR_PARTITION' || type === 'LEADER_NOT_AVAILABLE') return true;
  // kafkajs wraps the broker's answer once its own retries run out.
  return Boolean(originalError ?? cause) && isNotYetKnown(originalError ?? cause);
}

/** Whether a resource name belongs to the deployment with this prefix (and not to one whose prefix extends it). */
export function belongsToDeployment(resourceName: string, prefix: string): boolean {
  if (!resourceName.startsWith(prefix)) return false;
  const logical = resourceName.slice(prefix.length);
  return logical.startsWith('gridline.') || serviceNames.some((service) => logical.startsWith(`${service}.`));
}

/**
 * Makes the broker match the catalogue for one deployment (topic prefix), as its super user: topics created or
 * re-configured (cleanup policy, retention), every service principal granted exactly its ACLs and stripped of any
 * other on this deployment's resources. Idempotent: running it again changes nothing.
 */
export class KafkaProvisioner {
  constructor(private readonly admin: Admin) {}

  async provisionDeployment(prefix: string, partitions: number): Promise<ProvisioningResult> {
    const { created, reconfigured } = await this.ensureTopics(topicPlan(prefix, partitions));
    const granted = normaliseAcls([...allServiceAcls(prefix), ...deadLetterOperatorAcls(prefix)]);
    const existing = await this.serviceAclsOf(prefix);
    const wanted = new Set(granted.map(aclKey));
    const stale = existing.filter((entry) => !wanted.has(aclKey(fromKafkaAcl(entry) as AclBinding)));
    await this.grant(granted);
    if (stale.length > 0) await this.admin.deleteAcls({ filters: stale.map(exactFilter) });
    return {
      topicsCreated: created,
      topicsReconfigured: reconfigured,
      aclsGranted: granted.length,
      aclsRevoked: stale.length,
    };
  }

  /** Only the topics (a broker without an authorizer, which the benchmark compares against, has no ACLs to set). */
  async provisionTopics(prefix: string, partitions: number): Promise<string[]> {
    return (await this.ensureTopics(topicPlan(prefix, partitions))).created;
  }

  /** Removes what provisioning made for a deployment: its topics and its service ACLs (test runs clean up with it). */
  async removeDeployment(prefix: string): Promise<void> {
    const stale = await this.serviceAclsOf(prefix);
    if (stale.length > 0) await this.admin.deleteAcls({ filters: stale.map(exactFilter) });
    const topics = (await this.admin.listTopics()).filter((name) => belongsToDeployment(name, prefix));
    if (topics.length > 0) await this.admin.deleteTopics({ topics, timeout: 30_000 });
  }

  async grant(bindings: readonly AclBinding[]): Promise<void> {
    if (bindings.length > 0) await this.admin.createAcls({ acl: bindings.map(toKafkaAcl) });
  }

  /** Every ACL entry of one principal (of everyone when undefined), as the broker holds them. */
  async aclsOf(principal: string | undefined): Promise<AclEntry[]> {
    const { resources } = await this.admin.describeAcls(principalFilter(principal));
    return resources.flatMap((resource) =>
      resource.acls.map((acl) => ({
        ...acl,
        resourceType: resource.resourceType,
        resourceName: resource.resourceName,
        resourcePatternType: resource.resourcePatternType,
      })),
    );
  }

  /** Deletes exactly these bindings (one team's grant on one deployment, say); the broker refuses the next request they allowed. */
  async revoke(bindings: readonly AclBinding[]): Promise<void> {
    if (bindings.length > 0)
      await this.admin.deleteAcls({ filters: bindings.map((binding) => exactFilter(toKafkaAcl(binding))) });
  }

  /** Deletes every ACL of one principal; the broker refuses its next request. */
  async revokeAll(principal: string): Promise<number> {
    const entries = await this.aclsOf(principal);
    if (entries.length > 0) await this.admin.deleteAcls({ filters: [principalFilter(principal)] });
    return entries.length;
  }

  private async serviceAclsOf(prefix: string): Promise<AclEntry[]> {
    const principals = [...serviceNames.map((service) => servicePrincipal(service)), DEAD_LETTER_OPERATOR];
    const entries = await Promise.all(principals.map((name) => this.aclsOf(userPrincipal(name))));
    return entries.flat().filter((entry) => belongsToDeployment(entry.resourceName, prefix));
  }

  /** Creates the planned topics that do not exist yet (racing creators both succeed); returns the names it created. */
  async createMissingTopics(plan: readonly PlannedTopic[]): Promise<string[]> {
    const existing = new Set(await this.admin.listTopics());
    const missing = plan.filter((topic) => !existing.has(topic.name));
    if (missing.length > 0) {
      // kafkajs's own wait for leaders gives up on "This server does not host this topic-partition", which a
      // busy broker answers for a topic it created a moment ago; wait here, treating that answer as "not yet".
      await this.admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions,
          replicationFactor: -1,
          configEntries: Object.entries(topic.config).map(([name, value]) => ({ name, value })),
        })),
      });
      await this.waitForLeaders(missing.map((topic) => topic.name));
    }
    return missing.map((topic) => topic.name);
  }

  private async waitForLeaders(topics: string[]): Promise<void> {
    const deadline = Date.now() + LEADER_WAIT_MS;
    for (;;) {
      let waitingFor: string;
      try {
        const { topics: metadata } = await this.admin.fetchTopicMetadata({ topics });
        const leaderless = metadata.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0));
        if (leaderless.length === 0) return;
        waitingFor = `no partition leader yet for ${leaderless.map((t) => t.name).join(', ')}`;
      } catch (error) {
        if (!isNotYetKnown(error)) throw error;
        waitingFor = (error as Error).message;
      }
      if (Date.now() > deadline)
        throw new Error(`topics created but not usable after ${LEADER_WAIT_MS / 1000} s: ${waitingFor}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async ensureTopics(plan: readonly PlannedTopic[]): Promise<{ created: string[]; reconfigured: string[] }> {
    const created = new Set(await this.createMissingTopics(plan));
    const present = plan.filter((topic) => !created.has(topic.name));
    const drifted = await this.driftedTopics(present);
    if (drifted.length > 0) {
      await this.admin.alterConfigs({
        validateOnly: false,
        resources: drifted.map((topic) => ({
          type: ConfigResourceTypes.TOPIC,
          name: topic.name,
          configEntries: Object.entries(topic.config).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    return { created: [...created], reconfigured: drifted.map((topic) => topic.name) };
  }

  /** Topics whose cleanup policy or retention differs from the plan (older deployments kept 24 hours, say). */
  private async driftedTopics(topics: readonly PlannedTopic[]): Promise<PlannedTopic[]> {
    if (topics.length === 0) return [];
    const { resources } = await this.admin.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((topic) => ({
        type: ConfigResourceTypes.TOPIC,
        name: topic.name,
        configNames: Object.keys(topic.config),
      })),
    });
    const actual = new Map(
      resources.map((resource) => [
        resource.resourceName,
        new Map(resource.configEntries.map((e) => [e.configName, e.configValue])),
      ]),
    );
    return topics.filter((topic) =>
      Object.entries(topic.config).some(([name, value]) => actual.get(topic.name)?.get(name) !== value),
    );
  }
}

import { ServiceName, serviceNames } from '@gridline/contracts';
import { stringify } from 'yaml';
import { AclBinding } from './acl-binding';
import { servicePrincipal } from './principals';
import { serviceAcls } from './service-acls';
import { DEAD_LETTER_OPERATOR, deadLetterOperatorAcls } from './dead-letter-operator-acls';
import { topicPlan } from './topic-plan';

/**
 * The Kubernetes shape of the same plan the local broker is provisioned with (topicPlan, serviceAcls): one Strimzi
 * `KafkaTopic` per topic and one `KafkaUser` per service. Generated, never hand-edited, so that a topic or a
 * subscription added to the catalogue cannot reach production without its topic and its grant
 * (`npm run k8s:generate`; a unit test fails when deploy/k8s/base/kafka/ is stale). Not exported from the
 * library index: it needs `yaml`, a development dependency, and the library runs in the production images.
 */
export const STRIMZI_CLUSTER = 'gridline-kafka';

/**
 * Partitions of every catalogue topic in the cluster. The services create the per-district copies themselves with
 * KAFKA_TOPIC_PARTITIONS partitions, and a copy must have as many as its source so a key keeps its partition; the
 * ConfigMap therefore sets the same number (checked by the manifest test). Six bounds each consumer group at six
 * busy replicas per topic — see deploy/k8s/README.md.
 */
export const KUBERNETES_TOPIC_PARTITIONS = 6;

/** Three brokers hold each partition; with min.insync.replicas=2 one may be down without stopping writes. */
export const KUBERNETES_TOPIC_REPLICAS = 3;

export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string> };
  readonly spec: Record<string, unknown>;
}

const labels = { 'strimzi.io/cluster': STRIMZI_CLUSTER, 'app.kubernetes.io/part-of': 'gridline' };

export function strimziTopics(prefix = ''): KubernetesObject[] {
  return topicPlan(prefix, KUBERNETES_TOPIC_PARTITIONS).map((topic) => ({
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaTopic',
    // Kafka topic names of the catalogue are lower-case with dots and dashes: valid object names as they are.
    metadata: { name: topic.name, labels },
    spec: {
      topicName: topic.name,
      partitions: topic.partitions,
      replicas: KUBERNETES_TOPIC_REPLICAS,
      config: { ...topic.config, 'min.insync.replicas': '2' },
    },
  }));
}

const strimziResourceTypes = { topic: 'topic', group: 'group', 'transactional-id': 'transactionalId' } as const;
const strimziPatternTypes = { literal: 'literal', prefixed: 'prefix' } as const;
const strimziOperations = { read: 'Read', write: 'Write', describe: 'Describe', create: 'Create' } as const;

/** Strimzi lists operations per resource; the plan lists one binding per operation. Same grants, fewer lines. */
function strimziAcls(bindings: readonly AclBinding[]) {
  const byResource = new Map<
    string,
    { resource: { type: string; name: string; patternType: string }; operations: string[] }
  >();
  for (const binding of bindings) {
    const key = `${binding.resourceType}|${binding.patternType}|${binding.resourceName}`;
    const entry = byResource.get(key) ?? {
      resource: {
        type: strimziResourceTypes[binding.resourceType],
        name: binding.resourceName,
        patternType: strimziPatternTypes[binding.patternType],
      },
      operations: [],
    };
    entry.operations.push(strimziOperations[binding.operation]);
    byResource.set(key, entry);
  }
  return [...byResource.values()].map((entry) => ({ ...entry, operations: [...entry.operations].sort() }));
}

export function strimziUsers(prefix = ''): KubernetesObject[] {
  const operator: KubernetesObject = {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaUser',
    // For `npm run dlq` run by an operator (its Secret is read from outside the cluster or by a Job); no pod mounts it.
    metadata: { name: DEAD_LETTER_OPERATOR, labels: { ...labels, 'app.kubernetes.io/name': DEAD_LETTER_OPERATOR } },
    spec: {
      authentication: { type: 'scram-sha-512' },
      authorization: { type: 'simple', acls: strimziAcls(deadLetterOperatorAcls(prefix)) },
    },
  };
  return [
    ...serviceNames.map((service: ServiceName) => ({
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaUser',
      // The user operator writes the SCRAM password into a Secret of this same name (key `password`), which the
      // service's Deployment mounts as KAFKA_SASL_PASSWORD_FILE.
      metadata: { name: servicePrincipal(service), labels: { ...labels, 'app.kubernetes.io/name': service } },
      spec: {
        authentication: { type: 'scram-sha-512' },
        authorization: { type: 'simple', acls: strimziAcls(serviceAcls(service, prefix)) },
      },
    })),
    operator,
  ];
}

const header = (what: string) =>
  `# GENERATED from the event catalogue (libs/contracts) by \`npm run k8s:generate\` — do not edit by hand.\n# ${what}\n`;

function documents(objects: readonly KubernetesObject[]): string {
  return objects.map((object) => stringify(object, { lineWidth: 0 })).join('---\n');
}

/** The files under deploy/k8s/base/kafka/ that the generator owns, by name, with their exact content. */
export function strimziResourceFiles(): Record<string, string> {
  return {
    'topics.yaml':
      header(
        'Every catalogue topic and per consumer group its dead-letter, replay and resolutions topics (libs/kafka-access topicPlan).',
      ) + documents(strimziTopics()),
    'users.yaml':
      header(
        'One SCRAM-SHA-512 principal per service with exactly the ACLs of libs/kafka-access serviceAcls, and the dead-letter operator (deadLetterOperatorAcls).',
      ) + documents(strimziUsers()),
  };
}

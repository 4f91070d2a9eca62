import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import { parse as parseYaml } from 'yaml';
import { allSubscriptions, serviceNames, ServiceName } from '@gridline/contracts';
import { configurationVariables } from '@gridline/platform';
import { servicePrincipal, topicPlan } from '@gridline/kafka-access';
// Not exported by the library: it needs `yaml`, a development dependency, and the library runs in production images.
import { KUBERNETES_TOPIC_PARTITIONS, strimziResourceFiles } from '../../libs/kafka-access/src/strimzi-resources';
import { personalDataConfigurationVariables } from '@gridline/personal-data';
import { analyticsModeVariables } from '../../apps/analytics/src/analytics-mode';
import { feedConfigurationVariables } from '../../apps/analytics/src/feed/feed.config';
import { edgeConfigurationVariables } from '../../apps/edge/src/edge-config';
import { upstreamRoutes } from '../../apps/edge/src/upstream-routes';
import { intakeConfigurationVariables } from '../../apps/issue-dispatch/src/intake/intake-config';
import { helpPolicyConfigurationVariables } from '../../apps/volunteer-coordination/src/help-categories/help-policy-config';
import { serviceEventsConfigurationVariables } from '../../apps/volunteer-coordination/src/service-events/service-events.config';

/**
 * deploy/k8s rendered as `kubectl apply -k` would (every overlay), each object validated against its schema, and
 * the result checked against what the services really read and serve: images, ports, probes, environment, Kafka
 * principals, consumer groups. deploy/observability checked against the metric contract. No cluster, no network.
 */
const root = path.resolve(__dirname, '../..');
const validator = path.join(root, 'deploy/k8s/validate-manifests.mjs');

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
};
interface Report {
  overlays: Record<string, { objects: K8sObject[]; problems: string[] }>;
}

function runValidator(args: string[], input?: string): { status: number | null; report: Report; stderr: string } {
  const result = spawnSync(process.execPath, [validator, '--json', ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (!result.stdout) throw new Error(`validate-manifests printed nothing (exit ${result.status}): ${result.stderr}`);
  return { status: result.status, report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

const overlays = ['dev', 'production', 'keda'];
const ports: Record<ServiceName, number> = {
  'grid-registry': 3001,
  'issue-dispatch': 3002,
  'volunteer-coordination': 3003,
  analytics: 3004,
};
const portVariable = (service: string) => `${service.toUpperCase().replace(/-/g, '_')}_PORT`;
/** What each service reads: the shared configuration, its port and its own settings (as docs-match-configuration). */
const readByService: Record<ServiceName, readonly string[]> = {
  'grid-registry': [...configurationVariables, ...personalDataConfigurationVariables],
  'issue-dispatch': [...configurationVariables, ...intakeConfigurationVariables, ...personalDataConfigurationVariables],
  'volunteer-coordination': [
    ...configurationVariables,
    ...serviceEventsConfigurationVariables,
    ...helpPolicyConfigurationVariables,
  ],
  analytics: [...configurationVariables, ...feedConfigurationVariables, ...analyticsModeVariables],
};
const unset = JSON.parse(readFileSync(path.join(root, 'deploy/k8s/unset-variables.json'), 'utf8')) as {
  services: Record<string, string>;
  edge: Record<string, string>;
};

let rendered: Report;
beforeAll(() => {
  const { status, report, stderr } = runValidator(overlays);
  if (status !== 0 && Object.values(report.overlays).every((overlay) => overlay.problems.length === 0))
    throw new Error(stderr);
  rendered = report;
}, 180_000);

const objectsOf = (overlay: string) => rendered.overlays[overlay].objects;
const find = (overlay: string, kind: string, name: string) =>
  objectsOf(overlay).find((object) => object.kind === kind && object.metadata.name === name);
const mustFind = (overlay: string, kind: string, name: string): K8sObject => {
  const object = find(overlay, kind, name);
  if (!object) throw new Error(`${overlay}: no ${kind}/${name}`);
  return object;
};

/** Every variable a container gets: its env entries and the keys of the ConfigMaps it takes whole. */
function environmentOf(overlay: string, container: any): Map<string, any> {
  const variables = new Map<string, any>();
  for (const source of container.envFrom ?? []) {
    const configMap = mustFind(overlay, 'ConfigMap', source.configMapRef.name);
    for (const [name, value] of Object.entries(configMap.data ?? {})) variables.set(name, { value });
  }
  for (const entry of container.env ?? []) variables.set(entry.name, entry);
  return variables;
}

describe.each(overlays)('the %s overlay', (overlay) => {
  it('renders and every object is valid against its Kubernetes, Strimzi, CloudNativePG, KEDA or Prometheus-operator schema', () => {
    expect(objectsOf(overlay).length).toBeGreaterThan(50);
    expect(rendered.overlays[overlay].problems).toEqual([]);
    expect(new Set(objectsOf(overlay).map((object) => object.metadata.namespace))).toEqual(
      new Set([overlay === 'dev' ? 'gridline-dev' : 'gridline']),
    );
  });

  it.each(serviceNames)(
    'runs %s from its Dockerfile image on its documented port, probed on /health/live and /health/ready',
    (service) => {
      const deployment = mustFind(overlay, 'Deployment', service);
      const [container] = deployment.spec.template.spec.containers;
      // The Dockerfile builds one image per service with --build-arg APP=<service> and runs dist/apps/<APP>/src/main.js.
      expect(container.image).toMatch(new RegExp(`^gridline/${service}:`));
      expect(existsSync(path.join(root, 'apps', service, 'src/main.ts'))).toBe(true);
      expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(`${service} :${ports[service]}`);
      expect(container.ports).toEqual([{ name: 'http', containerPort: ports[service], protocol: 'TCP' }]);
      expect(environmentOf(overlay, container).get(portVariable(service))?.value).toBe(String(ports[service]));
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.startupProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);

      const serviceObject = mustFind(overlay, 'Service', service);
      expect(serviceObject.spec.ports).toEqual([
        { name: 'http', port: ports[service], targetPort: 'http', protocol: 'TCP' },
      ]);
      expect(serviceObject.spec.selector).toEqual(deployment.spec.selector.matchLabels);
      expect(mustFind(overlay, 'PodDisruptionBudget', service).spec.selector).toEqual(deployment.spec.selector);
    },
  );

  it.each(serviceNames)(
    'gives %s every variable it reads (or a documented reason not to) and none it does not read',
    (service) => {
      const [container] = mustFind(overlay, 'Deployment', service).spec.template.spec.containers;
      const given = [...environmentOf(overlay, container).keys()];
      const reads = [...readByService[service], portVariable(service)];
      expect(given.filter((name) => !reads.includes(name))).toEqual([]);
      expect(reads.filter((name) => !given.includes(name)).sort()).toEqual(
        Object.keys(unset.services)
          .filter((name) => reads.includes(name))
          .sort(),
      );
    },
  );

  it.each(serviceNames)(
    "connects %s to Kafka as its own principal over TLS, with the password and CA from the operators' Secrets",
    (service) => {
      const deployment = mustFind(overlay, 'Deployment', service);
      const [container] = deployment.spec.template.spec.containers;
      const env = environmentOf(overlay, container);
      expect(env.get('KAFKA_SASL_USERNAME')?.value).toBe(servicePrincipal(service));
      expect(env.get('KAFKA_SECURITY_PROTOCOL')?.value).toBe('SASL_SSL');
      expect(mustFind(overlay, 'KafkaUser', servicePrincipal(service)).spec.authentication.type).toBe('scram-sha-512');
      const volumes = deployment.spec.template.spec.volumes as any[];
      const mountOf = (file: string) => {
        const mount = (container.volumeMounts as any[]).find((candidate) => file.startsWith(`${candidate.mountPath}/`));
        return volumes.find((volume) => volume.name === mount?.name)?.secret;
      };
      expect(mountOf(env.get('KAFKA_SASL_PASSWORD_FILE').value)).toMatchObject({
        secretName: servicePrincipal(service),
      });
      expect(mountOf(env.get('KAFKA_SSL_CA_FILE').value)).toMatchObject({
        secretName: 'gridline-kafka-cluster-ca-cert',
      });
      expect(env.get('DATABASE_URL')?.valueFrom?.secretKeyRef).toEqual({ name: 'gridline-postgres-app', key: 'uri' });
      expect(env.get('KAFKA_BROKERS')?.value).toBe('gridline-kafka-kafka-bootstrap:9093');
    },
  );

  it('runs the edge with only variables it reads and routes /api/<service>/ to every service of its route table', () => {
    const deployment = mustFind(overlay, 'Deployment', 'gridline-console');
    const [container] = deployment.spec.template.spec.containers;
    const given = [...environmentOf(overlay, container).keys()];
    expect(given.filter((name) => !(edgeConfigurationVariables as readonly string[]).includes(name))).toEqual([]);
    expect(edgeConfigurationVariables.filter((name) => !given.includes(name)).sort()).toEqual(
      Object.keys(unset.edge).sort(),
    );
    expect(container.readinessProbe.httpGet).toEqual({ path: '/edge/health', port: 'http' });
    const env = environmentOf(overlay, container);
    expect(env.get('EDGE_DEV_SIGN_IN')?.value).toBe('false');
    for (const route of upstreamRoutes)
      expect(env.get(route.variable)?.value).toBe(`http://${route.service}:${route.defaultPort}`);
    const api = mustFind(overlay, 'Ingress', 'gridline-console-api');
    const backends = api.spec.rules.flatMap((rule: any) =>
      rule.http.paths.map((entry: any) => `${entry.backend.service.name}:${entry.backend.service.port.number}`),
    );
    expect(backends).toEqual(upstreamRoutes.map((route) => `${route.service}:${route.defaultPort}`));
  });

  it("keeps every service's unauthenticated /metrics off the Ingress: that path goes to the edge, which refuses it", () => {
    const internal = mustFind(overlay, 'Ingress', 'gridline-console-internal');
    const [blocked] = internal.spec.rules.flatMap((rule: any) => rule.http.paths);
    expect(blocked.backend.service.name).toBe('gridline-console');
    // nginx matches these regex locations case-insensitively, longest path first.
    const pattern = new RegExp(`^${blocked.path}`, 'i');
    for (const route of upstreamRoutes) {
      for (const spelling of ['/metrics', '//metrics', '/METRICS/', '/metrics/x'])
        expect(`${route.prefix}${spelling}`).toMatch(pattern);
      expect(`${route.prefix}/v1/tenants`).not.toMatch(pattern);
      expect(blocked.path.length).toBeGreaterThan(`${route.prefix}(/|$)(.*)`.length);
    }
  });

  it('creates every topic of the catalogue with as many partitions as the services give district copies', () => {
    const topics = objectsOf(overlay).filter((object) => object.kind === 'KafkaTopic');
    expect(topics.map((topic) => topic.spec.topicName).sort()).toEqual(
      topicPlan('', KUBERNETES_TOPIC_PARTITIONS)
        .map((topic) => topic.name)
        .sort(),
    );
    expect(mustFind(overlay, 'ConfigMap', 'gridline-config').data?.KAFKA_TOPIC_PARTITIONS).toBe(
      String(KUBERNETES_TOPIC_PARTITIONS),
    );
    for (const topic of topics)
      expect(topic.spec.replicas).toBeLessThanOrEqual(mustFind(overlay, 'KafkaNodePool', 'dual-role').spec.replicas);
  });

  it('never scales a consumer past the partitions its groups can use', () => {
    const autoscalers = objectsOf(overlay).filter(
      (object) => object.kind === 'HorizontalPodAutoscaler' || object.kind === 'ScaledObject',
    );
    expect(autoscalers.length).toBe(5);
    for (const autoscaler of autoscalers)
      expect(autoscaler.spec.maxReplicas ?? autoscaler.spec.maxReplicaCount).toBeLessThanOrEqual(
        KUBERNETES_TOPIC_PARTITIONS,
      );
  });

  it('lets no service pod accept a connection from another service pod', () => {
    const policies = objectsOf(overlay).filter((object) => object.kind === 'NetworkPolicy');
    const selectsServices = (policy: K8sObject) =>
      policy.spec.podSelector?.matchLabels?.['gridline.io/role'] === 'service' ||
      Object.keys(policy.spec.podSelector ?? {}).length === 0;
    const peers = policies
      .filter(selectsServices)
      .flatMap((policy) => (policy.spec.ingress ?? []).flatMap((rule: any) => rule.from ?? [{}]));
    expect(peers.length).toBeGreaterThan(0);
    for (const peer of peers) {
      expect(peer).not.toEqual({});
      expect(peer.podSelector?.matchLabels?.['gridline.io/role']).not.toBe('service');
    }
    expect(find(overlay, 'NetworkPolicy', 'default-deny-ingress')?.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
    });
  });
});

describe('the KEDA overlay', () => {
  it.each(serviceNames)(
    "scales %s on the lag of exactly the catalogue's consumer groups of that service",
    (service) => {
      const scaled = mustFind('keda', 'ScaledObject', service);
      const groups = scaled.spec.triggers
        .filter((trigger: any) => trigger.type === 'kafka')
        .map((trigger: any) => trigger.metadata.consumerGroup);
      expect(groups.sort()).toEqual(
        allSubscriptions
          .filter((subscription) => subscription.service === service)
          .map((subscription) => subscription.group)
          .sort(),
      );
      expect(find('keda', 'HorizontalPodAutoscaler', service)).toBeUndefined();
    },
  );
});

describe('the validator', () => {
  it('refuses a Deployment with a port that is not a number and a KafkaTopic without partitions, and accepts them mended', () => {
    const deployment = structuredClone(mustFind('production', 'Deployment', 'issue-dispatch'));
    const topic = structuredClone(objectsOf('production').find((object) => object.kind === 'KafkaTopic') as K8sObject);
    const valid = runValidator(
      ['--stdin'],
      [deployment, topic].map((object) => JSON.stringify(object)).join('\n---\n'),
    );
    expect(valid.report.overlays.stdin.problems).toEqual([]);

    deployment.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    topic.spec.partitions = 0;
    const broken = runValidator(
      ['--stdin'],
      [deployment, topic].map((object) => JSON.stringify(object)).join('\n---\n'),
    );
    expect(broken.status).toBe(1);
    expect(broken.report.overlays.stdin.problems).toEqual([
      expect.stringMatching(/^Deployment\/issue-dispatch: .*containerPort must be integer/),
      expect.stringMatching(/^KafkaTopic\/.*partitions must be >= 1/),
    ]);
  }, 60_000);
});

describe('the generated Strimzi resources', () => {
  it.each(Object.entries(strimziResourceFiles()))(
    'deploy/k8s/base/kafka/%s is current (regenerate with `npm run k8s:generate`)',
    (name, content) => {
      expect(readFileSync(path.join(root, 'deploy/k8s/base/kafka', name), 'utf8')).toBe(content);
    },
  );
});

describe('deploy/k8s/README.md', () => {
  const readme = readFileSync(path.join(root, 'deploy/k8s/README.md'), 'utf8');
  it.each(
    topicPlan('', KUBERNETES_TOPIC_PARTITIONS)
      .filter((topic) => !/\.dlq(-replay|-resolutions)?$/.test(topic.name))
      .map((topic) => [topic.name, topic.partitions]),
  )('documents topic %s with its %i partitions', (name, partitions) => {
    expect(readme).toMatch(new RegExp(`\\| \`${name.replace(/\./g, '\\.')}\` \\| [a-z-]+ \\| ${partitions} \\|`));
  });
});

describe('deploy/observability', () => {
  interface ContractMetric {
    name: string;
    type: string;
    labels: string[];
  }
  const contract = JSON.parse(readFileSync(path.join(root, 'deploy/observability/metrics.json'), 'utf8')) as {
    constantLabels: string[];
    metrics: ContractMetric[];
    external: { name: string; labels: string[] }[];
  };
  const known = new Map<string, string[]>();
  for (const metric of contract.metrics) {
    const labels = [...contract.constantLabels, ...metric.labels];
    known.set(metric.name, labels);
    if (metric.type === 'histogram')
      for (const suffix of ['_bucket', '_count', '_sum'])
        known.set(metric.name + suffix, suffix === '_bucket' ? [...labels, 'le'] : labels);
  }
  for (const metric of contract.external) known.set(metric.name, metric.labels);

  /** Parses one PromQL expression; the problems are syntax errors and series outside the contract. */
  function checkPromql(expression: string): string[] {
    const tree = promqlParser.parse(expression);
    const problems: string[] = [];
    tree.iterate({
      enter: (node) => {
        if (node.type.isError)
          problems.push(
            `syntax error at ${node.from}: ${JSON.stringify(expression.slice(Math.max(0, node.from - 20), node.to + 20))}`,
          );
        if (node.name !== 'VectorSelector') return;
        const metric = node.node.getChild('Identifier');
        const name = metric ? expression.slice(metric.from, metric.to) : '';
        const labels = known.get(name);
        if (!labels) return void problems.push(`unknown metric ${name}`);
        const matchers = node.node.getChild('LabelMatchers');
        for (const label of matchers?.getChildren('UnquotedLabelMatcher') ?? []) {
          const labelName = label.getChild('LabelName');
          const text = labelName ? expression.slice(labelName.from, labelName.to) : '';
          if (!labels.includes(text)) problems.push(`${name} has no label ${text}`);
        }
      },
    });
    return problems;
  }

  const rule = parseYaml(readFileSync(path.join(root, 'deploy/observability/gridline-alerts.yaml'), 'utf8')) as {
    spec: { groups: { rules: { alert: string; expr: string }[] }[] };
  };
  const alerts = rule.spec.groups.flatMap((group) => group.rules);
  const dashboard = JSON.parse(
    readFileSync(path.join(root, 'deploy/observability/gridline-dashboard.json'), 'utf8'),
  ) as { panels: { title: string; targets: { expr: string }[] }[]; templating: { list: { definition?: string }[] } };

  it.each(alerts.map((alert) => [alert.alert, alert.expr]))(
    'alert %s is valid PromQL on contract metrics',
    (_name, expr) => {
      expect(checkPromql(expr)).toEqual([]);
    },
  );

  it('alerts on consumer lag, dead letters, outbox age, timer lag, 5xx errors and unready pods', () => {
    const text = alerts.map((alert) => alert.expr).join('\n');
    for (const needle of [
      'gridline_consumer_lag',
      'gridline_consumer_events_total{outcome="dead_lettered"}',
      'gridline_outbox_oldest_age_seconds',
      'gridline_timer_lag_seconds_bucket',
      'status_code=~"5.."',
      'kube_pod_status_ready',
    ]) {
      expect(text).toContain(needle);
    }
  });

  it.each(dashboard.panels.flatMap((panel) => panel.targets.map((target) => [panel.title, target.expr])))(
    'dashboard panel "%s" queries valid PromQL on contract metrics',
    (_title, expr) => {
      expect(checkPromql(expr)).toEqual([]);
    },
  );

  it('dashboard variables read contract metrics, and every gridline metric of the contract is on the dashboard', () => {
    for (const variable of dashboard.templating.list) {
      const metric = /label_values\((\w+)/.exec(variable.definition ?? '')?.[1];
      if (metric) expect(known.has(metric)).toBe(true);
    }
    const queried = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr)).join('\n');
    expect(
      contract.metrics
        .filter((metric) => metric.name.startsWith('gridline_') && !queried.includes(metric.name))
        .map((metric) => metric.name),
    ).toEqual([]);
  });

  it('catches a syntax error, an unknown metric and a label the metric does not have', () => {
    expect(checkPromql('sum(rate(gridline_consumer_retries_total[5m])')).toEqual([
      expect.stringContaining('syntax error'),
    ]);
    expect(checkPromql('gridline_consumer_dead_letters_total > 0')).toEqual([
      'unknown metric gridline_consumer_dead_letters_total',
    ]);
    expect(checkPromql('gridline_outbox_backlog{group="x"} > 0')).toEqual([
      'gridline_outbox_backlog has no label group',
    ]);
  });
});

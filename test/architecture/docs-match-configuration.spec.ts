import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { configurationVariables } from '@gridline/platform';
import { analyticsModeVariables } from '../../apps/analytics/src/analytics-mode';
import { edgeConfigurationVariables } from '../../apps/edge/src/edge-config';
import { feedConfigurationVariables } from '../../apps/analytics/src/feed/feed.config';
import { intakeConfigurationVariables } from '../../apps/issue-dispatch/src/intake/intake-config';
import { personalDataConfigurationVariables } from '@gridline/personal-data';
import { helpPolicyConfigurationVariables } from '../../apps/volunteer-coordination/src/help-categories/help-policy-config';
import { serviceEventsConfigurationVariables } from '../../apps/volunteer-coordination/src/service-events/service-events.config';

/** The configuration table, docker-compose.yml and the code must name the same variables and ports. */
const root = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<
    string,
    { environment?: Record<string, string>; ports?: string[]; build?: { args?: { APP?: string } } }
  >;
};
const apps = {
  'grid-registry': ['GRID_REGISTRY_PORT', 3001],
  'issue-dispatch': ['ISSUE_DISPATCH_PORT', 3002],
  'volunteer-coordination': ['VOLUNTEER_COORDINATION_PORT', 3003],
  analytics: ['ANALYTICS_PORT', 3004],
} as const;

describe('documented configuration', () => {
  it.each([
    ...configurationVariables,
    ...intakeConfigurationVariables,
    ...feedConfigurationVariables,
    ...analyticsModeVariables,
    ...serviceEventsConfigurationVariables,
    ...helpPolicyConfigurationVariables,
    ...personalDataConfigurationVariables,
    ...edgeConfigurationVariables,
    ...Object.values(apps).map(([variable]) => variable),
  ])('the README configuration table documents %s', (variable) => {
    expect(readme).toMatch(new RegExp(`\\|[^\\n]*\`${variable}\``));
  });

  it('docker-compose runs Kafka (provisioned from the catalogue first), PostgreSQL, Redis and the four services', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'analytics',
      'grid-registry',
      'issue-dispatch',
      'kafka',
      'kafka-provision',
      'postgres',
      'redis',
      'volunteer-coordination',
    ]);
  });

  it.each(Object.entries(apps))(
    'docker-compose gives %s only known variables and its documented port',
    (app, [portVariable, port]) => {
      const service = compose.services[app];
      expect(service.build?.args?.APP).toBe(app);
      const own: Record<string, readonly string[]> = {
        'grid-registry': personalDataConfigurationVariables,
        'issue-dispatch': [...intakeConfigurationVariables, ...personalDataConfigurationVariables],
        'volunteer-coordination': serviceEventsConfigurationVariables,
        analytics: [...feedConfigurationVariables, ...analyticsModeVariables],
      };
      const known = [...configurationVariables, ...(own[app] ?? [])];
      const unknown = Object.keys(service.environment ?? {}).filter(
        (name) => !known.includes(name) && name !== portVariable,
      );
      expect(unknown).toEqual([]);
      expect(service.environment?.[portVariable]).toBe(String(port));
      // The services share the broker's network namespace (Kafka on loopback), so their ports are published there.
      expect((service as { network_mode?: string }).network_mode).toBe('service:kafka');
      expect(compose.services.kafka.ports).toContain(`${port}:${port}`);
      expect(readme).toContain(`${app} :${port}`);
    },
  );
});

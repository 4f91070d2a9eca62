import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { eventually, httpClient } from '@gridline/testing';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

/**
 * The public streams are the whole history: `npm run analytics:rebuild` folds them from the first event into a scratch
 * database beside the live analytics, shows its progress, and finds the same numbers — here after escalations (two
 * districts' worth of grids, reports climbing a level on short windows) so the numbers are more than zeros.
 */
describe('rebuilding analytics from the first event', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatform('rebuild', ['grid-registry', 'issue-dispatch', 'analytics']);
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('rebuilds every projection from the streams, showing progress, and the rebuilt numbers equal the live ones', async () => {
    const registry = httpClient(platform.services['grid-registry'].baseUrl, await as.cityAdmin());
    const reports: Array<Promise<unknown>> = [];
    for (const [tenantId, code] of [
      ['erqi', '410103'],
      ['jinshui', '410105'],
    ]) {
      expect((await registry.post('/v1/tenants', { tenantId, divisionCode: code, name: tenantId })).status).toBe(201);
      const admin = registry.as(await as.districtAdmin(tenantId));
      const street = (
        await admin.post(`/v1/tenants/${tenantId}/grids`, { level: 'street', parentId: null, name: '大学路街道' })
      ).body.gridId;
      const community = (
        await admin.post(`/v1/tenants/${tenantId}/grids`, { level: 'community', parentId: street, name: '桃源社区' })
      ).body.gridId;
      const dispatch = httpClient(platform.services['issue-dispatch'].baseUrl, await as.districtAdmin(tenantId));
      await eventually(
        `dispatch to know ${tenantId}`,
        async () =>
          (
            await dispatch.put(`/v1/tenants/${tenantId}/categories/noise`, {
              name: '噪音',
              ackWithinSeconds: { community: 1, street: 1, district: 3600 },
            })
          ).status === 200,
      );
      const resident = dispatch.as(await as.resident(tenantId, 'r-1'));
      for (let n = 0; n < 3; n += 1) {
        reports.push(
          eventually(
            'a report to be dispatched',
            async () =>
              (
                await resident.post(`/v1/tenants/${tenantId}/issues`, {
                  category: 'noise',
                  gridId: community,
                  description: `夜间噪音 ${n}`,
                  reporter: { name: '居民' },
                })
              ).status === 201,
          ),
        );
      }
    }
    await Promise.all(reports);
    const analytics = httpClient(platform.services.analytics.baseUrl, await as.cityAdmin());
    await eventually(
      'live analytics to see six issues escalated to the district centre',
      async () => {
        const summary = (await analytics.get('/v1/city/summary')).body;
        return summary.issues?.total === 6 && summary.escalations >= 12;
      },
      60_000,
    );

    const { stdout } = await run(
      process.execPath,
      ['scripts/analytics-rebuild.mjs', '--live', platform.services.analytics.baseUrl],
      {
        cwd: root,
        env: {
          ...process.env,
          KAFKA_TOPIC_PREFIX: platform.topicPrefix,
          GRIDLINE_SIGNING_KEY: process.env.GRIDLINE_TEST_SIGNING_KEY,
        },
        timeout: 240_000,
      },
    );
    process.stdout.write(stdout);
    expect(stdout).toMatch(/rebuild: \d+ of \d+ events folded \(100%\)/);
    expect(stdout).toContain('rebuild: 2 districts, 6 issues');
    expect(stdout).toContain('rebuild: summary equal to the live numbers');
    expect(stdout).toContain('rebuild: kpis equal to the live numbers');
    const leftovers = await platform.database.query(
      `SELECT datname FROM pg_database WHERE datname LIKE 'gridline_rebuild_%'`,
    );
    expect(leftovers).toEqual([]);
  });
});

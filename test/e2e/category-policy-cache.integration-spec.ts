import { eventually, httpClient } from '@gridline/testing';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { ServiceProcess } from '../support/service-process';
import { as } from '../support/tokens';

/**
 * New reports read their category's policy from a copy each issue-dispatch replica keeps for a few seconds
 * (ADR 0042). Two replicas on one database: the one that took a PUT applies it to its very next report, the other
 * within the copy's lifetime, and a category nobody knew is never kept as unknown.
 */
describe('the category policies new reports read, kept briefly by each issue-dispatch replica', () => {
  const tenantId = 'policy-cache';
  const keptSeconds = 2;
  let platform: PlatformUnderTest;
  let first: ServiceProcess;
  let second: ServiceProcess;
  let micro: string;

  beforeAll(async () => {
    platform = await startPlatform('category-cache', ['grid-registry', 'issue-dispatch'], {
      CATEGORY_POLICY_CACHE_SECONDS: String(keptSeconds),
    });
    first = platform.services['issue-dispatch'];
    second = await platform.startReplica('issue-dispatch');
    const registry = httpClient(platform.services['grid-registry'].baseUrl, await as.cityAdmin());
    expect((await registry.post('/v1/tenants', { tenantId, divisionCode: '410102', name: '缓存区' })).status).toBe(201);
    const district = registry.as(await as.districtAdmin(tenantId));
    let parentId: string | null = null;
    for (const [level, name] of [
      ['street', '建设路街道'],
      ['community', '碧沙岗社区'],
      ['grid', '第二网格'],
      ['micro', '12号院'],
    ]) {
      const created = await district.post(`/v1/tenants/${tenantId}/grids`, { level, parentId, name });
      expect(created.status).toBe(201);
      parentId = created.body.gridId as string;
    }
    micro = parentId as string;
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  const putCategory = async (replica: ServiceProcess, code: string, microSeconds: number) =>
    (
      await httpClient(replica.baseUrl, await as.districtAdmin(tenantId)).put(
        `/v1/tenants/${tenantId}/categories/${code}`,
        { name: `类别 ${code}`, ackWithinSeconds: { micro: microSeconds } },
      )
    ).status;

  /** Reports through `replica` and answers with the acknowledgement window the new case got, in seconds. */
  async function ackWindowOfNewReport(replica: ServiceProcess, category: string): Promise<number> {
    const resident = httpClient(replica.baseUrl, await as.resident(tenantId));
    const reported = await resident.post(`/v1/tenants/${tenantId}/issues`, {
      category,
      gridId: micro,
      description: '路灯不亮',
      reporter: { name: '李先生' },
    });
    expect([reported.status, reported.body.code]).toEqual([201, undefined]);
    const issue = (
      await httpClient(replica.baseUrl, await as.dispatcher(tenantId)).get(
        `/v1/tenants/${tenantId}/issues/${reported.body.id}`,
      )
    ).body as { ackDeadline: string; reportedAt: string };
    return Math.round((Date.parse(issue.ackDeadline) - Date.parse(issue.reportedAt)) / 1000);
  }

  it('applies a changed window to the next report of the replica that took the change, and of the other once its copy expires', async () => {
    await eventually('both replicas to know the district and its grids', async () => {
      if ((await putCategory(first, 'lamp', 600)) !== 200) return false;
      const resident = httpClient(second.baseUrl, await as.resident(tenantId));
      const probe = await resident.post(`/v1/tenants/${tenantId}/issues`, {
        category: 'lamp',
        gridId: micro,
        description: '探测',
        reporter: { name: '李先生' },
      });
      return probe.status === 201;
    });
    // Both replicas now hold the 600-second policy.
    expect(await ackWindowOfNewReport(first, 'lamp')).toBe(600);
    expect(await ackWindowOfNewReport(second, 'lamp')).toBe(600);

    expect(await putCategory(first, 'lamp', 60)).toBe(200);
    const changedAt = Date.now();
    expect(await ackWindowOfNewReport(first, 'lamp')).toBe(60);
    let seenBySecondAfterMs = 0;
    await eventually(
      'the other replica to use the new window',
      async () => {
        const window = await ackWindowOfNewReport(second, 'lamp');
        expect([600, 60]).toContain(window);
        seenBySecondAfterMs = Date.now() - changedAt;
        return window === 60;
      },
      10_000,
      200,
    );
    expect(seenBySecondAfterMs).toBeLessThan((keptSeconds + 2) * 1000);
  });

  it('never keeps a category as unknown: one just created through the other replica can be reported at once', async () => {
    const resident = httpClient(second.baseUrl, await as.resident(tenantId));
    const report = () =>
      resident.post(`/v1/tenants/${tenantId}/issues`, {
        category: 'fresh',
        gridId: micro,
        description: '井盖松动',
        reporter: { name: '李先生' },
      });
    const before = await report();
    expect([before.status, before.body.code]).toEqual([422, 'UNKNOWN_CATEGORY']);
    expect(await putCategory(first, 'fresh', 300)).toBe(200);
    const after = await report();
    expect([after.status, after.body.code]).toEqual([201, undefined]);
  });
});

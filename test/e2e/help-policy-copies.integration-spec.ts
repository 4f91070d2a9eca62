import { IssueDispatched } from '@gridline/contracts';
import { eventually, httpClient } from '@gridline/testing';
import { createDistricts, createGrids } from '../support/grid-fixture';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/**
 * volunteer-coordination keeps a district's help categories ("none" included) and offer expiry for
 * HELP_POLICY_CACHE_SECONDS instead of reading them for every issue event (ADR 0042). Here the copies live a minute,
 * so only the PUT's own clearing can make a change show: a PUT through the replica applies to the very next event.
 */
describe('help categories and offer expiry kept briefly in volunteer-coordination', () => {
  const tenantId = 'help-copies';
  const base = `/v1/tenants/${tenantId}`;
  let platform: PlatformUnderTest;
  let dispatch: ReturnType<typeof httpClient>;
  let vc: ReturnType<typeof httpClient>;
  let reporter: ReturnType<typeof httpClient>;
  let grid: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startPlatform('help-copies', ['grid-registry', 'issue-dispatch', 'volunteer-coordination'], {
      HELP_POLICY_CACHE_SECONDS: '60',
    });
    const registryUrl = platform.services['grid-registry'].baseUrl;
    const admin = await as.districtAdmin(tenantId);
    dispatch = httpClient(platform.services['issue-dispatch'].baseUrl, admin);
    vc = httpClient(platform.services['volunteer-coordination'].baseUrl, admin);
    reporter = dispatch.as(await as.resident(tenantId, 'resident-li'));
    await createDistricts(registryUrl, [[tenantId, '410103']]);
    grid = await createGrids(registryUrl, tenantId, {
      street: { level: 'street', parent: null, name: '大学路街道' },
      community: { level: 'community', parent: 'street', name: '桃源社区' },
      level3: { level: 'grid', parent: 'community', name: '第一网格' },
      micro47: { level: 'micro', parent: 'level3', name: '47号院' },
    });
    const slow = { micro: 3600, grid: 3600, community: 3600, street: 3600, district: 3600, city: 3600 };
    await eventually(
      'dispatch to know the district',
      async () =>
        (await dispatch.put(`${base}/categories/lift-stuck`, { name: '电梯困人', ackWithinSeconds: slow })).status ===
        200,
    );
    for (const [name, phone] of [
      ['志愿者张', '13900000001'],
      ['志愿者赵', '13900000002'],
    ])
      await eventually('volunteers to know the grid', async () => {
        const answer = await vc.post(`${base}/volunteers`, {
          name,
          phone,
          kind: 'resident',
          homeGridId: grid.micro47,
          skills: [{ skill: 'first-aid', level: 2 }],
        });
        return answer.status === 201;
      });
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  const report = async (description: string): Promise<string> => {
    const answer = await reporter.post(`${base}/issues`, {
      category: 'lift-stuck',
      gridId: grid.micro47,
      description,
      reporter: { name: '李先生' },
    });
    expect([answer.status, answer.body.message]).toEqual([201, undefined]);
    return answer.body.id;
  };
  const dispatchedEventsHandled = async () =>
    (
      await platform.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM volunteer_coordination.inbox
          WHERE consumer_group LIKE '%issue-matching' AND event_type = $1 AND tenant_id = $2`,
        [IssueDispatched.type, tenantId],
      )
    )[0].n;
  const offerOf = async (issueId: string) =>
    eventually(`an offer for ${issueId}`, async () => {
      const [offer] = await platform.database.query<{ standsSeconds: number }>(
        `SELECT extract(epoch FROM expires_at - offered_at)::int AS "standsSeconds"
           FROM volunteer_coordination.task_offers WHERE issue_id = $1`,
        [issueId],
      );
      return offer;
    });

  it('opens a task for the next issue once its category is marked, though "no help needed" was kept', async () => {
    const before = await report('电梯停在两层之间');
    await eventually(
      'volunteer-coordination to handle the first issue',
      async () => (await dispatchedEventsHandled()) === 1,
    );
    const tasksOf = (issueId: string) =>
      platform.database.query('SELECT 1 FROM volunteer_coordination.volunteer_tasks WHERE issue_id = $1', [issueId]);
    expect(await tasksOf(before)).toEqual([]);

    expect((await vc.put(`${base}/help-categories/lift-stuck`, { skill: 'first-aid' })).status).toBe(200);
    const after = await report('电梯又困人了');
    expect(await offerOf(after)).toEqual({ standsSeconds: 15 * 60 });
    expect(await tasksOf(after)).toHaveLength(1);
  });

  it("makes the next offer with the district's new expiry, though the default was kept", async () => {
    expect((await vc.put(`${base}/volunteer-settings`, { offerExpirySeconds: 120 })).status).toBe(200);
    expect(await offerOf(await report('三号楼电梯困人'))).toEqual({ standsSeconds: 120 });
  });
});

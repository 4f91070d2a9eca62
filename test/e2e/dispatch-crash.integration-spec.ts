import { IssueDispatched, IssueEscalated, Topics } from '@gridline/contracts';
import { eventually, httpClient, sleep } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/**
 * Durable timers: issue-dispatch is killed (SIGKILL, no shutdown hooks) while an acknowledgement deadline is
 * pending; when it comes back, the overdue timer fires, and it fires exactly once.
 */
describe('an escalation timer pending while issue-dispatch crashes', () => {
  const tenantId = 'crash-district';
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;

  beforeAll(async () => {
    platform = await startPlatform('crash', ['grid-registry', 'issue-dispatch']);
    recorder = await new EventRecorder(EventRecorder.kafka()).start([platform.topic(Topics.issueEvents.name)]);
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  it('fires once after a restart', async () => {
    const admin = await as.districtAdmin(tenantId);
    const registry = httpClient(platform.services['grid-registry'].baseUrl, admin);
    const dispatchService = platform.services['issue-dispatch'];
    const dispatch = httpClient(dispatchService.baseUrl, admin);
    expect(
      (
        await registry
          .as(await as.cityAdmin())
          .post('/v1/tenants', { tenantId, divisionCode: '410102', name: '中原区' })
      ).status,
    ).toBe(201);
    const street = (
      await registry.post(`/v1/tenants/${tenantId}/grids`, { level: 'street', parentId: null, name: '林山寨街道' })
    ).body.gridId;
    const community = (
      await registry.post(`/v1/tenants/${tenantId}/grids`, { level: 'community', parentId: street, name: '百花社区' })
    ).body.gridId;
    const micro = (
      await registry.post(`/v1/tenants/${tenantId}/grids`, { level: 'micro', parentId: community, name: '3号楼' })
    ).body.gridId;
    expect(micro).toEqual(expect.any(String));

    await eventually(
      'dispatch to know the district',
      async () =>
        (
          await dispatch.put(`/v1/tenants/${tenantId}/categories/water-leak`, {
            name: '漏水',
            ackWithinSeconds: { micro: 4, community: 600 },
          })
        ).status === 200,
    );
    const issueId: string = await eventually('the report to be accepted', async () => {
      const r = await dispatch.post(`/v1/tenants/${tenantId}/issues`, {
        category: 'water-leak',
        gridId: micro,
        description: '楼上漏水',
        reporter: { name: '住户' },
      });
      return r.status === 201 ? r.body.id : undefined;
    });
    await recorder.waitForEvent('dispatched', (e) => e.type === IssueDispatched.type && e.subject === issueId);

    await dispatchService.crash();
    const [{ pending }] = await platform.database.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM issue_dispatch.durable_timers WHERE aggregate_id = $1`,
      [issueId],
    );
    expect(pending).toBe(1);
    await sleep(5_000); // the deadline passes while the service is down
    expect(recorder.events(IssueEscalated.type).filter((e) => e.subject === issueId)).toHaveLength(0);

    await dispatchService.start();
    const escalated = await recorder.waitForEvent(
      'the overdue escalation',
      (e) => e.type === IssueEscalated.type && e.subject === issueId,
    );
    expect(escalated.data).toMatchObject({ fromLevel: 'micro', toLevel: 'community', toGridId: community, depth: 1 });

    await sleep(3_000); // time for any duplicate firing to show up
    expect(recorder.events(IssueEscalated.type).filter((e) => e.subject === issueId)).toHaveLength(1);
    const history = await dispatch.get(`/v1/tenants/${tenantId}/issues/${issueId}/history`);
    expect(history.body.filter((h: any) => h.action === 'escalated')).toHaveLength(1);
    const timers = await platform.database.query<{ depth: number }>(
      `SELECT (payload->>'depth')::int AS depth FROM issue_dispatch.durable_timers WHERE aggregate_id = $1`,
      [issueId],
    );
    expect(timers).toEqual([{ depth: 1 }]);
  });
});

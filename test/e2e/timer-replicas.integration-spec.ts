import { readFileSync } from 'node:fs';
import { CloudEvent, IssueDispatched, IssueEscalated, Topics } from '@gridline/contracts';
import { eventually, httpClient, sleep } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { ServiceProcess } from '../support/service-process';
import { as } from '../support/tokens';

const ISSUES = 24;

/**
 * Durable timers across replicas: two issue-dispatch processes on one database share the acknowledgement
 * deadlines of many issues climbing micro → level-3 → community → street → district centre. One of them is
 * killed (SIGKILL) mid-climb. Every escalation still happens exactly once: one IssueEscalated event id per
 * issue and level, one history entry per escalation, one pending timer per issue at the end.
 */
describe('escalation timers shared by two issue-dispatch replicas', () => {
  const tenantId = 'replica-district';
  const otherTenantId = 'replica-neighbour';
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let first: ServiceProcess;
  let second: ServiceProcess;

  beforeAll(async () => {
    // Each replica runs two claimers (the default), so four compete for every batch.
    platform = await startPlatform('replicas', ['grid-registry', 'issue-dispatch'], { TIMER_CONCURRENCY: '2' });
    first = platform.services['issue-dispatch'];
    second = await platform.startReplica('issue-dispatch');
    recorder = await new EventRecorder(EventRecorder.kafka()).start([platform.topic(Topics.issueEvents.name)]);
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  async function district(
    id: string,
    divisionCode: string,
  ): Promise<{ street: string; level3: string; community: string; micro: string }> {
    const registry = httpClient(platform.services['grid-registry'].baseUrl, await as.districtAdmin(id));
    expect(
      (await registry.as(await as.cityAdmin()).post('/v1/tenants', { tenantId: id, divisionCode, name: `${id} 区` }))
        .status,
    ).toBe(201);
    const grid = async (body: Record<string, unknown>) => {
      const response = await registry.post(`/v1/tenants/${id}/grids`, body);
      expect(response.status).toBe(201);
      return response.body.gridId as string;
    };
    const street = await grid({ level: 'street', parentId: null, name: '建设路街道' });
    const community = await grid({ level: 'community', parentId: street, name: '碧沙岗社区' });
    const level3 = await grid({ level: 'grid', parentId: community, name: '第二网格' });
    const micro = await grid({ level: 'micro', parentId: level3, name: '12号院' });
    return { street, community, level3, micro };
  }

  const escalationsOf = (issueId: string): CloudEvent[] => {
    const byId = new Map<string, CloudEvent>();
    // The relay delivers at least once (a killed replica may have sent a batch it had not yet marked sent),
    // so the same event may arrive twice; a second firing would be a second event id.
    for (const event of recorder.events(IssueEscalated.type)) if (event.subject === issueId) byId.set(event.id, event);
    return [...byId.values()];
  };

  it('escalates every overdue issue exactly once per level while one replica is killed mid-flow', async () => {
    const grids = await district(tenantId, '410102');
    const neighbour = await district(otherTenantId, '410105');
    const admin = httpClient(first.baseUrl, await as.districtAdmin(tenantId));
    const fast = { micro: 2, grid: 2, community: 2, street: 2, district: 600, city: 600 };
    await eventually(
      'both replicas to know the district',
      async () =>
        (
          await admin.put(`/v1/tenants/${tenantId}/categories/road-damage`, {
            name: '道路破损',
            ackWithinSeconds: fast,
          })
        ).status === 200 &&
        (await httpClient(second.baseUrl, await as.districtAdmin(tenantId)).get(`/v1/tenants/${tenantId}/categories`))
          .status === 200,
    );
    const neighbourAdmin = httpClient(second.baseUrl, await as.districtAdmin(otherTenantId));
    await eventually(
      'the neighbour district to be known',
      async () =>
        (
          await neighbourAdmin.put(`/v1/tenants/${otherTenantId}/categories/road-damage`, {
            name: '道路破损',
            ackWithinSeconds: { micro: 600 },
          })
        ).status === 200,
    );

    const reportThrough = async (
      replica: ServiceProcess,
      tenant: string,
      gridId: string,
      description: string,
    ): Promise<string> => {
      const resident = httpClient(replica.baseUrl, await as.resident(tenant));
      return eventually(`a report through ${replica.baseUrl}`, async () => {
        const response = await resident.post(`/v1/tenants/${tenant}/issues`, {
          category: 'road-damage',
          gridId,
          description,
          reporter: { name: '居民' },
        });
        return response.status === 201 ? (response.body.id as string) : undefined;
      });
    };
    // Reports through both replicas, spread over ~3 s so deadlines keep coming due while the replica dies.
    const issueIds: string[] = [];
    for (let i = 0; i < ISSUES; i += 1) {
      issueIds.push(await reportThrough(i % 2 === 0 ? first : second, tenantId, grids.micro, `路面坑洼 ${i}`));
      await sleep(120);
    }
    const acknowledgedId = await reportThrough(second, tenantId, grids.micro, '已受理的坑洼');
    const ack = await httpClient(first.baseUrl, await as.leader(tenantId, grids.micro)).post(
      `/v1/tenants/${tenantId}/issues/${acknowledgedId}/acknowledge`,
      {},
    );
    expect(ack.status).toBe(200);
    const neighbourIssueId = await reportThrough(first, otherTenantId, neighbour.micro, '邻区的坑洼');

    // Kill the second replica once the climb is well under way: its batch in flight rolls back, the first takes over.
    await eventually(
      'the first escalations',
      async () => issueIds.filter((id) => escalationsOf(id).length > 0).length >= ISSUES / 2,
      30_000,
      50,
    );
    await second.crash();

    for (const issueId of issueIds) {
      await recorder.waitForEvent(
        `issue ${issueId} to reach the district centre`,
        (e) => e.type === IssueEscalated.type && e.subject === issueId && (e.data as any).depth === 4,
        60_000,
      );
    }
    await sleep(3_000); // time for any duplicate firing to show up

    const ladder = [
      ['micro', 'grid', grids.level3],
      ['grid', 'community', grids.community],
      ['community', 'street', grids.street],
      ['street', 'district', null],
    ];
    for (const issueId of issueIds) {
      const steps = escalationsOf(issueId)
        .map((e) => e.data as any)
        .sort((a, b) => a.depth - b.depth);
      expect({ issueId, steps: steps.map((s) => [s.fromLevel, s.toLevel, s.toGridId]) }).toEqual({
        issueId,
        steps: ladder,
      });
      expect(steps.map((s) => s.depth)).toEqual([1, 2, 3, 4]);
    }
    const history = await platform.database.query<{ issue_id: string; n: number }>(
      `SELECT issue_id, count(*)::int AS n FROM issue_dispatch.issue_history WHERE action = 'escalated' GROUP BY issue_id`,
    );
    expect(history.filter((h) => issueIds.includes(h.issue_id)).map((h) => h.n)).toEqual(issueIds.map(() => 4));
    const timers = await platform.database.query<{ aggregate_id: string; depth: number }>(
      `SELECT aggregate_id, (payload->>'depth')::int AS depth FROM issue_dispatch.durable_timers WHERE aggregate_id = ANY($1)`,
      [issueIds],
    );
    expect(timers).toHaveLength(ISSUES);
    expect(timers.every((t) => t.depth === 4)).toBe(true);

    // An acknowledged issue, and another district's issue with a ten-minute window, never escalate.
    expect(escalationsOf(acknowledgedId)).toHaveLength(0);
    expect(escalationsOf(neighbourIssueId)).toHaveLength(0);
    expect(
      recorder.events(IssueDispatched.type).some((e) => e.subject === neighbourIssueId && e.tenantid === otherTenantId),
    ).toBe(true);
    const [neighbourTimer] = await platform.database.query<{ tenant_id: string; depth: number }>(
      `SELECT tenant_id, (payload->>'depth')::int AS depth FROM issue_dispatch.durable_timers WHERE aggregate_id = $1`,
      [neighbourIssueId],
    );
    expect(neighbourTimer).toEqual({ tenant_id: otherTenantId, depth: 0 });

    // Both replicas did fire timers before the kill, and the survivor finished the climb after it.
    const escalatedIn = (process: ServiceProcess) =>
      (readFileSync(process.logFile, 'utf8').match(/escalated \w+ → \w+/g) ?? []).length;
    expect(escalatedIn(second)).toBeGreaterThan(0);
    expect(escalatedIn(first)).toBeGreaterThan(0);
    // A killed replica may have logged an escalation whose transaction then rolled back, hence at least.
    expect(escalatedIn(first) + escalatedIn(second)).toBeGreaterThanOrEqual(ISSUES * 4);
  });
});

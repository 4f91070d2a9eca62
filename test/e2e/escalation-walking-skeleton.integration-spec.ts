import {
  IssueAcknowledged,
  IssueQueued,
  IssueDispatched,
  IssueEscalated,
  TaskOffered,
  Topics,
} from '@gridline/contracts';
import { eventually, httpClient, sleep } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/**
 * The walking skeleton: the four services as separate processes on the real broker, database and cache.
 * A report climbs micro → level-3 → community → street → district centre when nobody acknowledges; an
 * acknowledged one stops where it is; a category that needs help gets a volunteer offer.
 */
describe('one issue escalating through every grid level', () => {
  const tenantId = 'erqi';
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let registry: ReturnType<typeof httpClient>;
  let dispatch: ReturnType<typeof httpClient>;
  let volunteers: ReturnType<typeof httpClient>;
  let analytics: ReturnType<typeof httpClient>;
  const grid: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startPlatform('e2e', ['grid-registry', 'issue-dispatch', 'volunteer-coordination', 'analytics']);
    const admin = await as.districtAdmin(tenantId);
    registry = httpClient(platform.services['grid-registry'].baseUrl, admin);
    dispatch = httpClient(platform.services['issue-dispatch'].baseUrl, await as.resident(tenantId));
    volunteers = httpClient(platform.services['volunteer-coordination'].baseUrl, admin);
    analytics = httpClient(platform.services.analytics.baseUrl, admin);
    recorder = new EventRecorder(EventRecorder.kafka());
    await recorder.start([platform.topic(Topics.issueEvents.name), platform.topic(Topics.taskOffers.name)]);

    expect(
      (
        await registry
          .as(await as.cityAdmin())
          .post('/v1/tenants', { tenantId, divisionCode: '410103', name: '二七区', nameEn: 'Erqi District' })
      ).status,
    ).toBe(201);
    const create = async (key: string, body: Record<string, unknown>) => {
      const response = await registry.post(`/v1/tenants/${tenantId}/grids`, body);
      expect(response.status).toBe(201);
      grid[key] = response.body.gridId;
    };
    await create('street', { level: 'street', parentId: null, name: '大学路街道' });
    await create('community', {
      level: 'community',
      parentId: grid.street,
      name: '桃源社区',
      leader: { name: '社区书记', phone: '13800000001' },
    });
    await create('level3', { level: 'grid', parentId: grid.community, name: '第一网格' });
    await create('micro', {
      level: 'micro',
      parentId: grid.level3,
      name: '47号院',
      addresses: ['47号院'],
      leader: { name: '楼院长', phone: '13800000002' },
    });

    // Dispatch and volunteer-coordination learn the tree only from grid-registry's events.
    const fast = { micro: 2, grid: 2, community: 2, street: 2, district: 600, city: 600 };
    const configure = dispatch.as(admin);
    await eventually(
      'dispatch to know the district',
      async () =>
        (
          await configure.put(`/v1/tenants/${tenantId}/categories/street-lighting`, {
            name: '路灯 street lighting',
            ackWithinSeconds: fast,
          })
        ).status === 200,
    );
    expect(
      (
        await configure.put(`/v1/tenants/${tenantId}/categories/elderly-help`, {
          name: '助老 elderly help',
          ackWithinSeconds: { ...fast, micro: 600 },
        })
      ).status,
    ).toBe(200);
    await eventually(
      'volunteers to know the district',
      async () =>
        (await volunteers.put(`/v1/tenants/${tenantId}/help-categories/elderly-help`, { skill: 'elderly-care' }))
          .status === 200,
    );
    await eventually(
      'volunteers to know the level-3 grid',
      async () =>
        (
          await volunteers.post(`/v1/tenants/${tenantId}/volunteers`, {
            name: '黄科大学生',
            phone: '13900000000',
            homeGridId: grid.level3,
            skills: ['elderly-care', 'tutoring'],
          })
        ).status === 201,
    );
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  async function report(body: Record<string, unknown>, client = dispatch): Promise<string> {
    const response = await eventually('dispatch to know the micro-grid', async () => {
      const r = await client.post(`/v1/tenants/${tenantId}/issues`, body);
      // Before the micro-grid's address reaches dispatch's replica a report is accepted but queued for the dispatch
      // centre (state reported); every case here is meant to start at its grid.
      return r.status === 201 && r.body.state === 'dispatched' ? r : undefined;
    });
    return response.body.id;
  }

  it('escalates an unacknowledged issue micro → level-3 → community → street → district centre, and analytics shows depth 4', async () => {
    const issueId = await report({
      category: 'street-lighting',
      address: '47号院',
      description: '楼道灯不亮',
      reporter: { name: '王女士', phone: '13700000000' },
    });

    const dispatched = await recorder.waitForEvent(
      'dispatched',
      (e) => e.type === IssueDispatched.type && e.subject === issueId,
    );
    expect(dispatched.data).toMatchObject({ gridId: grid.micro, level: 'micro' });
    expect(JSON.stringify(dispatched.data)).not.toContain('13700000000');

    await recorder.waitForEvent(
      'escalation to the district centre',
      (e) => e.type === IssueEscalated.type && e.subject === issueId && (e.data as any).depth === 4,
      30_000,
    );
    const steps = recorder
      .events(IssueEscalated.type)
      .filter((e) => e.subject === issueId)
      .map((e) => e.data as any);
    expect(steps.map((s) => [s.fromLevel, s.toLevel, s.toGridId])).toEqual([
      ['micro', 'grid', grid.level3],
      ['grid', 'community', grid.community],
      ['community', 'street', grid.street],
      ['street', 'district', null],
    ]);
    expect(steps.every((s) => s.reason === 'ack-timeout')).toBe(true);
    // Every event of the case shares the report's correlation id, and names the tenant.
    const caseEvents = recorder.events().filter((e) => e.subject === issueId);
    expect(new Set(caseEvents.map((e) => e.correlationid)).size).toBe(1);
    expect(caseEvents.every((e) => e.tenantid === tenantId)).toBe(true);

    const depth = await eventually('analytics to show depth 4', async () => {
      const r = await analytics.get(`/v1/tenants/${tenantId}/issues/${issueId}/escalation`);
      return r.status === 200 && r.body.depth === 4 ? r.body : undefined;
    });
    expect(depth.currentLevel).toBe('district');

    const issue = await dispatch.get(`/v1/tenants/${tenantId}/issues/${issueId}`); // the reporter follows their case, and sees their own contact
    expect(issue.body).toMatchObject({
      holderLevel: 'district',
      holderGridId: null,
      escalationDepth: 4,
      state: 'dispatched',
      contact: { phone: '13700000000' },
    });
    // The grid leader who held it sees the case, never the reporter's phone.
    const asLeader = await dispatch
      .as(await as.leader(tenantId, grid.community))
      .get(`/v1/tenants/${tenantId}/issues/${issueId}`);
    expect(asLeader.status).toBe(200);
    expect(JSON.stringify(asLeader.body)).not.toContain('13700000000');
  });

  it('stops escalating an issue once the level-3 grid acknowledges it', async () => {
    // A grid worker on patrol reports it (only grid staff may use the patrol channel).
    const issueId = await report(
      {
        category: 'street-lighting',
        gridId: grid.micro,
        description: '路灯坏了',
        reporter: { name: '张先生' },
        channel: 'patrol',
      },
      dispatch.as(await as.worker(tenantId, grid.micro)),
    );
    await recorder.waitForEvent(
      'first escalation',
      (e) => e.type === IssueEscalated.type && e.subject === issueId && (e.data as any).depth === 1,
    );

    const leader = dispatch.as(await as.leader(tenantId, grid.level3));
    const ack = await leader.post(`/v1/tenants/${tenantId}/issues/${issueId}/acknowledge`, { note: '马上安排维修' });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ state: 'acknowledged', holderLevel: 'grid', holderGridId: grid.level3 });
    await recorder.waitForEvent('acknowledged', (e) => e.type === IssueAcknowledged.type && e.subject === issueId);

    // Two more windows pass: nothing moves.
    await sleep(5_000);
    const escalations = recorder.events(IssueEscalated.type).filter((e) => e.subject === issueId);
    expect(escalations).toHaveLength(1);
    const again = await leader.post(`/v1/tenants/${tenantId}/issues/${issueId}/acknowledge`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');
    const depth = await eventually('analytics to see the acknowledgement', async () => {
      const r = await analytics.get(`/v1/tenants/${tenantId}/issues/${issueId}/escalation`);
      return r.status === 200 && r.body.state === 'acknowledged' ? r.body : undefined;
    });
    expect(depth.depth).toBe(1);
  });

  it('offers a task to a volunteer of the nearest grid with the needed skill', async () => {
    const issueId = await report({
      category: 'elderly-help',
      address: '47号院',
      description: '独居老人需要帮忙买药',
      reporter: { name: '李阿姨' },
    });
    const offer = await recorder.waitForEvent(
      'a task offer',
      (e) => e.type === TaskOffered.type && (e.data as any).issueId === issueId,
    );
    expect(offer.data).toMatchObject({ issueGridId: grid.micro, matchedGridId: grid.level3, skill: 'elderly-care' });
    expect(JSON.stringify(offer.data)).not.toContain('13900000000');
    // Analytics keeps it as a fact (offers are projected a batch per statement): the district's first and only offer.
    const summary = await eventually('analytics to count the offer', async () => {
      const r = await analytics.get(`/v1/tenants/${tenantId}/summary`);
      return r.status === 200 && r.body.offers > 0 ? r.body : undefined;
    });
    expect(summary.offers).toBe(1);
  });

  it('queues a report at an address nobody registered for the district dispatch centre, which dispatches it by hand', async () => {
    const queued = await dispatch.post(`/v1/tenants/${tenantId}/issues`, {
      category: 'street-lighting',
      address: '桃源路100号院',
      description: '路灯不亮',
      reporter: { name: '赵先生' },
    });
    expect(queued.status).toBe(201);
    expect(queued.body).toMatchObject({
      state: 'reported',
      holderLevel: 'district',
      holderGridId: null,
      originGridId: null,
      ackDeadline: null,
    });
    const event = await recorder.waitForEvent(
      'queued',
      (e) => e.type === IssueQueued.type && e.subject === queued.body.id,
    );
    expect(event.data).toMatchObject({ reason: 'address-not-registered', category: 'street-lighting' });
    expect(recorder.events(IssueDispatched.type).some((e) => e.subject === queued.body.id)).toBe(false);

    const centre = dispatch.as(await as.dispatcher(tenantId));
    const queue = await centre.get(`/v1/tenants/${tenantId}/issues/queue`);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(queued.body.id);
    const accepted = await centre.post(`/v1/tenants/${tenantId}/issues/${queued.body.id}/accept`, {
      expectedVersion: queued.body.version,
    });
    expect(accepted.status).toBe(200);
    const sent = await centre.post(`/v1/tenants/${tenantId}/issues/${queued.body.id}/dispatch`, {
      expectedVersion: accepted.body.version,
      gridId: grid.micro,
      note: '桃源路100号院归47号院网格',
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      state: 'dispatched',
      holderGridId: grid.micro,
      originGridId: grid.micro,
      holderLevel: 'micro',
    });
    await recorder.waitForEvent(
      'dispatched by hand',
      (e) => e.type === IssueDispatched.type && e.subject === queued.body.id,
    );
    // Taken at once, so its two-second clock does not move the later tests' numbers.
    const taken = await dispatch
      .as(await as.leader(tenantId, grid.micro))
      .post(`/v1/tenants/${tenantId}/issues/${queued.body.id}/acknowledge`, { note: '收到' });
    expect(taken.status).toBe(200);
  });

  it('answers bad reports with a 4xx naming the problem, and stores nothing', async () => {
    const before = await platform.database.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM issue_dispatch.issues',
    );
    const unknownCategory = await dispatch.post(`/v1/tenants/${tenantId}/issues`, {
      category: 'no-such-thing',
      gridId: grid.micro,
      description: 'x',
      reporter: { name: 'a' },
    });
    expect(unknownCategory.status).toBe(422);
    expect(unknownCategory.body.code).toBe('UNKNOWN_CATEGORY');
    const outside = await dispatch.post(`/v1/tenants/${tenantId}/issues`, {
      category: 'street-lighting',
      location: { lon: 113.9, lat: 34.9 },
      description: 'x',
      reporter: { name: 'a' },
    });
    expect([outside.status, outside.body.code]).toEqual([422, 'LOCATION_NOT_IN_DISTRICT']);
    const missing = await dispatch.post(`/v1/tenants/${tenantId}/issues`, {
      category: 'street-lighting',
      gridId: grid.micro,
      reporter: { name: 'a' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.details.map((d: any) => d.field)).toContain('description');
    const tooLong = await dispatch.post(`/v1/tenants/${tenantId}/issues`, {
      category: 'street-lighting',
      gridId: grid.micro,
      description: 'x'.repeat(2001),
      reporter: { name: 'a' },
    });
    expect(tooLong.status).toBe(400);
    const unknownDistrict = await dispatch.as(await as.cityAdmin()).post(`/v1/tenants/jinshui/issues`, {
      category: 'street-lighting',
      gridId: grid.micro,
      description: 'x',
      reporter: { name: 'a' },
    });
    expect(unknownDistrict.status).toBe(404);
    expect(unknownDistrict.body.code).toBe('TENANT_NOT_FOUND');
    const after = await platform.database.query<{ n: string }>('SELECT count(*)::text AS n FROM issue_dispatch.issues');
    expect(after[0].n).toBe(before[0].n);
  });

  it('creates one issue for a retried report with the same Idempotency-Key', async () => {
    const body = { category: 'street-lighting', gridId: grid.micro, description: '重复提交', reporter: { name: '赵' } };
    const headers = { 'Idempotency-Key': `retry-${Date.now()}` };
    const first = await dispatch.post(`/v1/tenants/${tenantId}/issues`, body, headers);
    const second = await dispatch.post(`/v1/tenants/${tenantId}/issues`, body, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const reused = await dispatch.post(`/v1/tenants/${tenantId}/issues`, { ...body, description: 'another' }, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const rows = await platform.database.query('SELECT id FROM issue_dispatch.issues WHERE description = $1', [
      '重复提交',
    ]);
    expect(rows).toHaveLength(1);
    expect(
      (
        await dispatch
          .as(await as.leader(tenantId, grid.micro))
          .post(`/v1/tenants/${tenantId}/issues/${first.body.id}/acknowledge`, {})
      ).status,
    ).toBe(200);
  });

  it('keeps analytics numbers across an analytics restart', async () => {
    // Wait until nothing is in flight: two reads a second apart agree.
    let previous = '';
    const [before, counts] = await eventually(
      'analytics to settle',
      async () => {
        const snapshot = [
          await analytics.get(`/v1/tenants/${tenantId}/summary`),
          await analytics.get(`/v1/tenants/${tenantId}/issues/counts`),
        ];
        const text = JSON.stringify(snapshot.map((r) => r.body));
        const settled = text === previous;
        previous = text;
        return settled ? snapshot : undefined;
      },
      30_000,
      1_000,
    );
    expect(before.status).toBe(200);
    expect(counts.body.total).toBeGreaterThanOrEqual(3);
    await platform.services.analytics.stop();
    await platform.services.analytics.start();
    expect((await analytics.get(`/v1/tenants/${tenantId}/summary`)).body).toEqual(before.body);
    expect((await analytics.get(`/v1/tenants/${tenantId}/issues/counts`)).body).toEqual(counts.body);
  });
});

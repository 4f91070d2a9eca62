import {
  IssueAcknowledged,
  IssueClosed,
  IssueDispatched,
  IssueEscalated,
  IssueExtensionApproved,
  IssueExtensionDenied,
  IssueParked,
  IssueRated,
  IssueReassigned,
  IssueRejected,
  IssueReopened,
  IssueResolved,
  IssueReturned,
  IssueUnparked,
  IssueVerified,
  IssueWorkStarted,
  Topics,
} from '@gridline/contracts';
import { eventually, httpClient, HttpResult, sleep } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/**
 * The whole case loop on the real broker and database: the happy path to a closed, rated case; rework after a
 * failed verification; a resolve deadline escalating; extension, return, parking, manual escalation and
 * reassignment; one winner when two leaders acknowledge at once; the wrong people refused; and the resolve clock
 * surviving a crash of issue-dispatch.
 */
describe('the case loop', () => {
  const tenantId = 'loop';
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let dispatchUrl: string;
  let centre: ReturnType<typeof httpClient>;
  const grid: Record<string, string> = {};
  const reporter = 'test:loop:resident:reporter';

  beforeAll(async () => {
    platform = await startPlatform('caseloop', ['grid-registry', 'issue-dispatch']);
    dispatchUrl = platform.services['issue-dispatch'].baseUrl;
    recorder = await new EventRecorder(EventRecorder.kafka()).start([platform.topic(Topics.issueEvents.name)]);
    const city = httpClient(platform.services['grid-registry'].baseUrl, await as.cityAdmin());
    expect((await city.post('/v1/tenants', { tenantId, divisionCode: '410103', name: '二七区' })).status).toBe(201);
    expect(
      (await city.post('/v1/tenants', { tenantId: 'elsewhere', divisionCode: '410105', name: '金水区' })).status,
    ).toBe(201);
    const registry = city.as(await as.districtAdmin(tenantId));
    const make = async (key: string, body: object) => {
      const r = await registry.post(`/v1/tenants/${tenantId}/grids`, body);
      expect(r.status).toBe(201);
      grid[key] = r.body.gridId;
    };
    await make('street', { level: 'street', parentId: null, name: '大学路街道' });
    await make('community', { level: 'community', parentId: grid.street, name: '桃源社区' });
    await make('level3', { level: 'grid', parentId: grid.community, name: '第一网格' });
    await make('microA', { level: 'micro', parentId: grid.level3, name: '47号院' });
    await make('microB', { level: 'micro', parentId: grid.level3, name: '汝河路22号院' });

    const admin = httpClient(dispatchUrl, await as.districtAdmin(tenantId));
    const ten = { micro: 600, grid: 600, community: 600, street: 600, district: 600, city: 600 };
    await eventually(
      'dispatch to know the district',
      async () =>
        (
          await admin.put(`/v1/tenants/${tenantId}/categories/steady`, {
            name: '常规',
            ackWithinSeconds: ten,
            resolveWithinSeconds: ten,
          })
        ).status === 200,
    );
    // A micro-grid has 4 (quick) or 8 (medium) seconds to resolve; everyone else has time.
    expect(
      (
        await admin.put(`/v1/tenants/${tenantId}/categories/quick`, {
          name: '急',
          ackWithinSeconds: ten,
          resolveWithinSeconds: { ...ten, micro: 4 },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await admin.put(`/v1/tenants/${tenantId}/categories/medium`, {
          name: '较急',
          ackWithinSeconds: ten,
          resolveWithinSeconds: { ...ten, micro: 8 },
        })
      ).status,
    ).toBe(200);
    centre = httpClient(dispatchUrl, await as.dispatcher(tenantId));
    await eventually(
      'dispatch to know the micro-grids',
      async () =>
        (await centre.get(`/v1/tenants/${tenantId}/issues/queue`)).status === 200 &&
        (await report('steady', 'microB')) !== '',
    );
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  async function report(category: string, at: string, who = reporter): Promise<string> {
    const client = httpClient(dispatchUrl, await as.resident(tenantId, who));
    return eventually('a report to be dispatched', async () => {
      const r = await client.post(`/v1/tenants/${tenantId}/issues`, {
        category,
        gridId: grid[at],
        description: '楼道灯不亮',
        reporter: { name: '王女士', phone: '13700000000' },
      });
      return r.status === 201 ? (r.body.id as string) : undefined;
    });
  }

  async function current(issueId: string): Promise<any> {
    return (await centre.get(`/v1/tenants/${tenantId}/issues/${issueId}`)).body;
  }

  /** Takes a case action as `token`, naming the version the case is at now (unless the body names one). */
  async function act(
    token: string,
    issueId: string,
    action: string,
    body: Record<string, unknown> = {},
  ): Promise<HttpResult> {
    const { version } = await current(issueId);
    return httpClient(dispatchUrl, token).post(`/v1/tenants/${tenantId}/issues/${issueId}/${action}`, {
      expectedVersion: version,
      ...body,
    });
  }

  async function expectOk(response: Promise<HttpResult>, state?: string): Promise<any> {
    const r = await response;
    expect([r.status, r.body.code]).toEqual([200, undefined]);
    if (state) expect(r.body.state).toBe(state);
    return r.body;
  }

  const eventsOf = (issueId: string, type?: string) => recorder.events(type).filter((e) => e.subject === issueId);
  const leader = (key: string) => as.leader(tenantId, grid[key]);
  const worker = (key: string) => as.worker(tenantId, grid[key]);
  const theReporter = () => as.resident(tenantId, reporter);

  async function acknowledgedAtMicroA(category = 'steady'): Promise<string> {
    const issueId = await report(category, 'microA');
    await expectOk(act(await worker('microA'), issueId, 'acknowledge'), 'acknowledged');
    return issueId;
  }

  it('takes a case from report to closed, and lets the reporter rate it once', async () => {
    const issueId = await acknowledgedAtMicroA();
    const acknowledged = await current(issueId);
    expect(acknowledged.resolveDeadline).toEqual(expect.any(String));
    expect(acknowledged.assigneeSubject).toBe(`test:${tenantId}:worker:${grid.microA}`);
    await expectOk(act(await worker('microA'), issueId, 'start-work', { note: '已到现场' }), 'in-progress');
    const resolved = await expectOk(act(await leader('microA'), issueId, 'resolve'), 'resolved');
    expect([resolved.resolveDeadline, resolved.resolvedOnTime]).toEqual([null, true]);
    await expectOk(act(await theReporter(), issueId, 'verify', { passed: true }), 'verified');
    await expectOk(act(await as.dispatcher(tenantId), issueId, 'close'), 'closed');
    const rated = await expectOk(
      act(await theReporter(), issueId, 'rate', { rating: 5, comment: '处理及时，王女士很满意' }),
      'closed',
    );
    expect(rated.rating).toBe(5);
    const again = await act(await theReporter(), issueId, 'rate', { rating: 1 });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_RATED']);

    await recorder.waitForEvent('rated', (e) => e.type === IssueRated.type && e.subject === issueId);
    const types = eventsOf(issueId).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([IssueWorkStarted.type, IssueResolved.type, IssueVerified.type, IssueClosed.type]),
    );
    expect(types.slice(-6)).toEqual([
      IssueAcknowledged.type,
      IssueWorkStarted.type,
      IssueResolved.type,
      IssueVerified.type,
      IssueClosed.type,
      IssueRated.type,
    ]);
    expect(eventsOf(issueId, IssueVerified.type)[0].data).toMatchObject({ verifiedBy: 'reporter' });
    expect(eventsOf(issueId, IssueClosed.type)[0].data).toMatchObject({
      reworkCount: 0,
      extensionCount: 0,
      onTime: true,
    });
    const published = JSON.stringify(eventsOf(issueId).map((e) => e.data));
    for (const secret of ['13700000000', '王女士', reporter]) expect(published).not.toContain(secret);

    const history = (await centre.get(`/v1/tenants/${tenantId}/issues/${issueId}/history`)).body as any[];
    expect(history.map((h) => h.action)).toEqual([
      'reported',
      'dispatched',
      'acknowledged',
      'work-started',
      'resolved',
      'verified',
      'closed',
      'rated',
    ]);
    expect(history[2]).toMatchObject({
      actor: `test:${tenantId}:worker:${grid.microA}`,
      actorRole: 'worker',
      actorGridId: grid.microA,
      holderGridId: grid.microA,
    });
    expect(history[3].reason).toBe('已到现场');
    expect(history[6]).toMatchObject({ actorRole: 'dispatcher', actorGridId: null });
    expect(history[7]).toMatchObject({ actor: reporter, actorRole: 'resident' });
    // Append-only, whoever asks: the table itself refuses to change or lose a row.
    await expect(
      platform.database.query(`UPDATE issue_dispatch.issue_history SET reason = 'rewritten' WHERE issue_id = $1`, [
        issueId,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      platform.database.query(`DELETE FROM issue_dispatch.issue_history WHERE issue_id = $1`, [issueId]),
    ).rejects.toThrow(/append-only/);
  });

  it('reopens a case whose verification fails, counts the rework, and closes it after a second resolution', async () => {
    const issueId = await acknowledgedAtMicroA();
    await expectOk(act(await worker('microA'), issueId, 'start-work'), 'in-progress');
    await expectOk(act(await worker('microA'), issueId, 'resolve'), 'resolved');
    const reopened = await expectOk(
      act(await theReporter(), issueId, 'verify', { passed: false, note: '灯还是不亮' }),
      'in-progress',
    );
    expect(reopened.reworkCount).toBe(1);
    expect(reopened.resolveDeadline).toEqual(expect.any(String));
    const event = await recorder.waitForEvent(
      'reopened',
      (e) => e.type === IssueReopened.type && e.subject === issueId,
    );
    expect(event.data).toMatchObject({ reworkCount: 1, verifiedBy: 'reporter', gridId: grid.microA, level: 'micro' });

    await expectOk(act(await worker('microA'), issueId, 'resolve'), 'resolved');
    await expectOk(act(await as.dispatcher(tenantId), issueId, 'verify', { passed: true }), 'verified');
    await expectOk(act(await as.dispatcher(tenantId), issueId, 'close'), 'closed');
    const closed = await recorder.waitForEvent('closed', (e) => e.type === IssueClosed.type && e.subject === issueId);
    expect(closed.data).toMatchObject({ reworkCount: 1 });
    expect(eventsOf(issueId, IssueVerified.type).map((e) => (e.data as any).verifiedBy)).toEqual(['supervisor']);
  });

  it('lets exactly one of two leaders acknowledging at once win; the other gets 409', async () => {
    const issueId = await report('steady', 'microA');
    const { version } = await current(issueId);
    const [micro, level3] = [await leader('microA'), await leader('level3')];
    const answers = await Promise.all(
      [micro, level3].map((token) =>
        httpClient(dispatchUrl, token).post(`/v1/tenants/${tenantId}/issues/${issueId}/acknowledge`, {
          expectedVersion: version,
        }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.status === 409)?.body.code).toBe('VERSION_CONFLICT');
    await recorder.waitForEvent('acknowledged', (e) => e.type === IssueAcknowledged.type && e.subject === issueId);
    await sleep(1_000);
    expect(eventsOf(issueId, IssueAcknowledged.type)).toHaveLength(1);
    const history = (await centre.get(`/v1/tenants/${tenantId}/issues/${issueId}/history`)).body as any[];
    expect(history.filter((h) => h.action === 'acknowledged')).toHaveLength(1);
  });

  it('refuses the wrong people, changing nothing', async () => {
    const issueId = await acknowledgedAtMicroA();
    await expectOk(act(await worker('microA'), issueId, 'start-work'), 'in-progress');
    await recorder.waitForEvent('work started', (e) => e.type === IssueWorkStarted.type && e.subject === issueId);
    const before = await current(issueId);
    const eventsBefore = eventsOf(issueId).length;
    const attempts: Array<[string, Promise<HttpResult>, number, string]> = [
      [
        'a worker of a sibling grid resolving',
        act(await worker('microB'), issueId, 'resolve'),
        403,
        'OUTSIDE_YOUR_GRID',
      ],
      [
        'a worker of the grid above acting for the micro-grid',
        act(await worker('level3'), issueId, 'resolve'),
        403,
        'OUTSIDE_YOUR_GRID',
      ],
      [
        'a resident who did not report it verifying',
        act(await as.resident(tenantId, 'test:loop:resident:neighbour'), issueId, 'verify', { passed: true }),
        404,
        'ISSUE_NOT_FOUND',
      ],
      ['the reporter resolving', act(await theReporter(), issueId, 'resolve'), 403, 'FORBIDDEN_ROLE'],
      [
        'another district’s dispatcher',
        act(await as.dispatcher('elsewhere'), issueId, 'park', { reason: 'x' }),
        403,
        'FORBIDDEN_DISTRICT',
      ],
      [
        'the dispatch centre rating',
        act(await as.dispatcher(tenantId), issueId, 'rate', { rating: 3 }),
        403,
        'FORBIDDEN_ROLE',
      ],
      [
        'the micro-grid’s worker parking',
        act(await worker('microA'), issueId, 'park', { reason: 'x' }),
        403,
        'OUTSIDE_YOUR_GRID',
      ],
      ['a grid leader closing', act(await leader('level3'), issueId, 'close'), 403, 'FORBIDDEN_ROLE'],
    ];
    for (const [who, attempt, status, code] of attempts) {
      const r = await attempt;
      expect([who, r.status, r.body.code]).toEqual([who, status, code]);
    }
    // Extensions are asked by the holding grid and decided one level up, not by the asker's own grid.
    const deadline = new Date(Date.parse(before.resolveDeadline) + 3_600_000).toISOString();
    const fromAbove = await act(await leader('level3'), issueId, 'request-extension', {
      reason: '等配件',
      requestedDeadline: deadline,
    });
    expect([fromAbove.status, fromAbove.body.code]).toEqual([403, 'OUTSIDE_YOUR_GRID']);
    await expectOk(
      act(await worker('microA'), issueId, 'request-extension', { reason: '等配件', requestedDeadline: deadline }),
    );
    const ownApproval = await act(await leader('microA'), issueId, 'approve-extension');
    expect([ownApproval.status, ownApproval.body.code]).toEqual([403, 'OUTSIDE_YOUR_GRID']);
    const after = await current(issueId);
    expect(after.version).toBe(before.version + 1); // only the extension request went through
    expect(after.extensionRequest).toMatchObject({ requestedDeadline: deadline });
    await sleep(500);
    expect(eventsOf(issueId).length).toBe(eventsBefore + 1);
  });

  it('answers an illegal transition or a stale version with 409, a malformed action with 400, and emits nothing', async () => {
    const issueId = await report('steady', 'microA');
    await recorder.waitForEvent('dispatched', (e) => e.type === IssueDispatched.type && e.subject === issueId);
    const before = await current(issueId);
    const resolve = await act(await leader('microA'), issueId, 'resolve');
    expect([resolve.status, resolve.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect(resolve.body.message).toContain('in-progress');
    const close = await act(await as.dispatcher(tenantId), issueId, 'close');
    expect([close.status, close.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const unpark = await act(await leader('microA'), issueId, 'unpark');
    expect([unpark.status, unpark.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const stale = await act(await leader('microA'), issueId, 'acknowledge', { expectedVersion: before.version + 7 });
    expect([stale.status, stale.body.code]).toEqual([409, 'VERSION_CONFLICT']);
    const noVersion = await httpClient(dispatchUrl, await leader('microA')).post(
      `/v1/tenants/${tenantId}/issues/${issueId}/start-work`,
      {},
    );
    expect([noVersion.status, noVersion.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(noVersion.body.details.map((d: any) => d.field)).toContain('expectedVersion');
    const badRating = await act(await theReporter(), issueId, 'rate', { rating: 6 });
    expect(badRating.status).toBe(400);
    const duplicateOfNothing = await act(await as.dispatcher(tenantId), issueId, 'reject', {
      reason: 'duplicate',
      note: 'x',
    });
    expect([duplicateOfNothing.status, duplicateOfNothing.body.details?.[0]?.field]).toEqual([400, 'duplicateOf']);
    await sleep(500);
    expect(await current(issueId)).toEqual(before);
    expect(eventsOf(issueId).map((e) => e.type)).toEqual([expect.stringMatching(/reported/), IssueDispatched.type]);
  });

  it('escalates a case its micro-grid does not resolve in time to the level-3 grid, with fresh deadlines', async () => {
    const issueId = await acknowledgedAtMicroA('quick');
    const escalated = await recorder.waitForEvent(
      'resolve-timeout escalation',
      (e) => e.type === IssueEscalated.type && e.subject === issueId,
      20_000,
    );
    expect(escalated.data).toMatchObject({
      reason: 'resolve-timeout',
      fromLevel: 'micro',
      fromGridId: grid.microA,
      toLevel: 'grid',
      toGridId: grid.level3,
      depth: 1,
    });
    const data = escalated.data as any;
    expect(Date.parse(data.resolveDeadline) - Date.parse(escalated.time)).toBeGreaterThan(590_000);
    const now = await current(issueId);
    expect(now).toMatchObject({
      state: 'dispatched',
      holderLevel: 'grid',
      holderGridId: grid.level3,
      assigneeSubject: null,
    });
    // The level-3 grid acknowledges; its resolve deadline, set at escalation, is kept.
    const acknowledged = await expectOk(act(await leader('level3'), issueId, 'acknowledge'), 'acknowledged');
    expect(acknowledged.resolveDeadline).toBe(now.resolveDeadline);
    const history = (await centre.get(`/v1/tenants/${tenantId}/issues/${issueId}/history`)).body as any[];
    expect(history.find((h) => h.action === 'escalated')).toMatchObject({
      reason: 'resolve-timeout',
      actor: 'system:escalation',
      holderGridId: grid.level3,
    });
  });

  it('moves the resolve deadline when one level up approves an extension, so the old deadline passes quietly', async () => {
    const issueId = await acknowledgedAtMicroA('medium');
    const requestedDeadline = new Date(Date.now() + 120_000).toISOString();
    await expectOk(
      act(await worker('microA'), issueId, 'request-extension', { reason: '需要等待配件', requestedDeadline }),
    );
    const approved = await expectOk(
      act(await leader('level3'), issueId, 'approve-extension', { note: '同意' }),
      'acknowledged',
    );
    expect([approved.resolveDeadline, approved.extensionCount, approved.extensionRequest]).toEqual([
      requestedDeadline,
      1,
      null,
    ]);
    const event = await recorder.waitForEvent(
      'extension approved',
      (e) => e.type === IssueExtensionApproved.type && e.subject === issueId,
    );
    expect((event.data as any).resolveDeadline).toBe(requestedDeadline);
    const [timer] = await platform.database.query<{ due: string }>(
      `SELECT due_at AS due FROM issue_dispatch.durable_timers WHERE aggregate_id = $1 AND kind = 'issue.resolve-deadline'`,
      [issueId],
    );
    expect(new Date(timer.due).toISOString()).toBe(requestedDeadline);

    await sleep(9_000); // the original 8-second deadline passes
    expect(eventsOf(issueId, IssueEscalated.type)).toHaveLength(0);

    // A second request, denied by the dispatch centre, leaves the deadline where it is.
    await expectOk(
      act(await worker('microA'), issueId, 'request-extension', {
        reason: '还要一周',
        requestedDeadline: new Date(Date.now() + 600_000).toISOString(),
      }),
    );
    const denied = await expectOk(act(await as.dispatcher(tenantId), issueId, 'deny-extension'));
    expect([denied.resolveDeadline, denied.extensionCount]).toEqual([requestedDeadline, 1]);
    await recorder.waitForEvent(
      'extension denied',
      (e) => e.type === IssueExtensionDenied.type && e.subject === issueId,
    );
    const early = await act(await worker('microA'), issueId, 'request-extension', {
      reason: 'x',
      requestedDeadline: new Date(Date.now() + 1_000).toISOString(),
    });
    expect([early.status, early.body.code]).toEqual([422, 'INVALID_EXTENSION']);
  });

  it('sends a returned case back to the dispatch centre, which dispatches it to another grid', async () => {
    const issueId = await report('steady', 'microA');
    const returned = await expectOk(
      act(await leader('microA'), issueId, 'return', { reason: '地址在22号院，不属于本网格' }),
      'accepted',
    );
    expect(returned).toMatchObject({ holderLevel: 'district', holderGridId: null, ackDeadline: null });
    expect(
      await platform.database.query(`SELECT 1 FROM issue_dispatch.durable_timers WHERE aggregate_id = $1`, [issueId]),
    ).toHaveLength(0);
    const event = await recorder.waitForEvent(
      'returned',
      (e) => e.type === IssueReturned.type && e.subject === issueId,
    );
    expect(event.data).toMatchObject({ fromGridId: grid.microA, fromLevel: 'micro' });
    expect(JSON.stringify(event.data)).not.toContain('22号院');
    const queue = await centre.get(`/v1/tenants/${tenantId}/issues/queue`);
    expect(queue.body.items.map((i: any) => i.id)).toContain(issueId);
    const notAGrid = await act(await as.dispatcher(tenantId), issueId, 'dispatch', { gridId: 'no-such-grid' });
    expect([notAGrid.status, notAGrid.body.code]).toEqual([422, 'UNKNOWN_GRID']);

    const redispatched = await expectOk(
      act(await as.dispatcher(tenantId), issueId, 'dispatch', { gridId: grid.microB }),
      'dispatched',
    );
    expect(redispatched).toMatchObject({
      holderGridId: grid.microB,
      holderLevel: 'micro',
      ackDeadline: expect.any(String),
    });
    await recorder.waitForEvent(
      're-dispatched',
      (e) => e.type === IssueDispatched.type && e.subject === issueId && (e.data as any).gridId === grid.microB,
    );
    await expectOk(act(await worker('microB'), issueId, 'acknowledge'), 'acknowledged');
    const formerHolder = await act(await worker('microA'), issueId, 'start-work');
    expect(formerHolder.status).toBe(403);
    expect((await centre.get(`/v1/tenants/${tenantId}/issues/queue`)).body.items.map((i: any) => i.id)).not.toContain(
      issueId,
    );
  });

  it('lets the centre reject a returned case as a duplicate, naming the original for the reporter', async () => {
    const original = await report('steady', 'microB');
    const duplicate = await report('steady', 'microA', 'test:loop:resident:second');
    await expectOk(act(await worker('microA'), duplicate, 'return', { reason: '与22号院工单重复' }), 'accepted');
    const rejected = await expectOk(
      act(await as.dispatcher(tenantId), duplicate, 'reject', {
        reason: 'duplicate',
        duplicateOf: original,
        note: '重复上报',
      }),
      'rejected',
    );
    expect(rejected).toMatchObject({ rejectionReason: 'duplicate', duplicateOf: original });
    const event = await recorder.waitForEvent(
      'rejected',
      (e) => e.type === IssueRejected.type && e.subject === duplicate,
    );
    expect(event.data).toMatchObject({ reason: 'duplicate', duplicateOf: original });
    const closing = await act(await as.dispatcher(tenantId), duplicate, 'dispatch', { gridId: grid.microA });
    expect([closing.status, closing.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
  });

  it('opens, then dispatches, a report the router left in the centre’s queue', async () => {
    // Today's intake dispatches every report it can route and refuses the rest; a report waiting in the queue
    // (what unroutable intake will produce, ADR 0012) is put there directly.
    const [{ id: issueId }] = await platform.database.query<{ id: string }>(
      `INSERT INTO issue_dispatch.issues (id, tenant_id, category, channel, description, reporter_name, reporter_subject, origin_grid_id, holder_grid_id,
         holder_level, state, escalation_depth, critical, policy_snapshot, reported_at, correlation_id)
       VALUES (gen_random_uuid(), $1, 'steady', 'resident', '位置不明', '匿名', $2, $3, NULL, 'district', 'reported', 0, false, '{"ackWithinSeconds":{}}', now(), 'queued')
       RETURNING id`,
      [tenantId, reporter, grid.microA],
    );
    const early = await act(await as.dispatcher(tenantId), issueId, 'dispatch', { gridId: grid.microA });
    expect([early.status, early.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    await expectOk(act(await as.dispatcher(tenantId), issueId, 'accept'), 'accepted');
    const dispatched = await expectOk(
      act(await as.dispatcher(tenantId), issueId, 'dispatch', { gridId: grid.microA }),
      'dispatched',
    );
    expect(Date.parse(dispatched.ackDeadline) - Date.now()).toBeGreaterThan(590_000); // the category's window, snapshotted now
    await recorder.waitForEvent(
      'dispatched by the centre',
      (e) => e.type === IssueDispatched.type && e.subject === issueId,
    );
  });

  it('pauses the clock of a parked case and gives it back the time it had left when un-parked', async () => {
    const issueId = await acknowledgedAtMicroA('medium');
    const parked = await expectOk(
      act(await leader('microA'), issueId, 'park', { reason: '需协调自来水公司' }),
      'acknowledged',
    );
    expect(parked.resolveDeadline).toBeNull();
    expect(parked.parked.resolveRemainingSeconds).toBeGreaterThan(1);
    expect(parked.parked.resolveRemainingSeconds).toBeLessThanOrEqual(8);
    await recorder.waitForEvent('parked', (e) => e.type === IssueParked.type && e.subject === issueId);
    const whileParked = await act(await worker('microA'), issueId, 'start-work');
    expect([whileParked.status, whileParked.body.code]).toEqual([409, 'ISSUE_PARKED']);

    await sleep(9_000); // longer than the whole resolve window
    expect(eventsOf(issueId, IssueEscalated.type)).toHaveLength(0);

    const unparkedAt = Date.now();
    const unparked = await expectOk(act(await leader('level3'), issueId, 'unpark'), 'acknowledged');
    expect(unparked.parked).toBeNull();
    const remainingMs = Date.parse(unparked.resolveDeadline) - unparkedAt;
    expect(remainingMs).toBeGreaterThan(parked.parked.resolveRemainingSeconds * 1000 - 1_500);
    expect(remainingMs).toBeLessThanOrEqual(parked.parked.resolveRemainingSeconds * 1000 + 1_500);
    await recorder.waitForEvent('unparked', (e) => e.type === IssueUnparked.type && e.subject === issueId);
    const escalated = await recorder.waitForEvent(
      'escalation after resuming',
      (e) => e.type === IssueEscalated.type && e.subject === issueId,
      20_000,
    );
    expect(escalated.data).toMatchObject({ reason: 'resolve-timeout', toLevel: 'grid' });
    expect(Date.parse(escalated.time)).toBeGreaterThanOrEqual(Date.parse(unparked.resolveDeadline));
  });

  it('escalates by hand with reason manual, and reassigns within the grid', async () => {
    const issueId = await report('steady', 'microA');
    const escalated = await expectOk(
      act(await leader('microA'), issueId, 'escalate', { reason: '需要网格协调' }),
      'dispatched',
    );
    expect(escalated).toMatchObject({ holderLevel: 'grid', holderGridId: grid.level3, escalationDepth: 1 });
    const event = await recorder.waitForEvent(
      'manual escalation',
      (e) => e.type === IssueEscalated.type && e.subject === issueId,
    );
    expect(event.data).toMatchObject({ reason: 'manual', fromGridId: grid.microA, toGridId: grid.level3 });

    await expectOk(act(await leader('level3'), issueId, 'acknowledge'), 'acknowledged');
    const other = `test:${tenantId}:worker:${grid.level3}`;
    const byWorker = await act(await worker('level3'), issueId, 'reassign', { assigneeSubject: other, reason: 'x' });
    expect(byWorker.status).toBe(403);
    const reassigned = await expectOk(
      act(await leader('level3'), issueId, 'reassign', { assigneeSubject: other, reason: '由网格员跟进' }),
      'acknowledged',
    );
    expect(reassigned.assigneeSubject).toBe(other);
    const reassignedEvent = await recorder.waitForEvent(
      'reassigned',
      (e) => e.type === IssueReassigned.type && e.subject === issueId,
    );
    expect(JSON.stringify(reassignedEvent.data)).not.toContain(other);
    const history = (await centre.get(`/v1/tenants/${tenantId}/issues/${issueId}/history`)).body as any[];
    expect(history.at(-1)).toMatchObject({
      action: 'reassigned',
      actorRole: 'leader',
      actorGridId: grid.level3,
      reason: expect.stringContaining(other),
    });
  });

  it('keeps the resolve clock across a crash of issue-dispatch, and escalates once after the restart', async () => {
    const issueId = await acknowledgedAtMicroA('quick');
    const service = platform.services['issue-dispatch'];
    await service.crash();
    const timers = await platform.database.query<{ kind: string }>(
      `SELECT kind FROM issue_dispatch.durable_timers WHERE aggregate_id = $1`,
      [issueId],
    );
    expect(timers).toEqual([{ kind: 'issue.resolve-deadline' }]);
    await sleep(6_000); // the deadline passes while the service is down
    expect(eventsOf(issueId, IssueEscalated.type)).toHaveLength(0);

    await service.start();
    const escalated = await recorder.waitForEvent(
      'the overdue escalation',
      (e) => e.type === IssueEscalated.type && e.subject === issueId,
      30_000,
    );
    expect(escalated.data).toMatchObject({ reason: 'resolve-timeout', toGridId: grid.level3 });
    await sleep(2_000);
    expect(eventsOf(issueId, IssueEscalated.type)).toHaveLength(1);
  });
});

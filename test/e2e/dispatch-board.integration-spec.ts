import { IssueClosed, IssueDispatched, IssueEscalated, Topics } from '@gridline/contracts';
import { eventually, httpClient, HttpResult, sleep } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { ServiceProcess } from '../support/service-process';
import { SseClient } from '../support/sse-client';
import { as } from '../support/tokens';

/**
 * The dispatch centre's view, on the real services: the live feed (SSE, fanned out through Redis to every
 * analytics replica), the escalation board and the case-loop KPIs, with tenancy tried from the wrong side.
 */
describe('the dispatch-centre feed, escalation board and KPIs', () => {
  const tenantId = 'boardtown';
  const otherId = 'elsewhere';
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let replica: ServiceProcess;
  let dispatchUrl: string;
  let analyticsUrl: string;
  let centre: ReturnType<typeof httpClient>;
  const grid: Record<string, string> = {};
  const feeds: SseClient[] = [];
  const reporter = 'test:boardtown:resident:reporter';

  beforeAll(async () => {
    platform = await startPlatform('board', ['grid-registry', 'issue-dispatch', 'analytics'], {
      ANALYTICS_FEED_HEARTBEAT_SECONDS: '1',
    });
    dispatchUrl = platform.services['issue-dispatch'].baseUrl;
    analyticsUrl = platform.services.analytics.baseUrl;
    recorder = await new EventRecorder(EventRecorder.kafka()).start([platform.topic(Topics.issueEvents.name)]);
    const city = httpClient(platform.services['grid-registry'].baseUrl, await as.cityAdmin());
    expect((await city.post('/v1/tenants', { tenantId, divisionCode: '410103', name: '二七区' })).status).toBe(201);
    expect((await city.post('/v1/tenants', { tenantId: otherId, divisionCode: '410105', name: '金水区' })).status).toBe(
      201,
    );
    const make = async (tenant: string, key: string, body: object) => {
      const r = await city.as(await as.districtAdmin(tenant)).post(`/v1/tenants/${tenant}/grids`, body);
      expect([r.status, r.body.message]).toEqual([201, undefined]);
      grid[key] = r.body.gridId;
    };
    await make(tenantId, 'street', { level: 'street', parentId: null, name: '大学路街道' });
    await make(tenantId, 'community', { level: 'community', parentId: grid.street, name: '桃源社区' });
    await make(tenantId, 'level3', { level: 'grid', parentId: grid.community, name: '第一网格' });
    await make(tenantId, 'micro', { level: 'micro', parentId: grid.level3, name: '47号院' });
    await make(otherId, 'otherStreet', { level: 'street', parentId: null, name: '金水街道' });
    await make(otherId, 'otherCommunity', { level: 'community', parentId: grid.otherStreet, name: '金水社区' });
    await make(otherId, 'otherMicro', { level: 'micro', parentId: grid.otherCommunity, name: '1号院' });

    // `fast` climbs a level every 2 seconds up to the city centre; `steady` gives everyone ten minutes.
    const two = { micro: 2, grid: 2, community: 2, street: 2, district: 2, city: 2 };
    const ten = { micro: 600, grid: 600, community: 600, street: 600, district: 600, city: 600 };
    for (const tenant of [tenantId, otherId]) {
      const admin = httpClient(dispatchUrl, await as.districtAdmin(tenant));
      await eventually(
        `dispatch to know ${tenant}`,
        async () =>
          (
            await admin.put(`/v1/tenants/${tenant}/categories/steady`, {
              name: '常规',
              ackWithinSeconds: ten,
              resolveWithinSeconds: ten,
            })
          ).status === 200,
      );
    }
    const admin = httpClient(dispatchUrl, await as.districtAdmin(tenantId));
    expect(
      (
        await admin.put(`/v1/tenants/${tenantId}/categories/fast`, {
          name: '急',
          ackWithinSeconds: two,
          resolveWithinSeconds: ten,
        })
      ).status,
    ).toBe(200);
    centre = httpClient(dispatchUrl, await as.dispatcher(tenantId));
    replica = await platform.startReplica('analytics');
    await eventually(
      'analytics to know the district',
      async () =>
        (await httpClient(analyticsUrl, await as.dispatcher(tenantId)).get(`/v1/tenants/${tenantId}/board`)).status ===
        200,
    );
  });

  afterAll(async () => {
    await Promise.all(feeds.map((feed) => feed.close()));
    await recorder?.stop();
    await platform?.shutdown();
  });

  async function openFeed(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const feed = await SseClient.open(url, headers);
    feeds.push(feed);
    return feed;
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function report(category: string, at: string, tenant = tenantId, who = reporter): Promise<string> {
    const client = httpClient(dispatchUrl, await as.resident(tenant, who));
    return eventually('a report to be dispatched', async () => {
      const r = await client.post(`/v1/tenants/${tenant}/issues`, {
        category,
        gridId: grid[at],
        description: '楼道灯不亮',
        reporter: { name: '王女士', phone: '13700000000' },
      });
      return r.status === 201 ? (r.body.id as string) : undefined;
    });
  }

  async function act(
    token: string,
    issueId: string,
    action: string,
    body: Record<string, unknown> = {},
  ): Promise<HttpResult> {
    const { version } = (await centre.get(`/v1/tenants/${tenantId}/issues/${issueId}`)).body;
    const r = await httpClient(dispatchUrl, token).post(`/v1/tenants/${tenantId}/issues/${issueId}/${action}`, {
      expectedVersion: version,
      ...body,
    });
    expect([action, r.status, r.body.code]).toEqual([action, 200, undefined]);
    return r;
  }

  let climbing = '';
  let quiet = '';
  let districtFeed: SseClient;

  it('streams the dispatch and every escalation of a report, in order, to its district, to the city, and to no other district', async () => {
    districtFeed = await openFeed(`${analyticsUrl}/v1/tenants/${tenantId}/feed`, bearer(await as.dispatcher(tenantId)));
    // Another replica's client, and the city centre with the token in the query as a browser EventSource sends it.
    const onReplica = await openFeed(
      `${replica.baseUrl}/v1/tenants/${tenantId}/feed`,
      bearer(await as.districtAdmin(tenantId)),
    );
    const cityFeed = await openFeed(`${analyticsUrl}/v1/city/feed?access_token=${await as.cityViewer()}`);
    const otherFeed = await openFeed(
      `${replica.baseUrl}/v1/tenants/${otherId}/feed`,
      bearer(await as.dispatcher(otherId)),
    );
    expect([districtFeed.status, onReplica.status, cityFeed.status, otherFeed.status]).toEqual([200, 200, 200, 200]);

    climbing = await report('fast', 'micro');
    quiet = await report('steady', 'otherMicro', otherId, 'test:elsewhere:resident');
    await districtFeed.waitFor(
      'the escalation to the city centre',
      (m) => m.data.issueId === climbing && m.event === 'escalated' && m.data.level === 'city',
      40_000,
    );
    const overdue = await districtFeed.waitFor(
      'the overdue notice at the city centre',
      (m) => m.data.issueId === climbing && m.event === 'overdue',
      20_000,
    );
    expect(overdue.data).toMatchObject({ level: 'city', critical: true, state: 'dispatched' });

    const seen = districtFeed.of(climbing);
    expect(seen.map((m) => [m.event, m.data.level])).toEqual([
      ['dispatched', 'micro'],
      ['escalated', 'grid'],
      ['escalated', 'community'],
      ['escalated', 'street'],
      ['escalated', 'district'],
      ['escalated', 'city'],
      ['overdue', 'city'],
    ]);
    expect(seen.map((m) => m.data.depth)).toEqual([0, 1, 2, 3, 4, 5, 5]);
    expect(seen.map((m) => m.data.critical)).toEqual([false, false, false, false, false, true, true]);
    expect(seen.slice(1, 6).every((m) => m.data.reason === 'ack-timeout')).toBe(true);
    expect(seen[1].data).toMatchObject({ gridId: grid.level3, tenantId, category: 'fast' });
    // Message ids are the CloudEvent ids, so a client can name the last one it saw.
    const cloudEventIds = recorder
      .events()
      .filter((e) => e.subject === climbing && [IssueDispatched.type, IssueEscalated.type].includes(e.type))
      .map((e) => e.id);
    expect(seen.slice(0, 6).map((m) => m.id)).toEqual(cloudEventIds);
    expect(seen[6].id).toBe(`overdue:${climbing}:${overdue.data.deadline}`);
    expect(JSON.stringify(districtFeed.messages)).not.toMatch(/13700000000|王女士|resident/);

    // The replica's client got the same messages through Redis; the city got both districts; the other district only its own.
    await eventually('the replica to have every message', async () => onReplica.of(climbing).length === seen.length);
    expect(onReplica.of(climbing).map((m) => m.id)).toEqual(seen.map((m) => m.id));
    // How long from issue-dispatch recording an event to a feed client reading it, on either replica; and from
    // the city-centre deadline to the overdue notice.
    const timeOf = new Map(recorder.events().map((e) => [e.id, Date.parse(e.time)]));
    const lags = [...seen.slice(0, 6), ...onReplica.of(climbing).slice(0, 6)]
      .map((m) => m.receivedAt - (timeOf.get(m.id as string) as number))
      .sort((a, b) => a - b);
    const overdueLag = overdue.receivedAt - Date.parse(overdue.data.deadline);
    console.log(
      `feed: event time → SSE client ${lags.join(', ')} ms (12 messages, 2 replicas); city deadline → overdue notice ${overdueLag} ms`,
    );
    expect(lags.at(-1)).toBeLessThan(5_000);
    expect(overdueLag).toBeLessThan(3_000);
    await cityFeed.waitFor(
      'the other district’s dispatch',
      (m) => m.data.issueId === quiet && m.event === 'dispatched',
    );
    await eventually('the city to have every message', async () => cityFeed.of(climbing).length === seen.length);
    await otherFeed.waitFor('its own dispatch', (m) => m.data.issueId === quiet);
    expect(otherFeed.messages.every((m) => m.data.tenantId === otherId)).toBe(true);
    expect(districtFeed.messages.every((m) => m.data.tenantId === tenantId)).toBe(true);
    expect(districtFeed.comments).toContain('heartbeat');
  });

  it('replays what a client missed when it reconnects with Last-Event-ID', async () => {
    const seen = districtFeed.of(climbing);
    const again = await openFeed(`${analyticsUrl}/v1/tenants/${tenantId}/feed`, {
      ...bearer(await as.dispatcher(tenantId)),
      'Last-Event-ID': seen[2].id as string,
    });
    await eventually('the replay', async () => again.of(climbing).length === seen.length - 3);
    expect(again.of(climbing).map((m) => m.id)).toEqual(seen.slice(3).map((m) => m.id));
    expect(again.messages.every((m) => m.data.tenantId === tenantId)).toBe(true);
    // Without Last-Event-ID a client starts live, with nothing replayed.
    const fresh = await openFeed(`${analyticsUrl}/v1/tenants/${tenantId}/feed`, bearer(await as.dispatcher(tenantId)));
    await sleep(1_500);
    expect(fresh.messages).toEqual([]);
  });

  it('refuses the feed to another district, to a grid leader and to nobody, and the city feed to district staff', async () => {
    const url = `${analyticsUrl}/v1/tenants/${tenantId}/feed`;
    expect((await openFeed(url, bearer(await as.dispatcher(otherId)))).status).toBe(403);
    expect((await openFeed(`${url}?access_token=${await as.dispatcher(otherId)}`)).status).toBe(403);
    expect((await openFeed(url, bearer(await as.leader(tenantId, grid.micro)))).status).toBe(403);
    expect((await openFeed(url)).status).toBe(401);
    expect((await openFeed(`${url}?access_token=forged`)).status).toBe(401);
    expect((await openFeed(`${analyticsUrl}/v1/city/feed`, bearer(await as.dispatcher(tenantId)))).status).toBe(403);
    // The query token is for the feed routes only.
    expect(
      (
        await httpClient(analyticsUrl).get(
          `/v1/tenants/${tenantId}/board?access_token=${await as.dispatcher(tenantId)}`,
        )
      ).status,
    ).toBe(401);
  });

  it('shows the case on the board at its current level, critical and overdue, most urgent first', async () => {
    const steady = await report('steady', 'micro');
    const board = httpClient(analyticsUrl, await as.dispatcher(tenantId));
    const view = await eventually('the board to show both cases', async () => {
      const r = await board.get(`/v1/tenants/${tenantId}/board`);
      return r.status === 200 && r.body.items.some((i: any) => i.issueId === steady) ? r.body : undefined;
    });
    expect(view.items[0]).toMatchObject({
      issueId: climbing,
      level: 'city',
      gridId: null,
      depth: 5,
      critical: true,
      overdue: true,
      parked: false,
      state: 'dispatched',
    });
    expect(view.items[0].ageSeconds).toBeGreaterThanOrEqual(10);
    const calm = view.items.find((i: any) => i.issueId === steady);
    expect(calm).toMatchObject({ level: 'micro', gridId: grid.micro, critical: false, overdue: false, depth: 0 });
    expect(Date.parse(calm.deadline) - Date.now()).toBeGreaterThan(500_000);
    expect(view.levels.map((l: any) => l.level)).toEqual(['micro', 'grid', 'community', 'street', 'district', 'city']);
    expect(view.levels.find((l: any) => l.level === 'city')).toEqual({
      level: 'city',
      open: 1,
      overdue: 1,
      critical: 1,
      parked: 0,
    });
    expect(view.levels.find((l: any) => l.level === 'micro')).toMatchObject({ open: 1, overdue: 0 });
    expect(view.items.every((i: any) => i.tenantId === tenantId)).toBe(true);

    const ids = async (query: string, client = board, path = `/v1/tenants/${tenantId}/board`) => {
      const r = await client.get(`${path}${query}`);
      expect(r.status).toBe(200);
      return r.body.items.map((i: any) => i.issueId);
    };
    expect(await ids('?level=city')).toEqual([climbing]);
    expect(await ids('?level=micro')).toEqual([steady]);
    expect(await ids('?overdue=false')).toEqual([steady]);
    expect(await ids('?critical=true&overdue=true')).toEqual([climbing]);
    const page = await board.get(`/v1/tenants/${tenantId}/board?limit=1&offset=1`);
    expect([page.body.total, page.body.items.map((i: any) => i.issueId)]).toEqual([2, [steady]]);

    // The city board spans districts; a city viewer may read a district's board.
    const cityIds = await ids('', httpClient(analyticsUrl, await as.cityViewer()), '/v1/city/board');
    expect(cityIds).toEqual(expect.arrayContaining([climbing, steady, quiet]));
    expect(cityIds[0]).toBe(climbing);
    expect((await httpClient(analyticsUrl, await as.cityViewer()).get(`/v1/tenants/${tenantId}/board`)).status).toBe(
      200,
    );
  });

  it('answers a bad board query with 400 naming the field, and the wrong district with 403', async () => {
    const board = httpClient(analyticsUrl, await as.dispatcher(tenantId));
    const unknownLevel = await board.get(`/v1/tenants/${tenantId}/board?level=planet`);
    expect([unknownLevel.status, unknownLevel.body.code, unknownLevel.body.details[0].field]).toEqual([
      400,
      'VALIDATION_FAILED',
      'level',
    ]);
    for (const query of ['?limit=0', '?limit=201', '?offset=-1', '?overdue=yes', '?sort=age']) {
      expect([query, (await board.get(`/v1/tenants/${tenantId}/board${query}`)).status]).toEqual([query, 400]);
    }
    const wrong = await board.as(await as.dispatcher(otherId)).get(`/v1/tenants/${tenantId}/board`);
    expect([wrong.status, wrong.body.code]).toEqual([403, 'FORBIDDEN_DISTRICT']);
    // A grid leader reads the board of their own grid's subtree only (console-analytics spec): a grid above is refused.
    const above = await board
      .as(await as.leader(tenantId, grid.micro))
      .get(`/v1/tenants/${tenantId}/board?gridId=${grid.community}`);
    expect([above.status, above.body.code]).toEqual([403, 'OUTSIDE_YOUR_GRID']);
    expect((await board.get('/v1/city/board')).status).toBe(403);
    const unknown = await board.as(await as.cityAdmin()).get('/v1/tenants/nowhere/board');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'TENANT_NOT_FOUND']);
  });

  it('computes closure, on-time, rework and extension rates and the rating once cases close, and again after a rework', async () => {
    const kpis = httpClient(analyticsUrl, await as.dispatcher(tenantId));
    const worker = await as.worker(tenantId, grid.micro);
    const steady = (await kpis.get(`/v1/tenants/${tenantId}/board?level=micro`)).body.items[0].issueId as string;

    // One case closed cleanly and rated 4.
    const clean = await report('steady', 'micro');
    await act(worker, clean, 'acknowledge');
    await act(worker, clean, 'start-work');
    await act(worker, clean, 'resolve');
    await act(await as.resident(tenantId, reporter), clean, 'verify', { passed: true });
    await act(await as.dispatcher(tenantId), clean, 'close');
    await act(await as.resident(tenantId, reporter), clean, 'rate', { rating: 4, comment: '满意' });
    await districtFeed.waitFor('the closing on the feed', (m) => m.data.issueId === clean && m.event === 'closed');
    const first = await eventually('analytics to count the closed, rated case', async () => {
      const r = await kpis.get(`/v1/tenants/${tenantId}/kpis`);
      return r.status === 200 && r.body.district.closed === 1 && r.body.district.rated === 1 ? r.body : undefined;
    });
    // Cases: the climbing one, the steady one, the clean one (the other district's is not counted).
    expect(first.district).toMatchObject({
      cases: 3,
      closed: 1,
      closedOnTime: 1,
      reworked: 0,
      extended: 0,
      closureRate: 0.3333,
      onTimeClosureRate: 0.3333,
      reworkRate: 0,
      averageRating: 4,
    });

    // One case reworked after a failed verification, then closed; the steady one gets an extension.
    const reworked = await report('steady', 'micro');
    await act(worker, reworked, 'acknowledge');
    await act(worker, reworked, 'start-work');
    await act(worker, reworked, 'resolve');
    await act(await as.resident(tenantId, reporter), reworked, 'verify', { passed: false, note: '灯还是不亮' });
    await act(worker, reworked, 'resolve');
    await act(await as.dispatcher(tenantId), reworked, 'verify', { passed: true });
    await act(await as.dispatcher(tenantId), reworked, 'close');
    await act(worker, steady, 'acknowledge');
    const requestedDeadline = new Date(Date.now() + 3_600_000).toISOString();
    await act(worker, steady, 'request-extension', { reason: '等配件', requestedDeadline });
    await act(await as.leader(tenantId, grid.level3), steady, 'approve-extension');
    await recorder.waitForEvent(
      'the reworked case closed',
      (e) => e.type === IssueClosed.type && e.subject === reworked,
    );

    const after = await eventually('analytics to count the rework and the extension', async () => {
      const r = await kpis.get(`/v1/tenants/${tenantId}/kpis`);
      return r.body.district?.closed === 2 && r.body.district.extended === 1 ? r.body : undefined;
    });
    expect(after.district).toMatchObject({
      cases: 4,
      closed: 2,
      closedOnTime: 2,
      reworked: 1,
      extended: 1,
      rated: 1,
      closureRate: 0.5,
      onTimeClosureRate: 0.5,
      reworkRate: 0.25,
      extensionRate: 0.25,
      averageRating: 4,
    });
    expect(after.byGrid).toEqual([expect.objectContaining({ gridId: grid.micro, cases: 4, closed: 2, reworked: 1 })]);
    // The board follows: the extended case is watched against its new deadline; the closed ones are gone.
    const board = (await kpis.get(`/v1/tenants/${tenantId}/board`)).body;
    expect(board.items.find((i: any) => i.issueId === steady)).toMatchObject({
      state: 'acknowledged',
      deadline: requestedDeadline,
    });
    expect(board.items.map((i: any) => i.issueId)).not.toContain(clean);

    const empty = await kpis.get(`/v1/tenants/${tenantId}/kpis?from=2020-01-01&to=2020-02-01`);
    expect(empty.body.district).toMatchObject({ cases: 0, closureRate: null, averageRating: null });
    expect(empty.body.byGrid).toEqual([]);
  });

  it('answers a bad KPI period with 400 and the wrong district with 403', async () => {
    const kpis = httpClient(analyticsUrl, await as.dispatcher(tenantId));
    const backwards = await kpis.get(`/v1/tenants/${tenantId}/kpis?from=2026-12-01&to=2026-11-01`);
    expect([backwards.status, backwards.body.code, backwards.body.details[0].field]).toEqual([
      400,
      'VALIDATION_FAILED',
      'from',
    ]);
    const garbage = await kpis.get(`/v1/tenants/${tenantId}/kpis?from=yesterday`);
    expect([garbage.status, garbage.body.details[0].field]).toEqual([400, 'from']);
    expect((await kpis.get(`/v1/tenants/${tenantId}/kpis?from=2020-01-01&to=2026-01-01`)).status).toBe(400);
    const wrong = await kpis.as(await as.districtAdmin(otherId)).get(`/v1/tenants/${tenantId}/kpis`);
    expect([wrong.status, wrong.body.code]).toEqual([403, 'FORBIDDEN_DISTRICT']);
    const other = await kpis.as(await as.dispatcher(otherId)).get(`/v1/tenants/${otherId}/kpis`);
    expect(other.body.district).toMatchObject({ cases: 1, closed: 0 });
    // The city sees every district, and each on its own; district staff do not get the city's numbers.
    const city = await kpis.as(await as.cityViewer()).get('/v1/city/kpis');
    expect(city.body.city).toMatchObject({ cases: 5, closed: 2, closureRate: 0.4, reworked: 1 });
    expect(city.body.byDistrict).toEqual([
      expect.objectContaining({ tenantId, cases: 4, closed: 2 }),
      expect.objectContaining({ tenantId: otherId, cases: 1, closed: 0 }),
    ]);
    expect((await kpis.get('/v1/city/kpis')).status).toBe(403);
    expect((await kpis.as(await as.cityViewer()).get('/v1/city/kpis?from=2026-12-01&to=2026-11-01')).status).toBe(400);
  });

  it('documents the feed as text/event-stream and the board and KPI parameters in OpenAPI', async () => {
    const doc = (await httpClient(analyticsUrl).get('/openapi.json')).body;
    expect(Object.keys(doc.paths['/v1/tenants/{tenantId}/feed'].get.responses['200'].content)).toEqual([
      'text/event-stream',
    ]);
    expect(Object.keys(doc.paths['/v1/city/feed'].get.responses['200'].content)).toEqual(['text/event-stream']);
    const names = (path: string) => doc.paths[path].get.parameters.map((p: { name: string }) => p.name);
    expect(names('/v1/tenants/{tenantId}/board')).toEqual(
      expect.arrayContaining(['level', 'overdue', 'critical', 'limit', 'offset']),
    );
    expect(names('/v1/tenants/{tenantId}/kpis')).toEqual(expect.arrayContaining(['from', 'to']));
    // Errors come from the features' catalogues: each status once, naming every code a client may get.
    const boardErrors = doc.paths['/v1/tenants/{tenantId}/board'].get.responses;
    expect(boardErrors['404'].description).toMatch(/^TENANT_NOT_FOUND: .*; GRID_NOT_FOUND: /);
    expect(boardErrors['403'].description).toMatch(/FORBIDDEN_ROLE: .*FORBIDDEN_DISTRICT: .*OUTSIDE_YOUR_GRID: /);
    expect(boardErrors['400'].content['application/json'].schema.$ref).toBe('#/components/schemas/ApiErrorView');
  });
});

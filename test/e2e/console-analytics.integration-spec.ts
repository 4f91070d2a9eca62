import { randomUUID } from 'node:crypto';
import { eventually, httpClient, HttpResult } from '@gridline/testing';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/**
 * What the dispatch-centre console reads from analytics, on the real services: the board narrowed to a category or
 * to a street, community or grid (by where a case is held or where it was first dispatched), with place names; and
 * the KPIs broken down by day, category, street and community, which must add up to the district's own numbers.
 */
describe('the console’s board filters and KPI breakdowns', () => {
  const tenantId = 'consoletown';
  const otherId = 'consoleother';
  let platform: PlatformUnderTest;
  let dispatchUrl: string;
  let analyticsUrl: string;
  let centre: ReturnType<typeof httpClient>;
  const grid: Record<string, string> = {};
  const issue: Record<string, string> = {};
  const reporter = 'test:consoletown:resident:reporter';

  beforeAll(async () => {
    platform = await startPlatform('console', ['grid-registry', 'issue-dispatch', 'analytics']);
    dispatchUrl = platform.services['issue-dispatch'].baseUrl;
    analyticsUrl = platform.services.analytics.baseUrl;
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
    await make(tenantId, 'streetA', { level: 'street', parentId: null, name: '大学路街道' });
    await make(tenantId, 'communityA1', { level: 'community', parentId: grid.streetA, name: '桃源社区' });
    await make(tenantId, 'level3', { level: 'grid', parentId: grid.communityA1, name: '第一网格' });
    await make(tenantId, 'microA', { level: 'micro', parentId: grid.level3, name: '47号院' });
    await make(tenantId, 'communityA2', { level: 'community', parentId: grid.streetA, name: '汝河社区' });
    await make(tenantId, 'microA2', { level: 'micro', parentId: grid.communityA2, name: '汝河路22号院' });
    await make(tenantId, 'streetB', { level: 'street', parentId: null, name: '嵩山路街道' });
    await make(tenantId, 'communityB1', { level: 'community', parentId: grid.streetB, name: '嵩山社区' });
    await make(tenantId, 'microB', { level: 'micro', parentId: grid.communityB1, name: '1号楼' });
    await make(otherId, 'otherStreet', { level: 'street', parentId: null, name: '金水街道' });

    // `fast` leaves the micro-grid after 2 seconds and then waits at the level-3 grid; the others wait ten minutes.
    const ten = { micro: 600, grid: 600, community: 600, street: 600, district: 600, city: 600 };
    const admin = httpClient(dispatchUrl, await as.districtAdmin(tenantId));
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
    expect(
      (
        await admin.put(`/v1/tenants/${tenantId}/categories/drain`, {
          name: '排水',
          ackWithinSeconds: ten,
          resolveWithinSeconds: ten,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await admin.put(`/v1/tenants/${tenantId}/categories/fast`, {
          name: '急',
          ackWithinSeconds: { ...ten, micro: 2 },
          resolveWithinSeconds: ten,
        })
      ).status,
    ).toBe(200);
    centre = httpClient(dispatchUrl, await as.dispatcher(tenantId));

    issue.steadyA = await report('steady', 'microA');
    issue.drainA2 = await report('drain', 'microA2');
    issue.drainB = await report('drain', 'microB');
    issue.climbed = await report('fast', 'microA');
    issue.atStreet = await report('steady', 'streetB');
    // One case taken, handled and closed, so the KPIs have times to measure.
    issue.closed = await report('steady', 'microA');
    const worker = await as.worker(tenantId, grid.microA);
    await act(worker, issue.closed, 'acknowledge');
    await act(worker, issue.closed, 'start-work');
    await act(worker, issue.closed, 'resolve');
    await act(await as.resident(tenantId, reporter), issue.closed, 'verify', { passed: true });
    await act(await as.dispatcher(tenantId), issue.closed, 'close');

    const board = httpClient(analyticsUrl, await as.dispatcher(tenantId));
    await eventually(
      'analytics to fold every case, the climbed one at the level-3 grid and the closed one closed',
      async () => {
        const [open, kpis] = [
          (await board.get(`/v1/tenants/${tenantId}/board`)).body,
          (await board.get(`/v1/tenants/${tenantId}/kpis`)).body,
        ];
        const climbed = open?.items?.find((i: any) => i.issueId === issue.climbed);
        return (
          open?.total === 5 && climbed?.level === 'grid' && kpis?.district?.cases === 6 && kpis.district.closed === 1
        );
      },
      40_000,
    );
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  async function report(category: string, at: string): Promise<string> {
    const client = httpClient(dispatchUrl, await as.resident(tenantId, reporter));
    return eventually('a report to be dispatched', async () => {
      const r = await client.post(`/v1/tenants/${tenantId}/issues`, {
        category,
        gridId: grid[at],
        description: '井盖松动',
        reporter: { name: '李先生', phone: '13800000000' },
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

  const boardOf = async (query: string, path = `/v1/tenants/${tenantId}/board`, token?: string) => {
    const r = await httpClient(analyticsUrl, token ?? (await as.dispatcher(tenantId))).get(`${path}${query}`);
    expect([query, r.status]).toEqual([query, 200]);
    return r.body;
  };
  const idsOf = (view: any) => (view.items as Array<{ issueId: string }>).map((i) => i.issueId).sort();
  const named = (...keys: string[]) => keys.map((key) => issue[key]).sort();

  it('narrows the board to a street, a community or a grid by where a case is held or was first dispatched', async () => {
    expect(idsOf(await boardOf(`?gridId=${grid.streetA}`))).toEqual(named('steadyA', 'drainA2', 'climbed'));
    expect(idsOf(await boardOf(`?gridId=${grid.streetB}`))).toEqual(named('drainB', 'atStreet'));
    expect(idsOf(await boardOf(`?gridId=${grid.communityA2}`))).toEqual(named('drainA2'));
    // The climbed case is held by the level-3 grid now, but was first dispatched to 47号院: both find it.
    expect(idsOf(await boardOf(`?gridId=${grid.level3}`))).toEqual(named('steadyA', 'climbed'));
    expect(idsOf(await boardOf(`?gridId=${grid.microA}`))).toEqual(named('steadyA', 'climbed'));
    expect(idsOf(await boardOf(`?gridId=${grid.microA2}&level=grid`))).toEqual([]);
    // The city board takes a grid too, and keeps to its district.
    expect(idsOf(await boardOf(`?gridId=${grid.communityB1}`, '/v1/city/board', await as.cityViewer()))).toEqual(
      named('drainB'),
    );
  });

  it('shows a grid leader the board of their own grids only, and refuses a grid outside them', async () => {
    const leader = await as.leader(tenantId, grid.level3);
    const own = await boardOf('', `/v1/tenants/${tenantId}/board`, leader);
    // The level-3 grid's subtree: the case at 47号院 and the one that climbed from it; nothing from 汝河社区 or 嵩山路街道.
    expect([idsOf(own), own.total]).toEqual([named('steadyA', 'climbed'), 2]);
    expect(
      own.levels.find((l: any) => l.level === 'micro').open + own.levels.find((l: any) => l.level === 'grid').open,
    ).toBe(2);
    expect(idsOf(await boardOf(`?gridId=${grid.microA}`, `/v1/tenants/${tenantId}/board`, leader))).toEqual(
      named('steadyA', 'climbed'),
    );
    const outside = await httpClient(analyticsUrl, leader).get(
      `/v1/tenants/${tenantId}/board?gridId=${grid.communityA2}`,
    );
    expect([outside.status, outside.body.code]).toEqual([403, 'OUTSIDE_YOUR_GRID']);
    const otherDistrict = await httpClient(analyticsUrl, leader).get(`/v1/tenants/${otherId}/board`);
    expect(otherDistrict.status).toBe(403);
  });

  it('narrows the board and its level counts to a category, and counts levels within the grid but without the other filters', async () => {
    expect(idsOf(await boardOf('?category=drain'))).toEqual(named('drainA2', 'drainB'));
    const both = await boardOf(`?category=drain&gridId=${grid.streetA}`);
    expect([idsOf(both), both.total]).toEqual([named('drainA2'), 1]);
    const inStreet = await boardOf(`?gridId=${grid.streetA}&level=micro`);
    expect(idsOf(inStreet)).toEqual(named('steadyA', 'drainA2'));
    const open = Object.fromEntries(inStreet.levels.map((l: any) => [l.level, l.open]));
    expect(open).toEqual({ micro: 2, grid: 1, community: 0, street: 0, district: 0, city: 0 });
    const everywhere = await boardOf('');
    expect(everywhere.levels.reduce((sum: number, l: any) => sum + l.open, 0)).toBe(everywhere.total);
  });

  it('names the holder grid and the grid a case was first dispatched to', async () => {
    const view = await boardOf('');
    const climbed = view.items.find((i: any) => i.issueId === issue.climbed);
    expect(climbed).toMatchObject({
      level: 'grid',
      gridId: grid.level3,
      gridName: '第一网格',
      originGridId: grid.microA,
      originGridName: '47号院',
      depth: 1,
    });
    const atStreet = view.items.find((i: any) => i.issueId === issue.atStreet);
    expect(atStreet).toMatchObject({
      level: 'street',
      gridId: grid.streetB,
      gridName: '嵩山路街道',
      originGridId: grid.streetB,
      originGridName: '嵩山路街道',
    });
  });

  it('answers a grid the district does not have with 404 and a malformed category or grid id with 400', async () => {
    const board = httpClient(analyticsUrl, await as.dispatcher(tenantId));
    for (const gridId of [randomUUID(), grid.otherStreet]) {
      const r = await board.get(`/v1/tenants/${tenantId}/board?gridId=${gridId}`);
      expect([r.status, r.body.code]).toEqual([404, 'GRID_NOT_FOUND']);
    }
    const cityUnknown = await board.as(await as.cityViewer()).get(`/v1/city/board?gridId=${randomUUID()}`);
    expect([cityUnknown.status, cityUnknown.body.code]).toEqual([404, 'GRID_NOT_FOUND']);
    for (const [query, field] of [
      ['?category=Fire%20Lane', 'category'],
      ['?category=x', 'category'],
      ['?gridId=47', 'gridId'],
    ]) {
      const r = await board.get(`/v1/tenants/${tenantId}/board${query}`);
      expect([query, r.status, r.body.code, r.body.details?.[0]?.field]).toEqual([
        query,
        400,
        'VALIDATION_FAILED',
        field,
      ]);
    }
  });

  it('breaks the KPIs down by day, category, street and community, every breakdown adding up to the district’s numbers', async () => {
    const kpis = httpClient(analyticsUrl, await as.dispatcher(tenantId));
    // Two Shanghai days back to a minute ahead: the day rows include the empty days before today.
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const period = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const district = (await kpis.get(`/v1/tenants/${tenantId}/kpis?${period}`)).body;
    expect(district.district).toMatchObject({
      cases: 6,
      closed: 1,
      closedOnTime: 1,
      averageRating: null,
      maxDepth: 1,
      averageDepth: 0.17,
    });
    expect(district.district.medianAckSeconds).toEqual(expect.any(Number));
    expect(district.district.medianCloseSeconds).toBeGreaterThanOrEqual(district.district.medianAckSeconds);

    const numbers = (row: Record<string, unknown>) => {
      const { key: _key, name: _name, depthHistogram: _bars, ...rest } = row;
      return rest;
    };
    const views: Record<string, any> = {};
    for (const by of ['day', 'category', 'street', 'community']) {
      const r = await kpis.get(`/v1/tenants/${tenantId}/kpis/breakdown?by=${by}&${period}`);
      expect([by, r.status]).toEqual([by, 200]);
      const view = r.body;
      views[by] = view;
      expect(view).toMatchObject({ tenantId, from: district.from, to: district.to, by, timeZone: 'Asia/Shanghai' });
      expect(numbers(view.district)).toEqual(district.district);
      expect(view.district.depthHistogram).toEqual([
        { depth: 0, cases: 5 },
        { depth: 1, cases: 1 },
      ]);
      const sum = (field: string) => view.rows.reduce((total: number, row: any) => total + row[field], 0);
      for (const field of ['cases', 'closed', 'closedOnTime', 'reworked', 'extended', 'rated'])
        expect([by, field, sum(field)]).toEqual([by, field, district.district[field]]);
    }

    const days = views.day.rows;
    expect(days.length).toBeGreaterThanOrEqual(3);
    expect(days.map((d: any) => d.key)).toEqual([...days.map((d: any) => d.key)].sort());
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(days.find((d: any) => d.key === today)).toMatchObject({ cases: 6, closed: 1, closureRate: 0.1667 });
    expect(days[0]).toMatchObject({ cases: 0, closureRate: null, medianAckSeconds: null, averageDepth: null });

    expect(views.category.rows.map((r: any) => [r.key, r.cases])).toEqual([
      ['steady', 3],
      ['drain', 2],
      ['fast', 1],
    ]);
    expect(views.category.rows.find((r: any) => r.key === 'steady')).toMatchObject({ closed: 1, closureRate: 0.3333 });
    expect(views.street.rows.map((r: any) => [r.key, r.name, r.cases])).toEqual([
      [grid.streetA, '大学路街道', 4],
      [grid.streetB, '嵩山路街道', 2],
    ]);
    // The case first dispatched to a street has no community: it is the unknown row, last.
    const ones = [
      [grid.communityA2, '汝河社区', 1],
      [grid.communityB1, '嵩山社区', 1],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(views.community.rows.map((r: any) => [r.key, r.name, r.cases])).toEqual([
      [grid.communityA1, '桃源社区', 3],
      ...ones,
      [null, null, 1],
    ]);
  });

  it('answers a bad breakdown with 400 naming the allowed values, and another district’s staff with 403', async () => {
    const kpis = httpClient(analyticsUrl, await as.dispatcher(tenantId));
    for (const query of ['?by=week', '']) {
      const r = await kpis.get(`/v1/tenants/${tenantId}/kpis/breakdown${query}`);
      expect([query, r.status, r.body.code, r.body.details?.[0]?.field]).toEqual([
        query,
        400,
        'VALIDATION_FAILED',
        'by',
      ]);
      expect(JSON.stringify(r.body.details)).toContain('day, category, street, community');
    }
    const backwards = await kpis.get(`/v1/tenants/${tenantId}/kpis/breakdown?by=day&from=2026-12-01&to=2026-11-01`);
    expect([backwards.status, backwards.body.details[0].field]).toEqual([400, 'from']);
    const wrong = await kpis.as(await as.dispatcher(otherId)).get(`/v1/tenants/${tenantId}/kpis/breakdown?by=day`);
    expect([wrong.status, wrong.body.code]).toEqual([403, 'FORBIDDEN_DISTRICT']);
    expect(
      (await kpis.as(await as.leader(tenantId, grid.microA)).get(`/v1/tenants/${tenantId}/kpis/breakdown?by=day`))
        .status,
    ).toBe(403);
    expect((await kpis.as(await as.cityViewer()).get(`/v1/tenants/${tenantId}/kpis/breakdown?by=street`)).status).toBe(
      200,
    );
  });

  it('documents the new board filters and the breakdown in OpenAPI', async () => {
    const doc = (await httpClient(analyticsUrl).get('/openapi.json')).body;
    const names = (path: string) => doc.paths[path].get.parameters.map((p: { name: string }) => p.name);
    expect(names('/v1/tenants/{tenantId}/board')).toEqual(expect.arrayContaining(['category', 'gridId']));
    expect(names('/v1/city/board')).toEqual(expect.arrayContaining(['category', 'gridId']));
    expect(names('/v1/tenants/{tenantId}/kpis/breakdown')).toEqual(expect.arrayContaining(['by', 'from', 'to']));
  });
});

import { GridMoved, GridRetired, Topics } from '@gridline/contracts';
import { eventually, httpClient, HttpResult, sleep } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/**
 * Editing the grid tree on the real database and broker: rename, move (with the cycle and level rules and the
 * code rewrite), retire, the effective-dated history behind `?asOf=`, and issue-dispatch's replica following.
 */
describe('grid tree edits', () => {
  const tenantId = 'erqi';
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let registry: ReturnType<typeof httpClient>;
  let adminToken: string;
  const grid: Record<string, string> = {};
  const grids = () => `/v1/tenants/${tenantId}/grids`;

  /** The shared client has no PATCH; this is the same call with one. */
  async function patch(path: string, body: unknown, token = adminToken): Promise<HttpResult> {
    const response = await fetch(`${platform.services['grid-registry'].baseUrl}${path}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  /** Everything a refused edit could have touched. */
  async function storedTree(): Promise<unknown> {
    return platform.database.query(
      `SELECT (SELECT json_agg(g ORDER BY g.id) FROM (SELECT id, parent_id, code, name, status, version FROM grid_registry.grids) g) AS grids,
              (SELECT count(*)::int FROM grid_registry.grid_versions) AS versions,
              (SELECT count(*)::int FROM grid_registry.grid_addresses) AS claims`,
    );
  }

  beforeAll(async () => {
    platform = await startPlatform('tree-edits', ['grid-registry', 'issue-dispatch']);
    adminToken = await as.districtAdmin(tenantId);
    registry = httpClient(platform.services['grid-registry'].baseUrl, adminToken);
    recorder = await new EventRecorder(EventRecorder.kafka()).start([platform.topic(Topics.gridChanges.name)]);
    expect(
      (
        await registry
          .as(await as.cityAdmin())
          .post('/v1/tenants', { tenantId, divisionCode: '410103', name: '二七区' })
      ).status,
    ).toBe(201);
    const create = async (key: string, body: Record<string, unknown>) => {
      const response = await registry.post(grids(), body);
      expect(response.status).toBe(201);
      grid[key] = response.body.gridId;
    };
    await create('street', { level: 'street', parentId: null, name: '大学路街道' });
    await create('taoyuan', { level: 'community', parentId: grid.street, name: '桃源社区' });
    await create('jinhai', { level: 'community', parentId: grid.street, name: '金海社区' });
    await create('first', { level: 'grid', parentId: grid.taoyuan, name: '第一网格' });
    await create('second', { level: 'grid', parentId: grid.jinhai, name: '第二网格' });
    await create('micro', { level: 'micro', parentId: grid.first, name: '汝河路22号院', leader: { name: '刘鸣' } });
    await create('court47', { level: 'micro', parentId: grid.first, name: '47号院' });
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  it('renames a grid, keeps its code, and refuses a name a sibling already has', async () => {
    const before = (await registry.get(`${grids()}/${grid.micro}`)).body;
    const renamed = await patch(`${grids()}/${grid.micro}`, { name: '汝河路22号院（东）' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: '汝河路22号院（东）',
      code: before.code,
      version: before.version + 1,
      status: 'active',
      leader: { name: '刘鸣' },
    });
    const duplicate = await patch(`${grids()}/${grid.court47}`, { name: '汝河路22号院（东）' });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'DUPLICATE_GRID_NAME']);
  });

  it('refuses moves that would break the tree, and stores nothing for them', async () => {
    const before = await storedTree();
    const cases: Array<[string, string, Record<string, unknown>, number, string]> = [
      [
        'a community under its own level-3 grid',
        grid.taoyuan,
        { newParentId: grid.first },
        422,
        'MOVE_WOULD_CREATE_CYCLE',
      ],
      ['a grid under itself', grid.first, { newParentId: grid.first }, 422, 'MOVE_WOULD_CREATE_CYCLE'],
      [
        'a micro-grid straight under a street',
        grid.micro,
        { newParentId: grid.street },
        422,
        'WRONG_LEVEL_UNDER_PARENT',
      ],
      [
        'a level-3 grid under another level-3 grid',
        grid.first,
        { newParentId: grid.second },
        422,
        'WRONG_LEVEL_UNDER_PARENT',
      ],
      ['an unknown parent', grid.micro, { newParentId: '00000000-0000-4000-8000-000000000000' }, 422, 'UNKNOWN_PARENT'],
      [
        'a date in the future',
        grid.micro,
        { newParentId: grid.second, effectiveFrom: '2999-01-01T00:00:00Z' },
        422,
        'EFFECTIVE_DATE_IN_FUTURE',
      ],
      [
        'a date before the grid existed',
        grid.micro,
        { newParentId: grid.second, effectiveFrom: '2001-01-01' },
        422,
        'EFFECTIVE_DATE_TOO_EARLY',
      ],
      ['a parent that is not a UUID', grid.micro, { newParentId: 'second' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [what, gridId, body, status, code] of cases) {
      const response = await registry.post(`${grids()}/${gridId}/move`, body);
      expect({ what, status: response.status, code: response.body.code }).toEqual({ what, status, code });
    }
    // A leader of 桃源社区 may not take a grid out of their community into another one.
    const outside = await registry
      .as(await as.leader(tenantId, grid.taoyuan))
      .post(`${grids()}/${grid.micro}/move`, { newParentId: grid.second });
    expect([outside.status, outside.body.code]).toEqual([403, 'OUTSIDE_YOUR_GRID']);
    expect(await storedTree()).toEqual(before);
  });

  it("moves a micro-grid to another level-3 grid with a new code, and issue-dispatch's replica follows", async () => {
    const old = (await registry.get(`${grids()}/${grid.micro}`)).body;
    const second = (await registry.get(`${grids()}/${grid.second}`)).body;
    await sleep(20);
    const beforeMove = new Date().toISOString();
    await sleep(20);

    const moved = await registry.post(`${grids()}/${grid.micro}/move`, { newParentId: grid.second });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: grid.second, version: old.version + 1, leader: { name: '刘鸣' } });
    expect(moved.body.code).toBe(`${second.code}001`);
    await sleep(20);
    const afterMove = new Date().toISOString();

    await eventually('the dispatch replica to put the micro-grid under its new parent', async () => {
      const rows = await platform.database.query<{ parent_id: string; code: string }>(
        'SELECT parent_id, code FROM issue_dispatch.grid_replica WHERE grid_id = $1',
        [grid.micro],
      );
      return rows[0]?.parent_id === grid.second && rows[0].code === moved.body.code;
    });
    const fact = await recorder.waitForEvent('GridMoved', (e) => e.type === GridMoved.type && e.subject === grid.micro);
    expect(fact.data).toMatchObject({
      fromParentId: grid.first,
      toParentId: grid.second,
      fromCode: old.code,
      toCode: moved.body.code,
      descendantsRecoded: 0,
    });

    // The tree as it was: an issue reported before the move still belongs under 第一网格.
    const then = await registry.get(`${grids()}/${grid.micro}?asOf=${encodeURIComponent(beforeMove)}`);
    expect(then.status).toBe(200);
    expect(then.body).toMatchObject({
      parentId: grid.first,
      code: old.code,
      name: '汝河路22号院（东）',
      validTo: expect.any(String),
    });
    const now = await registry.get(`${grids()}/${grid.micro}?asOf=${encodeURIComponent(afterMove)}`);
    expect(now.body).toMatchObject({ parentId: grid.second, code: moved.body.code, validTo: null });
    const underFirstThen = (
      await registry.get(`${grids()}?asOf=${encodeURIComponent(beforeMove)}&parentId=${grid.first}`)
    ).body;
    expect(underFirstThen.map((g: { gridId: string }) => g.gridId).sort()).toEqual([grid.micro, grid.court47].sort());
    const underFirstNow = (await registry.get(`${grids()}?parentId=${grid.first}`)).body;
    expect(underFirstNow.map((g: { gridId: string }) => g.gridId)).toEqual([grid.court47]);
    const beforeAnything = await registry.get(`${grids()}/${grid.micro}?asOf=2001-01-01T00:00:00Z`);
    expect([beforeAnything.status, beforeAnything.body.code]).toEqual([404, 'GRID_NOT_FOUND']);
  });

  it("rewrites the codes of a moved grid's descendants in the same change", async () => {
    const moved = await registry.post(`${grids()}/${grid.first}/move`, { newParentId: grid.jinhai });
    expect(moved.status).toBe(200);
    const jinhai = (await registry.get(`${grids()}/${grid.jinhai}`)).body;
    expect(moved.body.code).toBe(`${jinhai.code}02`); // 第二网格 holds 01
    const court = (await registry.get(`${grids()}/${grid.court47}`)).body;
    expect(court).toMatchObject({ parentId: grid.first, code: `${moved.body.code}002` }); // its own suffix (the second micro-grid of 第一网格) kept
    await eventually('the dispatch replica to re-code the micro-grid below', async () => {
      const rows = await platform.database.query<{ code: string }>(
        'SELECT code FROM issue_dispatch.grid_replica WHERE grid_id = $1',
        [grid.court47],
      );
      return rows[0]?.code === court.code;
    });
  });

  it('retires a grid only once it has no active children, and leaves it out of lists', async () => {
    const before = await storedTree();
    const refused = await registry.post(`${grids()}/${grid.second}/retire`, {});
    expect([refused.status, refused.body.code]).toEqual([422, 'GRID_HAS_CHILDREN']);
    expect(await storedTree()).toEqual(before);

    const retired = await registry.post(`${grids()}/${grid.micro}/retire`, {});
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ gridId: grid.micro, status: 'retired', addresses: [] });
    await recorder.waitForEvent('GridRetired', (e) => e.type === GridRetired.type && e.subject === grid.micro);

    const listed = (await registry.get(`${grids()}?parentId=${grid.second}`)).body;
    expect(listed).toEqual([]);
    const withRetired = (await registry.get(`${grids()}?parentId=${grid.second}&includeRetired=true`)).body;
    expect(withRetired.map((g: { gridId: string; status: string }) => [g.gridId, g.status])).toEqual([
      [grid.micro, 'retired'],
    ]);
    expect((await patch(`${grids()}/${grid.micro}`, { name: 'again' })).body.code).toBe('GRID_RETIRED');
    // With its only child retired, 第二网格 may go too.
    expect((await registry.post(`${grids()}/${grid.second}/retire`, {})).status).toBe(200);
  });
});

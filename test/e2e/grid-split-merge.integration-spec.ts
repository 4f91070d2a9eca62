import { GridCreated, GridsMerged, GridSplit, MemberStateChanged, Topics } from '@gridline/contracts';
import { eventually, httpClient } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { rectangle } from '../support/geometry';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/**
 * Communities re-draw their grids every week: merging sibling grids and splitting one into several, on the real
 * database and broker, with children, places, addresses, boundaries and memberships changing hands, the resolve
 * index and issue-dispatch's replica following, and every refused plan leaving everything as it was.
 */
describe('splitting and merging grids', () => {
  const tenantId = 'erqi';
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let registry: ReturnType<typeof httpClient>;
  const grid: Record<string, string> = {};
  const place: Record<string, string> = {};
  const grids = `/v1/tenants/${tenantId}/grids`;
  const resolve = (query: string) => registry.get(`/v1/tenants/${tenantId}/resolve?${query}`);

  /** Everything a refused split or merge could have touched. */
  async function storedState(): Promise<unknown> {
    return platform.database.query(
      `SELECT (SELECT json_agg(g ORDER BY g.id) FROM (SELECT id, parent_id, code, name, status, version, addresses FROM grid_registry.grids) g) AS grids,
              (SELECT json_agg(p ORDER BY p.id) FROM (SELECT id, grid_id, version FROM grid_registry.places) p) AS places,
              (SELECT json_agg(m ORDER BY m.id) FROM (SELECT id, grid_id, ended_at FROM grid_registry.members) m) AS members,
              (SELECT count(*)::int FROM grid_registry.grid_versions) AS versions,
              (SELECT count(*)::int FROM grid_registry.grid_boundaries) AS boundaries`,
    );
  }

  beforeAll(async () => {
    platform = await startPlatform('split-merge', ['grid-registry', 'issue-dispatch']);
    registry = httpClient(platform.services['grid-registry'].baseUrl, await as.districtAdmin(tenantId));
    recorder = await new EventRecorder(EventRecorder.kafka()).start([
      platform.topic(Topics.gridChanges.name),
      platform.topic(Topics.memberState.name),
    ]);
    const city = registry.as(await as.cityAdmin());
    expect((await city.post('/v1/tenants', { tenantId, divisionCode: '410103', name: '二七区' })).status).toBe(201);
    expect(
      (await city.post('/v1/tenants', { tenantId: 'jinshui', divisionCode: '410105', name: '金水区' })).status,
    ).toBe(201);
    const create = async (key: string, body: Record<string, unknown>, district = tenantId, client = registry) => {
      const response = await client.post(`/v1/tenants/${district}/grids`, body);
      expect(response.status).toBe(201);
      grid[key] = response.body.gridId;
    };
    await create('street', { level: 'street', parentId: null, name: '大学路街道' });
    await create('community', { level: 'community', parentId: grid.street, name: '桃源社区' });
    await create('first', { level: 'grid', parentId: grid.community, name: '第一网格' });
    await create('second', {
      level: 'grid',
      parentId: grid.community,
      name: '第二网格',
      addresses: ['桃源路1号', '桃源路2号'],
    });
    await create('school', { level: 'grid', parentId: grid.community, name: '桃源小学', dedicated: 'school' });
    await create('micro47', {
      level: 'micro',
      parentId: grid.first,
      name: '47号院',
      addresses: ['嵩山路47号院'],
      leader: { name: '刘鸣', phone: '13800000001' },
    });
    await create('micro22', {
      level: 'micro',
      parentId: grid.first,
      name: '汝河路22号院',
      addresses: ['汝河路22号院'],
      leader: { name: '张三', phone: '13800000002' },
    });
    await create('east', { level: 'micro', parentId: grid.second, name: '东院' });
    await create('west', { level: 'micro', parentId: grid.second, name: '西院' });
    await create('foreign', { level: 'street', parentId: null, name: '经八路街道' }, 'jinshui', city);

    const draw = async (key: string, boundary: ReturnType<typeof rectangle>) =>
      expect((await registry.put(`${grids}/${grid[key]}/boundary`, boundary)).status).toBe(200);
    await draw('micro47', rectangle(113.6, 34.7, 113.605, 34.705));
    await draw('micro22', rectangle(113.605, 34.7, 113.61, 34.705));
    await draw('second', rectangle(113.62, 34.7, 113.64, 34.71));
    const register = async (key: string, body: Record<string, unknown>) => {
      const response = await registry.post(`/v1/tenants/${tenantId}/places`, body);
      expect(response.status).toBe(201);
      place[key] = response.body.placeId;
    };
    await register('court22', {
      kind: 'courtyard',
      name: '汝河路22号院',
      address: '汝河路22号院',
      gridId: grid.micro22,
    });
    await register('building22', {
      kind: 'building',
      name: '1号楼',
      address: '汝河路22号院1号楼',
      gridId: grid.micro22,
      parentPlaceId: place.court22,
    });
    await register('hall', { kind: 'courtyard', name: '桃源活动中心', address: '桃源路3号', gridId: grid.second });
    await register('market', { kind: 'courtyard', name: '桃源菜市场', address: '桃源路4号', gridId: grid.second });
    expect((await registry.post(`${grids}/${grid.micro22}/members`, { name: '李四', role: 'worker' })).status).toBe(
      201,
    );
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  it('refuses merges that would break the tree, and changes nothing for them', async () => {
    const before = await storedState();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const cases: Array<[string, string, Record<string, unknown>, number, string]> = [
      ['grids of two levels', grid.micro47, { absorbedGridIds: [grid.first] }, 422, 'MERGE_ACROSS_LEVELS'],
      ['grids under two parents', grid.micro47, { absorbedGridIds: [grid.east] }, 422, 'MERGE_ACROSS_PARENTS'],
      ['a plain and a dedicated grid', grid.first, { absorbedGridIds: [grid.school] }, 422, 'MERGE_ACROSS_KINDS'],
      ['a grid into itself', grid.micro47, { absorbedGridIds: [grid.micro47] }, 422, 'MERGE_INTO_ITSELF'],
      ['an unknown grid', grid.micro47, { absorbedGridIds: [unknown] }, 422, 'UNKNOWN_GRID'],
      ["another district's grid", grid.micro47, { absorbedGridIds: [grid.foreign] }, 422, 'UNKNOWN_GRID'],
      [
        'a broken merged boundary',
        grid.micro47,
        {
          absorbedGridIds: [grid.micro22],
          boundary: {
            type: 'Polygon',
            coordinates: [
              [
                [113.6, 34.7],
                [113.61, 34.7],
              ],
            ],
          },
        },
        422,
        'INVALID_POLYGON',
      ],
      [
        'a date in the future',
        grid.micro47,
        { absorbedGridIds: [grid.micro22], effectiveFrom: '2999-01-01T00:00:00Z' },
        422,
        'EFFECTIVE_DATE_IN_FUTURE',
      ],
      ['no grid to absorb', grid.micro47, { absorbedGridIds: [] }, 400, 'VALIDATION_FAILED'],
      ['an id that is not a UUID', grid.micro47, { absorbedGridIds: ['micro22'] }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [what, survivor, body, status, code] of cases) {
      const response = await registry.post(`${grids}/${survivor}/merge`, body);
      expect({ what, status: response.status, code: response.body.code }).toEqual({ what, status, code });
    }
    // A leader of one micro-grid may not merge it with its neighbour: both must lie strictly inside their grid.
    const leader = await registry
      .as(await as.leader(tenantId, grid.micro47))
      .post(`${grids}/${grid.micro47}/merge`, { absorbedGridIds: [grid.micro22] });
    expect([leader.status, leader.body.code]).toEqual([403, 'OUTSIDE_YOUR_GRID']);
    const foreign = await registry
      .as(await as.districtAdmin('jinshui'))
      .post(`${grids}/${grid.micro47}/merge`, { absorbedGridIds: [grid.micro22] });
    expect(foreign.status).toBe(403);
    expect(await storedState()).toEqual(before);
  });

  it('merges a micro-grid into its neighbour: places, addresses, area and people follow, and routing with them', async () => {
    const beforeMerge = new Date().toISOString();
    const leaderOfFirst = registry.as(await as.leader(tenantId, grid.first));
    const merged = await leaderOfFirst.post(`${grids}/${grid.micro47}/merge`, { absorbedGridIds: [grid.micro22] });
    expect([merged.status, merged.body.message]).toEqual([200, undefined]);
    expect(merged.body).toMatchObject({
      gridId: grid.micro47,
      status: 'active',
      addresses: ['嵩山路47号院', '汝河路22号院'],
      leader: { name: '刘鸣' },
    });

    const absorbed = (await registry.get(`${grids}/${grid.micro22}`)).body;
    expect(absorbed).toMatchObject({ status: 'retired', addresses: [], leader: null });
    // The history still knows the absorbed grid as it was the moment before.
    expect((await registry.get(`${grids}/${grid.micro22}?asOf=${encodeURIComponent(beforeMerge)}`)).body).toMatchObject(
      { status: 'active', name: '汝河路22号院' },
    );
    const [{ places, courtyard, building }] = await platform.database.query<{
      places: number;
      courtyard: string;
      building: string;
    }>(
      `SELECT (SELECT count(*)::int FROM grid_registry.places WHERE grid_id = $1) AS places,
              (SELECT grid_id FROM grid_registry.places WHERE id = $2) AS courtyard,
              (SELECT grid_id FROM grid_registry.places WHERE id = $3) AS building`,
      [grid.micro22, place.court22, place.building22],
    );
    expect({ places, courtyard, building }).toEqual({ places: 0, courtyard: grid.micro47, building: grid.micro47 });

    const boundary = (await registry.get(`${grids}/${grid.micro47}/boundary`)).body;
    expect(boundary.boundary.type).toBe('MultiPolygon');
    expect(boundary.boundary.coordinates).toHaveLength(2);
    expect((await registry.get(`${grids}/${grid.micro22}/boundary`)).status).toBe(404);
    // Read-your-writes: the point that lay in the absorbed grid and its address resolve to the survivor at once.
    expect((await resolve('lon=113.608&lat=34.702')).body.gridId).toBe(grid.micro47);
    expect((await resolve(`address=${encodeURIComponent('汝河路22号院1号楼')}`)).body).toMatchObject({
      gridId: grid.micro47,
      placeId: place.building22,
    });

    const fact = await recorder.waitForEvent(
      'GridsMerged',
      (e) => e.type === GridsMerged.type && e.subject === grid.micro47,
    );
    expect(fact.data).toMatchObject({
      tenantId,
      gridId: grid.micro47,
      level: 'micro',
      absorbedGridIds: [grid.micro22],
      childGridsMoved: 0,
      placesMoved: 2,
      membershipsEnded: 2,
    });
    // The absorbed grid's leader and worker ended with it, and said so on member-state.
    const ended = await recorder.waitForEvent(
      'an ended membership',
      (e) =>
        e.type === MemberStateChanged.type &&
        (e.data as { gridId: string; active: boolean }).gridId === grid.micro22 &&
        !(e.data as { active: boolean }).active,
    );
    expect(ended.data).not.toHaveProperty('phone');
    const [{ active }] = await platform.database.query<{ active: number }>(
      `SELECT count(*)::int AS active FROM grid_registry.members WHERE grid_id = $1 AND ended_at IS NULL`,
      [grid.micro22],
    );
    expect(active).toBe(0);

    // issue-dispatch routes by its own replica, which follows the place and boundary changes from the topics.
    const dispatch = httpClient(platform.services['issue-dispatch'].baseUrl, await as.districtAdmin(tenantId));
    await eventually(
      'dispatch to know the district',
      async () =>
        (
          await dispatch.put(`/v1/tenants/${tenantId}/categories/street-lighting`, {
            name: '路灯',
            ackWithinSeconds: { micro: 600, grid: 600, community: 600, street: 600, district: 600, city: 600 },
          })
        ).status === 200,
    );
    await eventually('the replica to move the courtyard', async () => {
      const rows = await platform.database.query<{ grid_id: string }>(
        'SELECT grid_id FROM issue_dispatch.place_replica WHERE place_id = $1',
        [place.court22],
      );
      return rows[0]?.grid_id === grid.micro47;
    });
    const report = await dispatch.as(await as.resident(tenantId)).post(`/v1/tenants/${tenantId}/issues`, {
      category: 'street-lighting',
      description: '路灯不亮',
      reporter: { name: '王女士' },
      address: '汝河路22号院',
    });
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({ holderGridId: grid.micro47 });
  });

  it('refuses a split plan that leaves something behind or gives it twice, naming each problem, and changes nothing', async () => {
    const before = await storedState();
    const east = {
      name: '第二网格东',
      childIds: [grid.east],
      placeIds: [place.hall],
      addresses: ['桃源路1号'],
      boundary: rectangle(113.62, 34.7, 113.63, 34.71),
    };
    const west = {
      name: '第二网格西',
      childIds: [grid.west],
      placeIds: [place.market],
      addresses: ['桃源路2号'],
      boundary: rectangle(113.63, 34.7, 113.64, 34.71),
    };

    const orphan = await registry.post(`${grids}/${grid.second}/split`, { parts: [east, { ...west, childIds: [] }] });
    expect([orphan.status, orphan.body.code]).toEqual([422, 'SPLIT_PLAN_INVALID']);
    expect(orphan.body.details).toEqual([{ field: 'parts[].childIds', reason: expect.stringContaining(grid.west) }]);

    const twice = await registry.post(`${grids}/${grid.second}/split`, {
      parts: [east, { ...west, placeIds: [place.market, place.hall] }],
    });
    expect(twice.body.details).toEqual([
      { field: 'parts[1].placeIds', reason: `place ${place.hall} is already given to parts[0]` },
    ]);

    const noBoundary = await registry.post(`${grids}/${grid.second}/split`, {
      parts: [east, { ...west, boundary: undefined }],
    });
    expect(noBoundary.body.details).toEqual([
      { field: 'parts[1].boundary', reason: expect.stringContaining('needs its own') },
    ]);

    const stranger = await registry.post(`${grids}/${grid.second}/split`, {
      parts: [east, { ...west, placeIds: [place.market, place.court22] }],
    });
    expect(stranger.body.details).toEqual([
      { field: 'parts[1].placeIds', reason: `${place.court22} is not a place of the grid being split` },
    ]);

    const badPolygon = await registry.post(`${grids}/${grid.second}/split`, {
      parts: [
        east,
        {
          ...west,
          boundary: {
            type: 'Polygon',
            coordinates: [
              [
                [113.63, 34.7],
                [113.64, 34.71],
                [113.64, 34.7],
                [113.63, 34.71],
                [113.63, 34.7],
              ],
            ],
          },
        },
      ],
    });
    expect([badPolygon.status, badPolygon.body.code, badPolygon.body.details[0].field]).toEqual([
      422,
      'INVALID_POLYGON',
      'parts[1].boundary.coordinates[0]',
    ]);

    const onePart = await registry.post(`${grids}/${grid.second}/split`, { parts: [east] });
    expect([onePart.status, onePart.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const foreign = await registry
      .as(await as.districtAdmin('jinshui'))
      .post(`${grids}/${grid.second}/split`, { parts: [east, west] });
    expect(foreign.status).toBe(403);
    expect(await storedState()).toEqual(before);
  });

  it('splits a level-3 grid into two new grids that share out its micro-grids, places, addresses and area', async () => {
    const oldCode = (await registry.get(`${grids}/${grid.second}`)).body.code;
    const split = await registry.post(`${grids}/${grid.second}/split`, {
      parts: [
        {
          name: '第二网格东',
          childIds: [grid.east],
          placeIds: [place.hall],
          addresses: ['桃源路1号'],
          boundary: rectangle(113.62, 34.7, 113.63, 34.71),
          leader: { name: '王芳' },
        },
        {
          name: '第二网格西',
          childIds: [grid.west],
          placeIds: [place.market],
          addresses: ['桃源路2号'],
          boundary: rectangle(113.63, 34.7, 113.64, 34.71),
        },
      ],
    });
    expect(split.status).toBe(200);
    expect(split.body.split).toMatchObject({ gridId: grid.second, status: 'retired', code: oldCode });
    const [eastPart, westPart] = split.body.parts as Array<{
      gridId: string;
      code: string;
      parentId: string;
      level: string;
      leader: unknown;
      addresses: string[];
    }>;
    expect(eastPart).toMatchObject({
      name: '第二网格东',
      level: 'grid',
      parentId: grid.community,
      addresses: ['桃源路1号'],
      leader: { name: '王芳' },
    });
    expect(westPart).toMatchObject({
      name: '第二网格西',
      level: 'grid',
      parentId: grid.community,
      addresses: ['桃源路2号'],
      leader: null,
    });
    expect(new Set([eastPart.code, westPart.code, oldCode]).size).toBe(3);

    // The micro-grids moved with their part and were re-coded under it.
    const eastMicro = (await registry.get(`${grids}/${grid.east}`)).body;
    expect(eastMicro).toMatchObject({ parentId: eastPart.gridId, status: 'active' });
    expect(eastMicro.code.startsWith(eastPart.code)).toBe(true);
    expect((await registry.get(`${grids}/${grid.west}`)).body.parentId).toBe(westPart.gridId);

    expect((await resolve('lon=113.625&lat=34.705')).body.gridId).toBe(eastPart.gridId);
    expect((await resolve('lon=113.635&lat=34.705')).body.gridId).toBe(westPart.gridId);
    expect((await resolve(`address=${encodeURIComponent('桃源路4号')}`)).body).toMatchObject({
      gridId: westPart.gridId,
      placeId: place.market,
    });

    const fact = await recorder.waitForEvent(
      'GridSplit',
      (e) => e.type === GridSplit.type && e.subject === grid.second,
    );
    expect(fact.data).toMatchObject({
      gridId: grid.second,
      code: oldCode,
      partGridIds: [eastPart.gridId, westPart.gridId],
      childGridsMoved: 2,
      placesMoved: 2,
    });
    // Each part is a new grid like any other, announced as created under the same parent.
    const created = await recorder.waitForEvent(
      'GridCreated for a part',
      (e) => e.type === GridCreated.type && e.subject === westPart.gridId,
    );
    expect(created.data).toMatchObject({ tenantId, level: 'grid', parentId: grid.community, code: westPart.code });
    // The new leader is announced like any member, without a phone on the public topic.
    await recorder.waitForEvent(
      'the new leader',
      (e) =>
        e.type === MemberStateChanged.type &&
        (e.data as { gridId: string; role: string }).gridId === eastPart.gridId &&
        (e.data as { role: string }).role === 'leader',
    );

    // A retired grid can be split no more.
    const again = await registry.post(`${grids}/${grid.second}/split`, { parts: [{ name: 'a' }, { name: 'b' }] });
    expect([again.status, again.body.code]).toEqual([422, 'GRID_RETIRED']);
  });
});

import { GridBoundaryChanged, PlaceStateChanged, Topics } from '@gridline/contracts';
import { eventually, httpClient } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { rectangle } from '../support/geometry';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/**
 * Boundaries, places and the resolve query in grid-registry, and issue-dispatch routing reports by location
 * from its own replica of them — both services as processes on the real database and broker.
 *
 *   street 大学路街道      113.600–113.640 × 34.700–34.740
 *   community 桃源社区      113.600–113.620 × 34.700–34.720
 *   level-3 第一网格        113.600–113.610 × 34.700–34.710
 *   micro 47号院            113.600–113.605 × 34.700–34.705
 *   micro 汝河路22号院      113.605–113.610 × 34.700–34.705
 *   dedicated school (grid) 113.603–113.607 × 34.703–34.707  (over a corner of both micro-grids)
 */
describe('places and routing by location', () => {
  const tenantId = 'erqi';
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let registry: ReturnType<typeof httpClient>;
  let dispatch: ReturnType<typeof httpClient>;
  const grid: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startPlatform('places', ['grid-registry', 'issue-dispatch']);
    const admin = await as.districtAdmin(tenantId);
    registry = httpClient(platform.services['grid-registry'].baseUrl, admin);
    dispatch = httpClient(platform.services['issue-dispatch'].baseUrl, await as.resident(tenantId));
    recorder = await new EventRecorder(EventRecorder.kafka()).start([
      platform.topic(Topics.gridBoundaries.name),
      platform.topic(Topics.placeState.name),
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
    await create('level3', { level: 'grid', parentId: grid.community, name: '第一网格' });
    await create('micro47', { level: 'micro', parentId: grid.level3, name: '47号院' });
    await create('micro22', { level: 'micro', parentId: grid.level3, name: '汝河路22号院' });
    await create('school', { level: 'grid', parentId: grid.community, name: '桃源小学', dedicated: 'school' });
    await create('foreignStreet', { level: 'street', parentId: null, name: '经八路街道' }, 'jinshui', city);
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  const boundaries: Record<string, ReturnType<typeof rectangle>> = {
    street: rectangle(113.6, 34.7, 113.64, 34.74),
    community: rectangle(113.6, 34.7, 113.62, 34.72),
    level3: rectangle(113.6, 34.7, 113.61, 34.71),
    micro47: rectangle(113.6, 34.7, 113.605, 34.705),
    micro22: rectangle(113.605, 34.7, 113.61, 34.705),
    school: rectangle(113.603, 34.703, 113.607, 34.707),
  };

  const resolve = (query: string) => registry.get(`/v1/tenants/${tenantId}/resolve?${query}`);

  it('stores boundaries, bumps the grid version and announces each on the grid-boundaries topic', async () => {
    for (const [key, boundary] of Object.entries(boundaries)) {
      const response = await registry.put(`/v1/tenants/${tenantId}/grids/${grid[key]}/boundary`, boundary);
      expect({ key, status: response.status }).toEqual({ key, status: 200 });
    }
    const micro = (await registry.get(`/v1/tenants/${tenantId}/grids/${grid.micro47}/boundary`)).body;
    expect(micro).toMatchObject({
      gridId: grid.micro47,
      bbox: [113.6, 34.7, 113.605, 34.705],
      positions: 5,
      version: 2,
    });
    expect((await registry.get(`/v1/tenants/${tenantId}/grids/${grid.micro47}`)).body.version).toBe(2);

    const event = await recorder.waitForEvent(
      'the micro-grid boundary',
      (e) => e.type === GridBoundaryChanged.type && e.subject === grid.micro47,
    );
    expect(event.data).toEqual({
      gridId: grid.micro47,
      tenantId,
      boundary: boundaries.micro47,
      bbox: [113.6, 34.7, 113.605, 34.705],
      version: 2,
    });
    expect(recorder.messages.find((m) => m.event?.id === event.id)?.key).toBe(grid.micro47);

    // The same boundary again is no change: no version, no event.
    expect(
      (await registry.put(`/v1/tenants/${tenantId}/grids/${grid.micro47}/boundary`, boundaries.micro47)).body.version,
    ).toBe(2);
  });

  it('resolves a point to the deepest grid containing it, a dedicated grid winning where it overlaps', async () => {
    const inMicro = await resolve('lon=113.601&lat=34.701');
    expect(inMicro.status).toBe(200);
    expect(inMicro.body).toMatchObject({
      gridId: grid.micro47,
      level: 'micro',
      name: '47号院',
      dedicated: null,
      matchedBy: 'boundary',
      placeId: null,
    });
    expect(inMicro.body.code).toMatch(/^410103\d{11}$/);
    expect((await resolve('lon=113.609&lat=34.701')).body.gridId).toBe(grid.micro22);
    // Over the school's corner: the dedicated level-3 grid beats both micro-grids.
    expect((await resolve('lon=113.604&lat=34.704')).body).toMatchObject({
      gridId: grid.school,
      dedicated: 'school',
      level: 'grid',
    });
    expect((await resolve('lon=113.606&lat=34.704')).body.gridId).toBe(grid.school);
    // Inside the level-3 grid but in no micro-grid, inside the community only, inside the street only.
    expect((await resolve('lon=113.609&lat=34.709')).body.gridId).toBe(grid.level3);
    expect((await resolve('lon=113.615&lat=34.715')).body.gridId).toBe(grid.community);
    expect((await resolve('lon=113.630&lat=34.730')).body.gridId).toBe(grid.street);

    const outside = await resolve('lon=113.70&lat=34.70');
    expect([outside.status, outside.body.code]).toEqual([404, 'LOCATION_NOT_IN_DISTRICT']);
    const otherDistrict = await registry
      .as(await as.districtAdmin('jinshui'))
      .get('/v1/tenants/jinshui/resolve?lon=113.601&lat=34.701');
    expect([otherDistrict.status, otherDistrict.body.code]).toEqual([404, 'LOCATION_NOT_IN_DISTRICT']);
    for (const query of [
      'lon=113.6',
      'lon=200&lat=34.7',
      'lon=abc&lat=34.7',
      'lon=113.6&lat=34.7&address=47号院',
      '',
    ]) {
      const bad = await resolve(query);
      expect({ query, status: bad.status, code: bad.body.code }).toEqual({
        query,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });

  it('resolves a batch of points and addresses in one request, answering each as the single query does', async () => {
    const batch = (locations: unknown[], client = registry) =>
      client.post(`/v1/tenants/${tenantId}/resolve/batch`, { locations });
    const answered = await batch([
      { lon: 113.601, lat: 34.701 },
      { lon: 113.7, lat: 34.7 },
      { lon: 113.604, lat: 34.704 },
    ]);
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ resolved: 2, missed: 1 });
    expect(
      answered.body.results.map(
        (r: { resolution: { gridId: string } | null; miss: { code: string } | null }) =>
          r.resolution?.gridId ?? r.miss?.code,
      ),
    ).toEqual([grid.micro47, 'LOCATION_NOT_IN_DISTRICT', grid.school]);
    expect(answered.body.results[0].resolution).toEqual((await resolve('lon=113.601&lat=34.701')).body);

    const cases: Array<[string, unknown[], string]> = [
      [
        'an item with both forms',
        [
          { lon: 113.601, lat: 34.701 },
          { lon: 113.6, lat: 34.7, address: '47号院' },
        ],
        'locations[1]',
      ],
      ['lon without lat', [{ lon: 113.601 }], 'locations[0].lat'],
      ['an empty batch', [], 'locations'],
      ['1,001 locations', Array.from({ length: 1001 }, () => ({ lon: 113.601, lat: 34.701 })), 'locations'],
    ];
    for (const [what, locations, field] of cases) {
      const refused = await batch(locations);
      expect({ what, status: refused.status, code: refused.body.code }).toEqual({
        what,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect({ what, fields: refused.body.details.map((d: { field: string }) => d.field) }).toEqual({
        what,
        fields: expect.arrayContaining([expect.stringContaining(field)]),
      });
    }
    // Batches are a staff tool; residents resolve one location at a time. Another district's staff see nothing here.
    expect((await batch([{ lon: 113.601, lat: 34.701 }], registry.as(await as.resident(tenantId)))).status).toBe(403);
    expect((await batch([{ lon: 113.601, lat: 34.701 }], registry.as(await as.districtAdmin('jinshui')))).status).toBe(
      403,
    );
  });

  it('follows a removed and a redrawn boundary at once', async () => {
    expect((await registry.as().get(`/v1/tenants/${tenantId}/resolve?lon=113.609&lat=34.701`)).status).toBe(401);
    const url = `/v1/tenants/${tenantId}/grids/${grid.micro22}/boundary`;
    const del = await fetch(`${platform.services['grid-registry'].baseUrl}${url}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await as.districtAdmin(tenantId)}` },
    });
    expect(del.status).toBe(204);
    expect((await resolve('lon=113.609&lat=34.701')).body.gridId).toBe(grid.level3);
    const tombstone = await recorder.waitForEvent(
      'the removal',
      (e) =>
        e.type === GridBoundaryChanged.type &&
        e.subject === grid.micro22 &&
        (e.data as { boundary: unknown }).boundary === null,
    );
    expect(tombstone.data).toMatchObject({ bbox: null, version: 3 });
    expect((await registry.put(url, boundaries.micro22)).body.version).toBe(4);
    expect((await resolve('lon=113.609&lat=34.701')).body.gridId).toBe(grid.micro22);
  });

  it('picks up, within about a second, a change another replica or use case committed', async () => {
    // As another grid-registry replica would: rename the level-3 grid and give it a new version, straight in PostgreSQL.
    await platform.database.query(
      `UPDATE grid_registry.grids SET name = '第一网格(改)', version = version + 1, updated_at = now() WHERE id = $1`,
      [grid.level3],
    );
    await eventually(
      'the index to follow',
      async () => (await resolve('lon=113.609&lat=34.709')).body.name === '第一网格(改)',
      5000,
      100,
    );
    await platform.database.query(
      `UPDATE grid_registry.grids SET name = '第一网格', version = version + 1, updated_at = now() WHERE id = $1`,
      [grid.level3],
    );
    await eventually(
      'the index to follow back',
      async () => (await resolve('lon=113.609&lat=34.709')).body.name === '第一网格',
      5000,
      100,
    );
  });

  it('refuses invalid polygons with 422 naming the ring, and stores nothing', async () => {
    const url = `/v1/tenants/${tenantId}/grids/${grid.micro47}/boundary`;
    const before = await platform.database.query(
      'SELECT geometry, version FROM grid_registry.grid_boundaries WHERE grid_id = $1',
      [grid.micro47],
    );
    // Rounded so the body stays under the 256 kB limit (beyond it the answer is 413 PAYLOAD_TOO_LARGE).
    const many = Array.from({ length: 10_001 }, (_, i) => [
      Number((113.6 + 0.001 * Math.cos(i)).toFixed(5)),
      Number((34.7 + 0.001 * Math.sin(i)).toFixed(5)),
    ]);
    const cases: Array<[string, unknown, string, string]> = [
      [
        'an open ring',
        {
          type: 'Polygon',
          coordinates: [
            [
              [113.6, 34.7],
              [113.605, 34.7],
              [113.605, 34.705],
              [113.6, 34.705],
            ],
          ],
        },
        'INVALID_POLYGON',
        'not closed',
      ],
      [
        'a self-intersecting ring',
        {
          type: 'Polygon',
          coordinates: [
            [
              [113.6, 34.7],
              [113.605, 34.705],
              [113.605, 34.7],
              [113.6, 34.705],
              [113.6, 34.7],
            ],
          ],
        },
        'INVALID_POLYGON',
        'intersects itself',
      ],
      [
        'a clockwise outer ring',
        { type: 'Polygon', coordinates: [[...boundaries.micro47.coordinates[0]].reverse()] },
        'INVALID_POLYGON',
        'runs clockwise',
      ],
      [
        'latitude and longitude swapped',
        {
          type: 'Polygon',
          coordinates: [
            [
              [34.7, 113.6],
              [34.705, 113.6],
              [34.705, 113.605],
              [34.7, 113.6],
            ],
          ],
        },
        'INVALID_POLYGON',
        'outside [-90, 90]',
      ],
      [
        'a point instead of a polygon',
        { type: 'Point', coordinates: [113.6, 34.7] },
        'INVALID_POLYGON',
        "'Polygon' or 'MultiPolygon'",
      ],
      [
        'ten thousand and one positions',
        { type: 'Polygon', coordinates: [many] },
        'POLYGON_TOO_COMPLEX',
        'at most 10000',
      ],
    ];
    for (const [what, body, code, reason] of cases) {
      const response = await registry.put(url, body);
      expect({ what, status: response.status, code: response.body.code }).toEqual({ what, status: 422, code });
      expect({ what, reason: response.body.details.map((d: { reason: string }) => d.reason).join('; ') }).toEqual({
        what,
        reason: expect.stringContaining(reason),
      });
    }
    const wrongWinding = await registry.put(url, {
      type: 'Polygon',
      coordinates: [[...boundaries.micro47.coordinates[0]].reverse()],
    });
    expect(wrongWinding.body.details).toEqual([
      { field: 'coordinates[0]', reason: expect.stringContaining('the outer ring runs clockwise') },
    ]);
    const unknownField = await registry.put(url, { ...boundaries.micro47, colour: 'red' });
    expect([unknownField.status, unknownField.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    expect(
      await platform.database.query('SELECT geometry, version FROM grid_registry.grid_boundaries WHERE grid_id = $1', [
        grid.micro47,
      ]),
    ).toEqual(before);
    expect((await registry.get(`/v1/tenants/${tenantId}/grids/${grid.micro47}`)).body.version).toBe(2);
    expect((await resolve('lon=113.601&lat=34.701')).body.gridId).toBe(grid.micro47);
  });

  it('registers courtyards and buildings and resolves their addresses however they are spelled', async () => {
    const courtyard = await registry.post(`/v1/tenants/${tenantId}/places`, {
      kind: 'courtyard',
      name: '47号院',
      address: ' 嵩山路　４７号院 ',
      gridId: grid.micro47,
      point: { lon: 113.601, lat: 34.701 },
    });
    expect(courtyard.status).toBe(201);
    expect(courtyard.body).toMatchObject({
      kind: 'courtyard',
      address: '嵩山路47号院',
      gridId: grid.micro47,
      parentPlaceId: null,
      point: { lon: 113.601, lat: 34.701 },
      version: 1,
    });
    const building = await registry.post(`/v1/tenants/${tenantId}/places`, {
      kind: 'building',
      name: '1号楼',
      address: '嵩山路47号院1号楼',
      gridId: grid.micro47,
      parentPlaceId: courtyard.body.placeId,
    });
    expect(building.status).toBe(201);
    const ruhe = await registry.post(`/v1/tenants/${tenantId}/places`, {
      kind: 'courtyard',
      name: '汝河路22号院',
      address: '汝河路22号院',
      gridId: grid.micro22,
    });
    expect(ruhe.status).toBe(201);

    expect((await resolve(`address=${encodeURIComponent('嵩山路 47 号院')}`)).body).toEqual({
      gridId: grid.micro47,
      level: 'micro',
      code: expect.any(String),
      name: '47号院',
      dedicated: null,
      matchedBy: 'address',
      placeId: courtyard.body.placeId,
    });
    expect((await resolve(`address=${encodeURIComponent('嵩山路47号院1号楼')}`)).body.placeId).toBe(
      building.body.placeId,
    );
    const unknown = await resolve(`address=${encodeURIComponent('不存在的院')}`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'LOCATION_NOT_IN_DISTRICT']);

    const listed = await registry.get(`/v1/tenants/${tenantId}/places?gridId=${grid.micro47}`);
    expect(listed.body.map((p: { address: string }) => p.address)).toEqual(['嵩山路47号院', '嵩山路47号院1号楼']);
    expect((await registry.get(`/v1/tenants/${tenantId}/places/${building.body.placeId}`)).body).toMatchObject({
      parentPlaceId: courtyard.body.placeId,
      kind: 'building',
    });

    const event = await recorder.waitForEvent(
      'the courtyard state',
      (e) => e.type === PlaceStateChanged.type && e.subject === courtyard.body.placeId,
    );
    expect(event.data).toEqual({
      placeId: courtyard.body.placeId,
      tenantId,
      gridId: grid.micro47,
      parentPlaceId: null,
      kind: 'courtyard',
      name: '47号院',
      address: '嵩山路47号院',
      point: { lon: 113.601, lat: 34.701 },
      version: 1,
    });
    expect(recorder.messages.find((m) => m.event?.id === event.id)?.key).toBe(courtyard.body.placeId);
  });

  it('refuses a place in another district’s grid, a foreign parent, a taken address and a point outside the grid', async () => {
    const count = async () =>
      (await platform.database.query<{ n: number }>('SELECT count(*)::int AS n FROM grid_registry.places'))[0].n;
    const before = await count();
    const jinshui = registry.as(await as.districtAdmin('jinshui'));
    const foreignCourtyard = await jinshui.post('/v1/tenants/jinshui/places', {
      kind: 'courtyard',
      name: '经八路1号院',
      address: '经八路1号院',
      gridId: grid.foreignStreet,
    });
    expect(foreignCourtyard.status).toBe(201);
    const courtyardOf47 = (await registry.get(`/v1/tenants/${tenantId}/places?gridId=${grid.micro47}`)).body[0].placeId;

    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      [
        'a grid of another district',
        { kind: 'courtyard', name: 'x', address: '别处1号', gridId: grid.foreignStreet },
        422,
        'UNKNOWN_GRID',
      ],
      [
        'an unknown grid',
        { kind: 'courtyard', name: 'x', address: '别处2号', gridId: '00000000-0000-4000-8000-000000000000' },
        422,
        'UNKNOWN_GRID',
      ],
      [
        'a parent place of another district',
        {
          kind: 'building',
          name: 'x',
          address: '别处3号',
          gridId: grid.micro47,
          parentPlaceId: foreignCourtyard.body.placeId,
        },
        422,
        'UNKNOWN_PARENT_PLACE',
      ],
      [
        'a stairwell straight in a courtyard',
        { kind: 'stairwell', name: 'x', address: '别处4号', gridId: grid.micro47, parentPlaceId: courtyardOf47 },
        422,
        'WRONG_PLACE_KIND_UNDER_PARENT',
      ],
      [
        'a point outside the grid',
        {
          kind: 'courtyard',
          name: 'x',
          address: '别处5号',
          gridId: grid.micro47,
          point: { lon: 113.609, lat: 34.701 },
        },
        422,
        'POINT_OUTSIDE_GRID',
      ],
      [
        'an address taken in another spelling',
        { kind: 'courtyard', name: 'x', address: '嵩山路 ４７号院', gridId: grid.micro22 },
        409,
        'ADDRESS_TAKEN',
      ],
      [
        'an unknown kind',
        { kind: 'garage', name: 'x', address: '别处6号', gridId: grid.micro47 },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a latitude out of range',
        { kind: 'poi', name: 'x', address: '别处7号', gridId: grid.micro47, point: { lon: 113.6, lat: 134.7 } },
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [what, body, status, code] of cases) {
      const response = await registry.post(`/v1/tenants/${tenantId}/places`, body);
      expect({ what, status: response.status, code: response.body.code }).toEqual({ what, status, code });
    }
    expect(await count()).toBe(before + 1);
    // A resident may resolve but not draw boundaries.
    const resident = registry.as(await as.resident(tenantId));
    expect((await resident.get(`/v1/tenants/${tenantId}/resolve?lon=113.601&lat=34.701`)).status).toBe(200);
    expect(
      (await resident.put(`/v1/tenants/${tenantId}/grids/${grid.micro47}/boundary`, boundaries.micro47)).status,
    ).toBe(403);
  });

  it('routes a report by location to the right grid in issue-dispatch, from its own replica', async () => {
    const configure = dispatch.as(await as.districtAdmin(tenantId));
    const windows = { micro: 600, grid: 600, community: 600, street: 600, district: 600, city: 600 };
    await eventually(
      'dispatch to know the district',
      async () =>
        (
          await configure.put(`/v1/tenants/${tenantId}/categories/street-lighting`, {
            name: '路灯',
            ackWithinSeconds: windows,
          })
        ).status === 200,
    );
    // Poll until the replica holds every boundary (the last one redrawn) and place: no call to grid-registry.
    await eventually('the replica to hold the boundaries and places', async () => {
      const [{ boundaries: b, places: p, redrawn }] = await platform.database.query<{
        boundaries: number;
        places: number;
        redrawn: number;
      }>(
        `SELECT (SELECT count(*)::int FROM issue_dispatch.grid_boundary_replica WHERE tenant_id = 'erqi' AND boundary IS NOT NULL) AS boundaries,
                (SELECT count(*)::int FROM issue_dispatch.place_replica WHERE tenant_id = 'erqi') AS places,
                (SELECT version FROM issue_dispatch.grid_boundary_replica WHERE grid_id = $1) AS redrawn`,
        [grid.micro22],
      );
      return (
        b === 6 &&
        p === 3 &&
        redrawn === 4 &&
        (await platform.database.query('SELECT 1 FROM issue_dispatch.grid_replica WHERE grid_id = $1', [grid.school]))
          .length === 1
      );
    });

    const report = (where: Record<string, unknown>) =>
      dispatch.post(`/v1/tenants/${tenantId}/issues`, {
        category: 'street-lighting',
        description: '路灯不亮',
        reporter: { name: '王女士' },
        ...where,
      });
    const byLocation = await report({ location: { lon: 113.609, lat: 34.701 } });
    expect(byLocation.status).toBe(201);
    expect(byLocation.body).toMatchObject({
      holderGridId: grid.micro22,
      holderLevel: 'micro',
      originGridId: grid.micro22,
    });
    const history = await dispatch
      .as(await as.districtAdmin(tenantId))
      .get(`/v1/tenants/${tenantId}/issues/${byLocation.body.id}/history`);
    expect(history.body.find((h: { action: string }) => h.action === 'dispatched').reason).toBe(
      'deepest grid for location',
    );
    const [stored] = await platform.database.query(
      'SELECT location_lon, location_lat FROM issue_dispatch.issues WHERE id = $1',
      [byLocation.body.id],
    );
    expect(stored).toEqual({ location_lon: 113.609, location_lat: 34.701 });

    expect((await report({ location: { lon: 113.606, lat: 34.704 } })).body.holderGridId).toBe(grid.school);
    expect((await report({ address: '汝河路 ２２号院' })).body.holderGridId).toBe(grid.micro22);
    expect((await report({ address: '不存在的院', location: { lon: 113.601, lat: 34.701 } })).body.holderGridId).toBe(
      grid.micro47,
    );

    const before = await platform.database.query<{ n: number }>('SELECT count(*)::int AS n FROM issue_dispatch.issues');
    const outside = await report({ location: { lon: 113.7, lat: 34.7 } });
    expect([outside.status, outside.body.code]).toEqual([422, 'LOCATION_NOT_IN_DISTRICT']);
    const nowhere = await report({});
    expect([nowhere.status, nowhere.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const badPoint = await report({ location: { lon: 'east', lat: 34.7 } });
    expect([badPoint.status, badPoint.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(
      await platform.database.query<{ n: number }>('SELECT count(*)::int AS n FROM issue_dispatch.issues'),
    ).toEqual(before);
  });
  it('routes an address listed by grids to a dedicated grid first, then the deepest; a registered place wins', async () => {
    const create = async (body: Record<string, unknown>): Promise<string> => {
      const response = await registry.post(`/v1/tenants/${tenantId}/grids`, body);
      expect([response.status, response.body.message]).toEqual([201, undefined]);
      return response.body.gridId;
    };
    // A level-3 grid and its micro-grid both list 文化宫路8号; a dedicated market grid and a micro-grid list 9号.
    const level3Of8 = await create({
      level: 'grid',
      parentId: grid.community,
      name: '文化宫网格',
      addresses: ['文化宫路8号'],
    });
    const micro8 = await create({ level: 'micro', parentId: level3Of8, name: '8号院', addresses: ['文化宫路8号'] });
    const market9 = await create({
      level: 'grid',
      parentId: grid.community,
      name: '文化宫市场',
      dedicated: 'market',
      addresses: ['文化宫路9号'],
    });
    const micro9 = await create({ level: 'micro', parentId: level3Of8, name: '9号院', addresses: ['文化宫路9号'] });
    // The dispatch replica follows grid-registry's events; a grid listing the place's address does not move it.
    const alsoListing22 = await create({
      level: 'grid',
      parentId: grid.community,
      name: '汝河路网格',
      addresses: ['汝河路22号院'],
    });
    await eventually('the replica to hold the new grids', async () => {
      const rows = await platform.database.query('SELECT 1 FROM issue_dispatch.grid_replica WHERE grid_id = ANY($1)', [
        [level3Of8, micro8, market9, micro9, alsoListing22],
      ]);
      return rows.length === 5;
    });

    const routedTo = async (address: string) => {
      const answer = await dispatch.post(`/v1/tenants/${tenantId}/issues`, {
        category: 'street-lighting',
        description: '路灯不亮',
        reporter: { name: '王女士' },
        address,
      });
      expect([answer.status, answer.body.message]).toEqual([201, undefined]);
      return answer.body.holderGridId;
    };
    expect(await routedTo('文化宫路8号')).toBe(micro8);
    expect(await routedTo(' 文化宫路9号 ')).toBe(market9);
    expect(await routedTo('汝河路22号院')).toBe(grid.micro22);

    // Simultaneous reports' lookups go together in one statement: each still gets its own address's grid.
    const addresses = ['文化宫路8号', ' 文化宫路9号 ', '汝河路22号院', '无人登记的地址'];
    const expected = [micro8, market9, grid.micro22, null];
    const together = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        dispatch.post(`/v1/tenants/${tenantId}/issues`, {
          category: 'street-lighting',
          description: '同时报告',
          reporter: { name: '王女士' },
          address: addresses[i % 4],
        }),
      ),
    );
    expect(together.map((answer) => [answer.status, answer.body.holderGridId ?? null])).toEqual(
      Array.from({ length: 12 }, (_, i) => [201, expected[i % 4]]),
    );
  });
});

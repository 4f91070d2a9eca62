import { eventually, httpClient } from '@gridline/testing';
import { PlatformUnderTest } from './platform-under-test';
import { as } from './tokens';

/** Counter-clockwise rectangle: a valid RFC 7946 outer ring. */
const rectangle = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

export interface IntakeDistrict {
  readonly grid: Readonly<Record<'street' | 'community' | 'level3' | 'micro47' | 'micro22' | 'foreignStreet', string>>;
  /** The courtyard 嵩山路47号院 in micro-grid 47 (a registered place with a point). */
  readonly placeId: string;
}

/**
 * The district the intake specs report into, built through grid-registry's API only, and issue-dispatch's
 * replica waited for (boundaries, places, tenants):
 *
 *   erqi street 大学路街道 113.600–113.640 × 34.700–34.740 → community 桃源社区 113.600–113.620 × 34.700–34.720
 *   → level-3 第一网格 113.600–113.610 × 34.700–34.710 → micro 47号院 113.600–113.605 × 34.700–34.705
 *                                                      → micro 汝河路22号院 113.605–113.610 × 34.700–34.705
 *   jinshui: one street, no boundary. Categories in both: street-lighting, noise (windows of 10 minutes).
 */
export async function buildIntakeDistrict(platform: PlatformUnderTest): Promise<IntakeDistrict> {
  const registry = httpClient(platform.services['grid-registry'].baseUrl, await as.districtAdmin('erqi'));
  const city = registry.as(await as.cityAdmin());
  for (const [tenantId, divisionCode, name] of [
    ['erqi', '410103', '二七区'],
    ['jinshui', '410105', '金水区'],
  ]) {
    const created = await city.post('/v1/tenants', { tenantId, divisionCode, name });
    if (created.status !== 201)
      throw new Error(`district ${tenantId}: ${created.status} ${JSON.stringify(created.body)}`);
  }
  const grid: Record<string, string> = {};
  const create = async (key: string, body: Record<string, unknown>, tenantId = 'erqi', client = registry) => {
    const response = await client.post(`/v1/tenants/${tenantId}/grids`, body);
    if (response.status !== 201) throw new Error(`grid ${key}: ${response.status} ${JSON.stringify(response.body)}`);
    grid[key] = response.body.gridId;
  };
  await create('street', { level: 'street', parentId: null, name: '大学路街道' });
  await create('community', { level: 'community', parentId: grid.street, name: '桃源社区' });
  await create('level3', { level: 'grid', parentId: grid.community, name: '第一网格' });
  await create('micro47', { level: 'micro', parentId: grid.level3, name: '47号院' });
  await create('micro22', { level: 'micro', parentId: grid.level3, name: '汝河路22号院' });
  await create('foreignStreet', { level: 'street', parentId: null, name: '经八路街道' }, 'jinshui', city);
  const boundaries: Record<string, ReturnType<typeof rectangle>> = {
    street: rectangle(113.6, 34.7, 113.64, 34.74),
    community: rectangle(113.6, 34.7, 113.62, 34.72),
    level3: rectangle(113.6, 34.7, 113.61, 34.71),
    micro47: rectangle(113.6, 34.7, 113.605, 34.705),
    micro22: rectangle(113.605, 34.7, 113.61, 34.705),
  };
  for (const [key, boundary] of Object.entries(boundaries)) {
    const response = await registry.put(`/v1/tenants/erqi/grids/${grid[key]}/boundary`, boundary);
    if (response.status !== 200) throw new Error(`boundary ${key}: ${response.status}`);
  }
  const place = await registry.post('/v1/tenants/erqi/places', {
    kind: 'courtyard',
    name: '47号院',
    address: '嵩山路47号院',
    gridId: grid.micro47,
    point: { lon: 113.601, lat: 34.701 },
  });
  if (place.status !== 201) throw new Error(`place: ${place.status} ${JSON.stringify(place.body)}`);

  const windows = { micro: 600, grid: 600, community: 600, street: 600, district: 600, city: 600 };
  for (const tenantId of ['erqi', 'jinshui']) {
    const configure = httpClient(platform.services['issue-dispatch'].baseUrl, await as.districtAdmin(tenantId));
    await eventually(
      `dispatch to know ${tenantId}`,
      async () =>
        (
          await configure.put(`/v1/tenants/${tenantId}/categories/street-lighting`, {
            name: '路灯 street lighting',
            ackWithinSeconds: windows,
          })
        ).status === 200,
    );
    await configure.put(`/v1/tenants/${tenantId}/categories/noise`, { name: '噪音 noise', ackWithinSeconds: windows });
  }
  await eventually('the dispatch replica to hold the boundaries and the place', async () => {
    const [{ boundaries: b, places: p }] = await platform.database.query<{ boundaries: number; places: number }>(
      `SELECT (SELECT count(*)::int FROM issue_dispatch.grid_boundary_replica WHERE tenant_id = 'erqi' AND boundary IS NOT NULL) AS boundaries,
              (SELECT count(*)::int FROM issue_dispatch.place_replica WHERE tenant_id = 'erqi') AS places`,
    );
    return b === 5 && p === 1;
  });
  return { grid: grid as IntakeDistrict['grid'], placeId: place.body.placeId };
}

/**
 * Counts that must not move when a request is refused: issues, their history, timers, and every event the
 * service ever enqueued (the outbox deletes published rows, so its sequence is what counts).
 */
export async function storedCounts(
  platform: PlatformUnderTest,
): Promise<{ issues: number; history: number; timers: number; events: string }> {
  const [row] = await platform.database.query<{ issues: number; history: number; timers: number; events: string }>(
    `SELECT (SELECT count(*)::int FROM issue_dispatch.issues) AS issues,
            (SELECT count(*)::int FROM issue_dispatch.issue_history) AS history,
            (SELECT count(*)::int FROM issue_dispatch.durable_timers) AS timers,
            (SELECT last_value::text || is_called::text FROM issue_dispatch.outbox_seq_seq) AS events`,
  );
  return row;
}

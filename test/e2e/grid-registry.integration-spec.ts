import { GridStateChanged, TenantStateChanged, Topics } from '@gridline/contracts';
import { httpClient } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/** grid-registry on the real database and broker: the tree's rules, tenancy, and the state it publishes. */
describe('grid-registry', () => {
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let registry: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    platform = await startPlatform('registry', ['grid-registry']);
    // A city administrator: districts are created at city level, and this file works in two of them.
    registry = httpClient(platform.services['grid-registry'].baseUrl, await as.cityAdmin());
    recorder = await new EventRecorder(EventRecorder.kafka()).start([
      platform.topic(Topics.tenantState.name),
      platform.topic(Topics.gridState.name),
    ]);
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  async function grid(tenantId: string, body: Record<string, unknown>): Promise<string> {
    const response = await registry.post(`/v1/tenants/${tenantId}/grids`, body);
    expect(response.status).toBe(201);
    return response.body.gridId;
  }

  it('publishes each grid’s state with a code that encodes its ancestors, and keeps the leader’s phone private', async () => {
    expect(
      (await registry.post('/v1/tenants', { tenantId: 'erqi', divisionCode: '410103', name: '二七区' })).status,
    ).toBe(201);
    const street = await grid('erqi', { level: 'street', parentId: null, name: '淮河路街道' });
    const community = await grid('erqi', {
      level: 'community',
      parentId: street,
      name: '金海社区',
      leader: { name: '段秋', phone: '13800000009' },
    });
    const micro = await grid('erqi', {
      level: 'micro',
      parentId: community,
      name: '汝河路22号院',
      addresses: ['汝河路22号院'],
      leader: { name: '刘鸣', phone: '13800000010' },
    });

    const state = await recorder.waitForEvent(
      'the micro-grid state',
      (e) => e.type === GridStateChanged.type && e.subject === micro,
    );
    expect(state.data).toMatchObject({
      gridId: micro,
      parentId: community,
      level: 'micro',
      addresses: ['汝河路22号院'],
      leader: { name: '刘鸣' },
      version: 1,
    });
    expect((state.data as { code: string }).code).toMatch(/^410103\d{3}\d{3}\d{3}$/);
    expect(state.tenantid).toBe('erqi');
    await recorder.waitForEvent(
      'the district state',
      (e) => e.type === TenantStateChanged.type && e.subject === 'erqi',
    );
    const everything =
      JSON.stringify(recorder.messages.map((m) => m.value)) +
      JSON.stringify((await registry.get(`/v1/tenants/erqi/grids/${micro}`)).body);
    expect(everything).not.toContain('13800000010');
    expect(everything).not.toContain('13800000009');
    const key = recorder.messages.find((m) => m.event?.subject === micro)?.key;
    expect(key).toBe(micro);
  });

  it('refuses grids that break the tree, and stores nothing for them', async () => {
    expect(
      (await registry.post('/v1/tenants', { tenantId: 'jinshui', divisionCode: '410105', name: '金水区' })).status,
    ).toBe(201);
    const street = await grid('jinshui', { level: 'street', parentId: null, name: '经八路街道' });
    const foreignStreet = (await registry.get('/v1/tenants/erqi/grids?level=street')).body[0].gridId;
    const before = await platform.database.query<{ n: number }>('SELECT count(*)::int AS n FROM grid_registry.grids');

    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      ['a micro-grid under a street', { level: 'micro', parentId: street, name: 'x' }, 422, 'WRONG_LEVEL_UNDER_PARENT'],
      ['a street with a parent', { level: 'street', parentId: street, name: 'x' }, 422, 'WRONG_LEVEL_UNDER_PARENT'],
      [
        'a community without a parent',
        { level: 'community', parentId: null, name: 'x' },
        422,
        'WRONG_LEVEL_UNDER_PARENT',
      ],
      [
        'an unknown parent',
        { level: 'community', parentId: '00000000-0000-4000-8000-000000000000', name: 'x' },
        422,
        'UNKNOWN_PARENT',
      ],
      [
        'a parent in another district',
        { level: 'community', parentId: foreignStreet, name: 'x' },
        422,
        'UNKNOWN_PARENT',
      ],
      ['an unknown level', { level: 'building', parentId: street, name: 'x' }, 400, 'VALIDATION_FAILED'],
      [
        'an unexpected field',
        { level: 'community', parentId: street, name: 'x', colour: 'red' },
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [what, body, status, code] of cases) {
      const response = await registry.post('/v1/tenants/jinshui/grids', body);
      expect({ what, status: response.status, code: response.body.code }).toEqual({ what, status, code });
    }
    expect(
      (await registry.post('/v1/tenants/jinshui/grids', { level: 'community', parentId: street, name: '重名社区' }))
        .status,
    ).toBe(201);
    const duplicate = await registry.post('/v1/tenants/jinshui/grids', {
      level: 'community',
      parentId: street,
      name: '重名社区',
    });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'DUPLICATE_GRID_NAME']);
    const after = await platform.database.query<{ n: number }>('SELECT count(*)::int AS n FROM grid_registry.grids');
    expect(after[0].n).toBe(before[0].n + 1);
  });

  it('refuses a duplicate district and keeps districts apart', async () => {
    const again = await registry.post('/v1/tenants', { tenantId: 'erqi', divisionCode: '410199', name: 'again' });
    expect([again.status, again.body.code]).toEqual([409, 'TENANT_EXISTS']);
    const sameCode = await registry.post('/v1/tenants', {
      tenantId: 'erqi-2',
      divisionCode: '410103',
      name: 'same code',
    });
    expect([sameCode.status, sameCode.body.code]).toEqual([409, 'TENANT_EXISTS']);
    const erqiGrid = (await registry.get('/v1/tenants/erqi/grids')).body[0].gridId;
    const crossRead = await registry.get(`/v1/tenants/jinshui/grids/${erqiGrid}`);
    expect([crossRead.status, crossRead.body.code]).toEqual([404, 'GRID_NOT_FOUND']);
    const jinshui = (await registry.get('/v1/tenants/jinshui/grids')).body;
    expect(jinshui.every((g: { tenantId: string }) => g.tenantId === 'jinshui')).toBe(true);
  });
});

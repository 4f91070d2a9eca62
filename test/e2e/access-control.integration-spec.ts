import { generateKeyPairSync } from 'node:crypto';
import { eventually, httpClient } from '@gridline/testing';
import { signDevToken } from '../../deploy/auth/dev-token-signer.cjs';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as, token } from '../support/tokens';

/**
 * Every boundary of who-may-do-what, tried from the wrong side against the real services: no or bad token,
 * another district, a grid outside one's own, a resident acting as staff or reading someone else's case, a
 * city viewer trying to change something.
 */
describe('access control across services', () => {
  let platform: PlatformUnderTest;
  const url = { registry: '', dispatch: '', analytics: '' };
  const grid: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startPlatform('access', ['grid-registry', 'issue-dispatch', 'analytics']);
    url.registry = platform.services['grid-registry'].baseUrl;
    url.dispatch = platform.services['issue-dispatch'].baseUrl;
    url.analytics = platform.services.analytics.baseUrl;
    const city = httpClient(url.registry, await as.cityAdmin());
    for (const [tenantId, divisionCode] of [
      ['erqi', '410103'],
      ['jinshui', '410105'],
    ]) {
      expect((await city.post('/v1/tenants', { tenantId, divisionCode, name: tenantId })).status).toBe(201);
    }
    const erqi = httpClient(url.registry, await as.districtAdmin('erqi'));
    const make = async (key: string, body: object) => {
      const r = await erqi.post('/v1/tenants/erqi/grids', body);
      expect(r.status).toBe(201);
      grid[key] = r.body.gridId;
    };
    await make('street', { level: 'street', parentId: null, name: '大学路街道' });
    await make('community', { level: 'community', parentId: grid.street, name: '桃源社区' });
    await make('gridA', { level: 'grid', parentId: grid.community, name: '第一网格' });
    await make('gridB', { level: 'grid', parentId: grid.community, name: '第二网格' });
    await make('microA', { level: 'micro', parentId: grid.gridA, name: '47号院' });
    await make('microB', { level: 'micro', parentId: grid.gridB, name: '汝河路22号院' });
    const admin = httpClient(url.dispatch, await as.districtAdmin('erqi'));
    await eventually(
      'dispatch to know erqi',
      async () =>
        (await admin.put('/v1/tenants/erqi/categories/noise', { name: '噪音', ackWithinSeconds: { micro: 3600 } }))
          .status === 200,
    );
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  async function reportAs(resident: string, gridId: string): Promise<string> {
    const client = httpClient(url.dispatch, await as.resident('erqi', resident));
    return eventually('a report to be accepted', async () => {
      const r = await client.post('/v1/tenants/erqi/issues', {
        category: 'noise',
        gridId,
        description: '夜间施工噪音',
        reporter: { name: resident },
      });
      return r.status === 201 ? (r.body.id as string) : undefined;
    });
  }

  it('refuses requests without a valid token, saying why', async () => {
    const anonymous = await httpClient(url.registry).get('/v1/tenants/erqi/grids');
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    const expired = await httpClient(
      url.registry,
      await token({ sub: 'x', tenant: 'erqi', roles: [{ role: 'district-admin' }] }, { expiresIn: '-1m' }),
    ).get('/v1/tenants/erqi/grids');
    expect([expired.status, expired.body.message]).toEqual([401, 'token rejected: expired']);
    const foreignIssuer = await httpClient(
      url.registry,
      await token({ sub: 'x', tenant: 'erqi', roles: [{ role: 'district-admin' }] }, { issuer: 'someone-else' }),
    ).get('/v1/tenants/erqi/grids');
    expect(foreignIssuer.status).toBe(401);
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const forged = await signDevToken({
      key: privateKey,
      sub: 'mallory',
      tenant: 'erqi',
      roles: [{ role: 'city-admin' }],
      expires: '1h',
    });
    const forgedCall = await httpClient(url.registry, forged).get('/v1/tenants');
    expect([forgedCall.status, forgedCall.body.message]).toEqual([401, 'token rejected: bad signature']);
    expect((await httpClient(url.registry).get('/health')).status).toBe(200);
  });

  it('keeps a district’s staff inside their district in every service', async () => {
    const erqiAdmin = await as.districtAdmin('erqi');
    const attempts = [
      await httpClient(url.registry, erqiAdmin).post('/v1/tenants/jinshui/grids', {
        level: 'street',
        parentId: null,
        name: '越界街道',
      }),
      await httpClient(url.registry, erqiAdmin).get('/v1/tenants/jinshui/grids'),
      await httpClient(url.dispatch, erqiAdmin).put('/v1/tenants/jinshui/categories/noise', {
        name: 'x',
        ackWithinSeconds: {},
      }),
      await httpClient(url.analytics, erqiAdmin).get('/v1/tenants/jinshui/summary'),
    ];
    expect(attempts.map((r) => [r.status, r.body.code])).toEqual(Array(4).fill([403, 'FORBIDDEN_DISTRICT']));
    const seen = await httpClient(url.registry, erqiAdmin).get('/v1/tenants');
    expect(seen.body.map((t: { tenantId: string }) => t.tenantId)).toEqual(['erqi']);
    const creatingDistrict = await httpClient(url.registry, erqiAdmin).post('/v1/tenants', {
      tenantId: 'zhongyuan',
      divisionCode: '410102',
      name: '中原区',
    });
    expect([creatingDistrict.status, creatingDistrict.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it('lets a grid leader act on their grid and below it, and nowhere else', async () => {
    const leaderA = httpClient(url.registry, await as.leader('erqi', grid.gridA));
    expect(
      (await leaderA.post('/v1/tenants/erqi/grids', { level: 'micro', parentId: grid.gridA, name: '47号院2号楼' }))
        .status,
    ).toBe(201);
    const sibling = await leaderA.post('/v1/tenants/erqi/grids', {
      level: 'micro',
      parentId: grid.gridB,
      name: '越界微网格',
    });
    expect([sibling.status, sibling.body.code]).toEqual([403, 'OUTSIDE_YOUR_GRID']);
    const street = await leaderA.post('/v1/tenants/erqi/grids', { level: 'street', parentId: null, name: '越界街道' });
    expect([street.status, street.body.code]).toEqual([403, 'OUTSIDE_YOUR_GRID']);

    const inB = await reportAs('resident-1', grid.microB);
    const inA = await reportAs('resident-1', grid.microA);
    const dispatchA = httpClient(url.dispatch, await as.leader('erqi', grid.gridA));
    const foreign = await dispatchA.post(`/v1/tenants/erqi/issues/${inB}/acknowledge`, {});
    expect([foreign.status, foreign.body.code]).toEqual([403, 'OUTSIDE_YOUR_GRID']);
    expect((await dispatchA.get(`/v1/tenants/erqi/issues/${inB}`)).status).toBe(403);
    const own = await dispatchA.post(`/v1/tenants/erqi/issues/${inA}/acknowledge`, {});
    expect([own.status, own.body.state]).toEqual([200, 'acknowledged']);
    const history = await dispatchA.get(`/v1/tenants/erqi/issues/${inA}/history`);
    expect(history.body.find((h: { action: string }) => h.action === 'acknowledged').actor).toBe(
      `test:erqi:leader:${grid.gridA}`,
    );
  });

  it('lets residents report and follow only their own cases', async () => {
    const mine = await reportAs('resident-2', grid.microA);
    const other = await reportAs('resident-3', grid.microA);
    const me = httpClient(url.dispatch, await as.resident('erqi', 'resident-2'));
    expect((await me.get(`/v1/tenants/erqi/issues/${mine}`)).status).toBe(200);
    expect((await me.get(`/v1/tenants/erqi/issues/${mine}/history`)).status).toBe(200);
    const theirs = await me.get(`/v1/tenants/erqi/issues/${other}`);
    expect([theirs.status, theirs.body.code]).toEqual([404, 'ISSUE_NOT_FOUND']);
    const acting = await me.post(`/v1/tenants/erqi/issues/${mine}/acknowledge`, {});
    expect([acting.status, acting.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const configuring = await me.put('/v1/tenants/erqi/categories/noise', { name: 'x', ackWithinSeconds: {} });
    expect([configuring.status, configuring.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const stats = await httpClient(url.analytics, await as.resident('erqi', 'resident-2')).get(
      '/v1/tenants/erqi/summary',
    );
    expect(stats.status).toBe(403);
  });

  it('lets a city viewer read across districts but change nothing', async () => {
    const viewer = await as.cityViewer();
    expect(
      (await httpClient(url.registry, viewer).get('/v1/tenants')).body.map((t: { tenantId: string }) => t.tenantId),
    ).toEqual(['erqi', 'jinshui']);
    expect((await httpClient(url.registry, viewer).get('/v1/tenants/jinshui/grids')).status).toBe(200);
    expect((await httpClient(url.analytics, viewer).get('/v1/city/summary')).status).toBe(200);
    const change = await httpClient(url.registry, viewer).post('/v1/tenants/erqi/grids', {
      level: 'street',
      parentId: null,
      name: '只读街道',
    });
    expect(change.status).toBe(403);
    const cityOnly = await httpClient(url.analytics, await as.districtAdmin('erqi')).get('/v1/city/summary');
    expect([cityOnly.status, cityOnly.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it('keeps district configuration to the district administrator', async () => {
    const dispatcher = await httpClient(url.dispatch, await as.dispatcher('erqi')).put(
      '/v1/tenants/erqi/categories/noise',
      { name: 'x', ackWithinSeconds: {} },
    );
    expect([dispatcher.status, dispatcher.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });
});

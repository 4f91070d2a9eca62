import { connect } from 'node:net';
import { httpClient, HttpResult } from '@gridline/testing';
import { buildIntakeDistrict, IntakeDistrict } from '../support/intake-district';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { settledState, StoredState } from '../support/stored-state';
import { as, token } from '../support/tokens';

/**
 * Inputs an attacker found answered with a 500 (or a 200 they should not get), each now a 4xx with a stable
 * code that stores nothing: NUL bytes, lone surrogates, control and bidi characters; JSON nested 100,000 deep;
 * impossible dates and periods that end before they start; an altitude of 1e308; tokens that live a century or
 * were issued next year. docs/adr/0021-input-hygiene.md.
 */
describe('input hygiene: no 500 from any input', () => {
  let platform: PlatformUnderTest;
  let district: IntakeDistrict;
  const url = { registry: '', dispatch: '', volunteers: '', analytics: '' };
  let before: StoredState;

  beforeAll(async () => {
    platform = await startPlatform('hygiene', [
      'grid-registry',
      'issue-dispatch',
      'volunteer-coordination',
      'analytics',
    ]);
    url.registry = platform.services['grid-registry'].baseUrl;
    url.dispatch = platform.services['issue-dispatch'].baseUrl;
    url.volunteers = platform.services['volunteer-coordination'].baseUrl;
    url.analytics = platform.services.analytics.baseUrl;
    district = await buildIntakeDistrict(platform);
    before = await settledState(platform.database);
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  /** Every refusal of this file stores nothing: each test ends with the same events and rows as set-up left. */
  afterEach(async () => {
    expect(await settledState(platform.database)).toEqual(before);
  });

  const admin = async (base: string) => httpClient(base, await as.districtAdmin('erqi'));
  const codeOf = (r: HttpResult) => [r.status, r.body?.code];

  it('refuses a NUL byte in a body string, a query value or a path segment on all four services with 400 INVALID_TEXT', async () => {
    const [registry, dispatch, volunteers, analytics] = await Promise.all([
      admin(url.registry),
      admin(url.dispatch),
      admin(url.volunteers),
      admin(url.analytics),
    ]);
    const answers = [
      await registry.post('/v1/tenants/erqi/grids', {
        level: 'micro',
        parentId: district.grid.level3,
        name: '47号\u0000院',
      }),
      await registry.get('/v1/tenants/erqi/resolve?address=%00'),
      await registry.get('/v1/tenants/erqi/grids/ab%00cd'),
      await dispatch.post('/v1/tenants/erqi/issues', {
        category: 'noise',
        gridId: district.grid.micro47,
        description: 'noise\u0000',
      }),
      await dispatch.put('/v1/tenants/erqi/categories/no%00ise', { name: 'x', ackWithinSeconds: {} }),
      await volunteers.get('/v1/tenants/erqi/hours/entries?gridId=a%00b'),
      await volunteers.post('/v1/tenants/erqi/teams', { name: '\u0000' }),
      await analytics.get('/v1/tenants/erqi/board?level=%00'),
      await analytics.get('/v1/tenants/er%00qi/summary'),
    ];
    expect(answers.map(codeOf)).toEqual(Array(answers.length).fill([400, 'INVALID_TEXT']));
    expect(answers[0].body.details).toEqual([
      { field: 'body.name', reason: 'contains the control character U+0000 at position 3' },
    ]);
    expect(answers[1].body.details).toEqual([expect.objectContaining({ field: 'query.address' })]);
  });

  it('refuses a lone UTF-16 surrogate in a grid name, and a NUL in an Open311 form, storing nothing', async () => {
    const registry = await admin(url.registry);
    const surrogate = await registry.post(
      '/v1/tenants/erqi/grids',
      '{"level":"micro","parentId":"' + district.grid.level3 + '","name":"47\\ud800号院"}',
    );
    expect(codeOf(surrogate)).toEqual([400, 'INVALID_TEXT']);
    expect(surrogate.body.details[0].reason).toMatch(/lone UTF-16 surrogate U\+D800/);
    const form = await fetch(`${url.dispatch}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'jurisdiction_id=erqi&service_code=noise&api_key=x&description=a%00b&lat=34.701&long=113.601',
    });
    // Refused before any route, in Open311's own error array, the field and the reason in the description.
    expect([form.status, await form.json()]).toEqual([
      400,
      [
        {
          code: 400,
          description: expect.stringMatching(
            /^INVALID_TEXT: .*\(body\.description: contains the control character U\+0000/,
          ),
        },
      ],
    ]);
  });

  it('refuses control characters and bidi overrides in names, and line breaks in names only, by one rule', async () => {
    const registry = await admin(url.registry);
    const grid = (name: string) =>
      registry.post('/v1/tenants/erqi/grids', { level: 'micro', parentId: district.grid.level3, name });
    for (const name of ['47号院\u202e', '\u2066汝河路', 'bell\u0007', 'esc\u001b[2J', 'two\nlines', 'c1\u0085']) {
      expect([name, ...codeOf(await grid(name))]).toEqual([name, 400, 'INVALID_TEXT']);
    }
    const volunteers = await admin(url.volunteers);
    expect(codeOf(await volunteers.post('/v1/tenants/erqi/teams', { name: '\u202dteam' }))).toEqual([
      400,
      'INVALID_TEXT',
    ]);
  });

  it('refuses JSON nested deeper than 32 before anything recursive touches it: 100,000-deep issues, 5,000-deep boundaries and imports', async () => {
    const dispatch = await admin(url.dispatch);
    const deepArray = `{"category":"noise","gridId":"${district.grid.micro47}","description":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(codeOf(await dispatch.post('/v1/tenants/erqi/issues', deepArray))).toEqual([400, 'JSON_TOO_DEEP']);
    const registry = await admin(url.registry);
    const deepObject = `{"type":"Polygon","coordinates":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`;
    expect(codeOf(await registry.put(`/v1/tenants/erqi/grids/${district.grid.micro47}/boundary`, deepObject))).toEqual([
      400,
      'JSON_TOO_DEEP',
    ]);
    const geojson = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"grid_code":"x"},"geometry":{"type":"Polygon","coordinates":${'['.repeat(5_000)}${']'.repeat(5_000)}}}]}`;
    const imported = await registry.post('/v1/tenants/erqi/imports/geojson', geojson, {
      'content-type': 'application/geo+json',
    });
    expect(codeOf(imported)).toEqual([400, 'JSON_TOO_DEEP']);
    const csv = await registry.post(
      '/v1/tenants/erqi/imports/grids',
      'code,parent_code,level,name\n,,street,街\u0000道\n',
      { 'content-type': 'text/csv' },
    );
    expect(codeOf(csv)).toEqual([400, 'INVALID_TEXT']);
  });

  it('answers a body that is not JSON, a path that is not UTF-8 and a header Node cannot parse with 400 in the platform format', async () => {
    const registry = await admin(url.registry);
    expect(codeOf(await registry.post('/v1/tenants/erqi/grids', '{"level": '))).toEqual([400, 'MALFORMED_REQUEST']);
    expect(codeOf(await registry.get('/v1/tenants/erqi/grids/%E0%A4%A'))).toEqual([400, 'MALFORMED_REQUEST']);
    const charset = await registry.post('/v1/tenants/erqi/grids', '{}', {
      'content-type': 'application/json; charset=ebcdic',
    });
    expect(codeOf(charset)).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const { port } = new URL(url.registry);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write('GET /v1/tenants HTTP/1.1\r\nHost: x\r\nIdempotency-Key: a\u0000b\r\n\r\n'),
      );
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      statusCode: 400,
      code: 'MALFORMED_REQUEST',
    });
  });

  it('refuses impossible dates and periods that end before they start on every route that takes them', async () => {
    const [registry, volunteers, analytics] = await Promise.all([
      admin(url.registry),
      admin(url.volunteers),
      admin(url.analytics),
    ]);
    const answers = [
      await volunteers.get('/v1/tenants/erqi/hours/entries?from=2026-13-01'),
      await volunteers.get('/v1/tenants/erqi/hours/totals?from=2026-13-01'),
      await volunteers.get('/v1/tenants/erqi/hours/export?from=2026-02-30'),
      await volunteers.get('/v1/tenants/erqi/hours/entries?from=2026-06-02&to=2026-06-01'),
      await volunteers.get('/v1/tenants/erqi/service-occurrences?from=2026-02-30T08:00:00Z'),
      await analytics.get('/v1/tenants/erqi/kpis?from=2026-11-02&to=2026-11-01'),
      await analytics.get('/v1/tenants/erqi/kpis?from=2026-W05'),
      await registry.get('/v1/tenants/erqi/grids?asOf=2026-02-30'),
      await registry.get(`/v1/tenants/erqi/grids/${district.grid.micro47}/check-ins?from=2026-06-02&to=2026-06-01`),
      await registry.get(`/v1/tenants/erqi/grids/${district.grid.micro47}/on-duty?at=2026-13-01T10:00:00Z`),
    ];
    expect(answers.map(codeOf)).toEqual(Array(answers.length).fill([400, 'VALIDATION_FAILED']));
    expect(answers[3].body.details).toEqual([{ field: 'from', reason: 'from must not be after to' }]);
    expect(answers[5].body.details).toEqual([{ field: 'from', reason: 'from must not be after to' }]);
    const open311 = httpClient(url.dispatch);
    const impossible = await open311.get(
      '/open311/v2/requests.json?jurisdiction_id=erqi&start_date=2026-02-30T00:00:00Z',
    );
    const reversed = await open311.get(
      '/open311/v2/requests.json?jurisdiction_id=erqi&start_date=2026-12-02T00:00:00Z&end_date=2026-12-01T00:00:00Z',
    );
    expect([impossible.status, impossible.body[0].code, impossible.body[0].description]).toEqual([
      400,
      400,
      expect.stringMatching(/^VALIDATION_FAILED: .*start_date/),
    ]);
    expect([reversed.status, reversed.body[0].description]).toEqual([
      400,
      expect.stringContaining('start_date must not be after end_date'),
    ]);
  });

  it('refuses an altitude of 1e308 in a boundary and in a GeoJSON import, and coordinates out of range wherever they are taken', async () => {
    const registry = await admin(url.registry);
    const ring = [
      [113.6, 34.7, 1e308],
      [113.605, 34.7, 0],
      [113.605, 34.705, 0],
      [113.6, 34.705, 0],
      [113.6, 34.7, 1e308],
    ];
    const boundary = await registry.put(`/v1/tenants/erqi/grids/${district.grid.micro47}/boundary`, {
      type: 'Polygon',
      coordinates: [ring],
    });
    expect(codeOf(boundary)).toEqual([422, 'INVALID_POLYGON']);
    expect(boundary.body.details[0].reason).toMatch(/altitude 1e\+308 m is outside/);
    const point = {
      type: 'Feature',
      properties: { kind: 'courtyard', name: '新院', address: '嵩山路99号院', grid_code: 'x' },
      geometry: { type: 'Point', coordinates: [113.601, 34.701, 1e308] },
    };
    const imported = await registry.post(
      '/v1/tenants/erqi/imports/geojson',
      { type: 'FeatureCollection', features: [point] },
      { 'content-type': 'application/geo+json' },
    );
    expect(codeOf(imported)).toEqual([422, 'IMPORT_INVALID']);
    expect(imported.body.details).toContainEqual(
      expect.objectContaining({ field: 'features[0].geometry.coordinates[2]' }),
    );
    const dispatch = await admin(url.dispatch);
    expect(codeOf(await registry.get('/v1/tenants/erqi/resolve?lon=113.6&lat=95'))).toEqual([400, 'VALIDATION_FAILED']);
    expect(
      codeOf(
        await dispatch.post('/v1/tenants/erqi/issues', { category: 'noise', location: { lon: 1e308, lat: 34.7 } }),
      ),
    ).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('refuses correctly signed tokens that live too long, were issued in the future or name an unknown critical header', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 'test:erqi:admin', tenant: 'erqi', roles: [{ role: 'district-admin' as const }] };
    const year = 365 * 24 * 3600;
    const tries = {
      century: await token(claims, { expiresIn: now + 100 * year }),
      nextYear: await token(claims, { issuedAt: now + year, expiresIn: now + year + 3600 }),
      notYet: await token(claims, { notBefore: now + 600 }),
      critical: await token(claims, { crit: ['https://example.com/must-understand'] }),
    };
    const reasons: Record<string, string> = {};
    for (const [name, jwt] of Object.entries(tries)) {
      const answer = await httpClient(url.registry, jwt).get('/v1/tenants/erqi/grids');
      expect([name, ...codeOf(answer)]).toEqual([name, 401, 'UNAUTHENTICATED']);
      reasons[name] = answer.body.message;
    }
    expect(reasons).toEqual({
      century: expect.stringMatching(/^token rejected: lifetime \d+s \(exp − iat\) exceeds the maximum of 86400s$/),
      nextYear: expect.stringMatching(/^token rejected: issued in the future/),
      notYet: expect.stringMatching(/^token rejected: .*nbf/),
      critical: expect.stringMatching(/^token rejected: unsupported header: .*must-understand/),
    });
    const eightHours = await token(claims, { expiresIn: '8h' });
    expect((await httpClient(url.registry, eightHours).get('/v1/tenants/erqi/grids')).status).toBe(200);
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { eventually, httpClient } from '@gridline/testing';
import { EdgeProcess, edgeRefusal } from '../support/edge';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { SseClient } from '../support/sse-client';
import { as } from '../support/tokens';

/**
 * The console's single origin on the real services: the edge (apps/edge) as its own process in front of
 * grid-registry, issue-dispatch and analytics; volunteer-coordination is left on a closed port to show what the
 * console sees when a service is down.
 */
describe('the edge in front of the services', () => {
  const tenantId = 'edgetown';
  let platform: PlatformUnderTest;
  let edge: EdgeProcess;
  let production: EdgeProcess;
  let dist: string;
  const grid: Record<string, string> = {};
  const feeds: SseClient[] = [];
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'gridline-edge-console-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(
      path.join(dist, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/x.js"></script></head><body><div id="root"></div></body></html>',
    );
    writeFileSync(path.join(dist, 'assets', 'x.js'), 'document.getElementById("root").textContent = "console";\n');

    platform = await startPlatform('edge', ['grid-registry', 'issue-dispatch', 'analytics'], {
      ANALYTICS_FEED_HEARTBEAT_SECONDS: '30',
    });
    const upstreams = {
      'grid-registry': platform.services['grid-registry'].baseUrl,
      'issue-dispatch': platform.services['issue-dispatch'].baseUrl,
      analytics: platform.services.analytics.baseUrl,
    };
    edge = new EdgeProcess({
      upstreams,
      consoleDist: dist,
      devSignInKeyFile: process.env.GRIDLINE_TEST_SIGNING_KEY as string,
    });
    production = new EdgeProcess({ upstreams, consoleDist: dist, env: { NODE_ENV: 'production' } });
    await Promise.all([edge.start(), production.start()]);

    const city = httpClient(platform.services['grid-registry'].baseUrl, await as.cityAdmin());
    expect((await city.post('/v1/tenants', { tenantId, divisionCode: '410103', name: '二七区' })).status).toBe(201);
    const admin = city.as(await as.districtAdmin(tenantId));
    for (const [key, level, parent, name] of [
      ['street', 'street', null, '大学路街道'],
      ['community', 'community', 'street', '桃源社区'],
      ['micro', 'micro', 'community', '47号院'],
    ] as const) {
      const created = await admin.post(`/v1/tenants/${tenantId}/grids`, {
        level,
        parentId: parent ? grid[parent] : null,
        name,
      });
      expect(created.status).toBe(201);
      grid[key] = created.body.gridId;
    }
    const hour = { micro: 3600, grid: 3600, community: 3600, street: 3600, district: 3600, city: 3600 };
    const dispatch = httpClient(platform.services['issue-dispatch'].baseUrl, await as.districtAdmin(tenantId));
    await eventually(
      'issue-dispatch to know the district',
      async () =>
        (
          await dispatch.put(`/v1/tenants/${tenantId}/categories/steady`, {
            name: '常规',
            ackWithinSeconds: hour,
            resolveWithinSeconds: hour,
          })
        ).status === 200,
    );
    // issue-dispatch learns the grids from Kafka: one report accepted means the micro-grid is known.
    const warmUp = httpClient(
      platform.services['issue-dispatch'].baseUrl,
      await as.resident(tenantId, 'test:edgetown:resident:warm-up'),
    );
    await eventually(
      'issue-dispatch to know the micro-grid',
      async () =>
        (
          await warmUp.post(`/v1/tenants/${tenantId}/issues`, {
            category: 'steady',
            gridId: grid.micro,
            description: '路灯不亮',
            reporter: { name: '赵女士', phone: '13700000002' },
          })
        ).status === 201,
    );
    const analytics = httpClient(platform.services.analytics.baseUrl, await as.dispatcher(tenantId));
    await eventually(
      'analytics to know the district',
      async () => (await analytics.get(`/v1/tenants/${tenantId}/board`)).status === 200,
    );
  });

  afterAll(async () => {
    await Promise.all(feeds.map((feed) => feed.close()));
    await edge?.stop();
    await production?.stop();
    await platform?.shutdown();
  });

  it('proxies /api/grid-registry/ with the token, query and correlation id, the prefix stripped', async () => {
    const response = await fetch(`${edge.baseUrl}/api/grid-registry/v1/tenants/${tenantId}/grids?level=micro`, {
      headers: { ...bearer(await as.dispatcher(tenantId)), 'x-correlation-id': 'edge-spec-1' },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { gridId: string }[]).map((g) => g.gridId)).toEqual([grid.micro]);
    expect(response.headers.get('x-correlation-id')).toBe('edge-spec-1');
    expect((await fetch(`${edge.baseUrl}/api/grid-registry/v1/tenants`)).status).toBe(401);
  });

  it('passes a POST body and its Idempotency-Key through, and the service answers once for two sends', async () => {
    const resident = {
      ...bearer(await as.resident(tenantId, 'test:edgetown:resident:idem')),
      'content-type': 'application/json',
      'idempotency-key': `edge-spec-${Date.now()}`,
    };
    const body = JSON.stringify({
      category: 'steady',
      gridId: grid.micro,
      description: '楼道灯不亮',
      reporter: { name: '王女士', phone: '13700000000' },
    });
    const first = await fetch(`${edge.baseUrl}/api/issue-dispatch/v1/tenants/${tenantId}/issues`, {
      method: 'POST',
      headers: resident,
      body,
    });
    const again = await fetch(`${edge.baseUrl}/api/issue-dispatch/v1/tenants/${tenantId}/issues`, {
      method: 'POST',
      headers: resident,
      body,
    });
    expect(first.status).toBe(201);
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
  });

  it('streams the analytics feed unbuffered: the greeting at once, each message within a second of the direct stream', async () => {
    const token = await as.dispatcher(tenantId);
    const opened = Date.now();
    const throughEdge = await SseClient.open(
      `${edge.baseUrl}/api/analytics/v1/tenants/${tenantId}/feed`,
      bearer(token),
    );
    const direct = await SseClient.open(
      `${platform.services.analytics.baseUrl}/v1/tenants/${tenantId}/feed`,
      bearer(token),
    );
    feeds.push(throughEdge, direct);
    expect(throughEdge.status).toBe(200);
    // The service's `: live` comment, written right after the headers, with the connection held open.
    await eventually('the live comment through the edge', async () => throughEdge.comments.includes('live'), 1000, 20);
    expect(Date.now() - opened).toBeLessThan(1500);

    const resident = httpClient(
      `${edge.baseUrl}/api/issue-dispatch`,
      await as.resident(tenantId, 'test:edgetown:resident:feed'),
    );
    const reported = await resident.post(`/v1/tenants/${tenantId}/issues`, {
      category: 'steady',
      gridId: grid.micro,
      description: '井盖松动',
      reporter: { name: '李先生', phone: '13700000001' },
    });
    expect(reported.status).toBe(201);
    const directly = await direct.waitFor(
      'the dispatch, read directly',
      (m) => m.data.issueId === reported.body.id && m.event === 'dispatched',
    );
    const edged = await throughEdge.waitFor(
      'the dispatch, through the edge',
      (m) => m.data.issueId === reported.body.id && m.event === 'dispatched',
      1000,
    );
    expect(edged.id).toBe(directly.id);
    expect(Math.abs(edged.receivedAt - directly.receivedAt)).toBeLessThan(1000);

    // Reconnecting with Last-Event-ID through the edge replays what came after it.
    const resumed = await SseClient.open(`${edge.baseUrl}/api/analytics/v1/tenants/${tenantId}/feed`, {
      ...bearer(token),
      'Last-Event-ID': 'unknown-id',
    });
    feeds.push(resumed);
    expect(resumed.status).toBe(200);
  });

  it('answers 502 UPSTREAM_UNAVAILABLE when a service does not listen, and 404 for an unknown service', async () => {
    const down = await fetch(`${edge.baseUrl}/api/volunteer-coordination/health`);
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: expect.stringContaining('volunteer-coordination'),
    });
    const unknown = await fetch(`${edge.baseUrl}/api/payments/v1/x`);
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([404, 'UNKNOWN_SERVICE']);
  });

  it('signs a dispatcher in for development with a one-hour token the services accept', async () => {
    const options = (await (await fetch(`${edge.baseUrl}/dev/sign-in/options`)).json()) as any;
    expect(options.roles.map((r: { role: string }) => r.role)).toEqual([
      'city-admin',
      'city-viewer',
      'district-admin',
      'dispatcher',
      'auditor',
      'leader',
      'worker',
    ]);
    expect(options.districts).toContainEqual({ tenantId, name: '二七区', nameEn: null });
    const withGrids = (await (await fetch(`${edge.baseUrl}/dev/sign-in/options?tenant=${tenantId}`)).json()) as any;
    expect(withGrids.grids.map((g: { name: string }) => g.name)).toEqual(['大学路街道', '桃源社区', '47号院']);

    const signIn = (body: unknown) =>
      fetch(`${edge.baseUrl}/dev/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const answer = await signIn({ role: 'dispatcher', tenant: tenantId, name: '张调度' });
    expect(answer.status).toBe(200);
    const { token, expiresAt } = (await answer.json()) as { token: string; expiresAt: string };
    expect(Math.abs(Date.parse(expiresAt) - Date.now() - 3_600_000)).toBeLessThan(60_000);
    const board = await fetch(`${edge.baseUrl}/api/analytics/v1/tenants/${tenantId}/board`, { headers: bearer(token) });
    expect(board.status).toBe(200);

    const leader = await signIn({ role: 'leader', tenant: tenantId, grid: grid.micro });
    const leaderToken = ((await leader.json()) as { token: string }).token;
    expect(
      (
        await fetch(`${edge.baseUrl}/api/grid-registry/v1/tenants/${tenantId}/grids/${grid.micro}`, {
          headers: bearer(leaderToken),
        })
      ).status,
    ).toBe(200);

    expect(await (await signIn({ role: 'leader', tenant: tenantId })).json()).toMatchObject({
      code: 'INVALID_SIGN_IN',
      message: expect.stringContaining('grid'),
    });
    expect((await signIn({ role: 'dispatcher' })).status).toBe(400);
    expect((await signIn({ role: 'root' })).status).toBe(400);
    expect((await signIn({ role: 'dispatcher', tenant: tenantId, name: 'x'.repeat(9000) })).status).toBe(413);
  });

  it('has no /dev routes and says production in production, and refuses to start one with development sign-in', async () => {
    expect((await fetch(`${production.baseUrl}/dev/sign-in/options`)).status).toBe(404);
    expect(
      (
        await fetch(`${production.baseUrl}/dev/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"role":"city-admin"}',
        })
      ).status,
    ).toBe(404);
    expect(await (await fetch(`${production.baseUrl}/console-config.json`)).json()).toEqual({
      mode: 'production',
      devSignIn: false,
      oidc: null,
      map: { tileUrl: null, attribution: null },
    });
    expect(await (await fetch(`${edge.baseUrl}/console-config.json`)).json()).toEqual({
      mode: 'development',
      devSignIn: true,
      oidc: null,
      map: { tileUrl: null, attribution: null },
    });
    const refused = await edgeRefusal({
      NODE_ENV: 'production',
      EDGE_DEV_SIGN_IN: 'true',
      AUTH_DEV_SIGNING_KEY_FILE: process.env.GRIDLINE_TEST_SIGNING_KEY as string,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('EDGE_DEV_SIGN_IN');
  });

  it('serves the console: immutable assets, index.html revalidated, client routes to index.html, no way out of the folder', async () => {
    const asset = await fetch(`${edge.baseUrl}/assets/x.js`);
    expect([asset.status, asset.headers.get('content-type'), asset.headers.get('cache-control')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ]);
    for (const route of ['/', '/board', '/cases/abc?x=1']) {
      const page = await fetch(`${edge.baseUrl}${route}`);
      expect([route, page.status, page.headers.get('content-type'), page.headers.get('cache-control')]).toEqual([
        route,
        200,
        'text/html; charset=utf-8',
        'no-cache',
      ]);
      expect(await page.text()).toContain('<div id="root">');
    }
    expect((await fetch(`${edge.baseUrl}/assets/missing.js`)).status).toBe(404);
    // Sent as written (fetch would resolve the dots first): nothing outside the folder, whatever the spelling.
    for (const sneaky of [
      '/../../../../etc/passwd',
      '/assets/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
      '/..%5c..%5cetc%5cpasswd',
      '/index.html%00.js',
    ]) {
      const answer = await rawGet(edge.baseUrl, sneaky);
      expect([sneaky, answer.status]).toEqual([sneaky, 400]);
      expect(answer.body).not.toContain('root:');
    }
  });

  it('puts the security headers on every answer and never a CORS header', async () => {
    const token = await as.dispatcher(tenantId);
    const origin = { origin: 'https://elsewhere.example' };
    const answers = await Promise.all([
      fetch(`${edge.baseUrl}/`, { headers: origin }),
      fetch(`${edge.baseUrl}/assets/x.js`, { headers: origin }),
      fetch(`${edge.baseUrl}/console-config.json`, { headers: origin }),
      fetch(`${edge.baseUrl}/api/grid-registry/v1/tenants`, { headers: { ...origin, ...bearer(token) } }),
      fetch(`${edge.baseUrl}/api/grid-registry/v1/tenants`, {
        method: 'OPTIONS',
        headers: { ...origin, 'access-control-request-method': 'POST' },
      }),
      fetch(`${edge.baseUrl}/api/volunteer-coordination/health`, { headers: origin }),
      fetch(`${edge.baseUrl}/api/nothing`, { headers: origin }),
    ]);
    for (const answer of answers) {
      expect(answer.headers.get('content-security-policy')).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; child-src blob:; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
      );
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect([...answer.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
      await answer.arrayBuffer();
    }
  });
});

/** A GET with the path exactly as given: no URL parser resolves `..` before it leaves. */
function rawGet(baseUrl: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const sent = request({ hostname, port, path: rawPath, method: 'GET' }, (answer) => {
      let body = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => (body += chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

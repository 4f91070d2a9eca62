import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually, httpClient } from '@gridline/testing';
import { launchChromium, saveScreenshot } from '../support/browser';
import { buildConsole, signInThroughPage } from '../support/console-under-test';
import { loadDemoDistrict } from '../support/demo-district';
import { EdgeProcess } from '../support/edge';
import { TestOidcProvider } from '../support/oidc-provider';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as, token } from '../support/tokens';

/**
 * The dispatch-centre console in a real headless Chromium, served by the edge in front of the four real
 * services, on 二七区 as the demo loads it. Every check reads what the page shows, and compares it with the API.
 */
describe('the dispatch-centre console in a browser', () => {
  const tenantId = 'erqi';
  const otherId = 'jinshui';
  let platform: PlatformUnderTest;
  let edge: EdgeProcess;
  let browser: Browser;
  let consoleUrl: string;
  let consoleDist: string;
  let upstreams: Record<string, string>;
  let dispatchUrl: string;
  let analyticsUrl: string;
  const contexts: BrowserContext[] = [];
  const grids: Record<string, string> = {};

  beforeAll(async () => {
    const built = buildConsole();
    platform = await startPlatform(
      'console',
      ['grid-registry', 'issue-dispatch', 'volunteer-coordination', 'analytics'],
      { ANALYTICS_FEED_HEARTBEAT_SECONDS: '2' },
    );
    const urls = Object.fromEntries(
      Object.entries(platform.services).map(([name, service]) => [name, service.baseUrl]),
    );
    upstreams = urls;
    dispatchUrl = urls['issue-dispatch'];
    analyticsUrl = urls.analytics;
    // 二七区 exactly as `npm start` shows it: streets, communities, grids with boundaries, members, categories.
    await loadDemoDistrict(urls, { printProgress: false, timeoutMs: 300_000 });

    const registry = httpClient(urls['grid-registry'], await as.districtAdmin(tenantId));
    const all = await registry.get(`/v1/tenants/${tenantId}/grids?limit=1000`);
    for (const grid of all.body as { gridId: string; name: string }[]) grids[grid.name] = grid.gridId;

    // Another district, to prove one district's operator never sees the other's cases.
    const city = httpClient(urls['grid-registry'], await as.cityAdmin());
    expect((await city.post('/v1/tenants', { tenantId: otherId, divisionCode: '410105', name: '金水区' })).status).toBe(
      201,
    );
    const other = city.as(await as.districtAdmin(otherId));
    const street = await other.post(`/v1/tenants/${otherId}/grids`, {
      level: 'street',
      parentId: null,
      name: '金水街道',
    });
    const community = await other.post(`/v1/tenants/${otherId}/grids`, {
      level: 'community',
      parentId: street.body.gridId,
      name: '金水社区',
    });
    grids.jinshuiMicro = (
      await other.post(`/v1/tenants/${otherId}/grids`, {
        level: 'micro',
        parentId: community.body.gridId,
        name: '金水1号院',
      })
    ).body.gridId;

    // `fast` climbs one level every 3 seconds; `steady` gives everyone an hour.
    const three = { micro: 3, grid: 3, community: 3, street: 3, district: 3, city: 3 };
    const hour = { micro: 3600, grid: 3600, community: 3600, street: 3600, district: 3600, city: 3600 };
    for (const [tenant, code, name, windows] of [
      [tenantId, 'fast', '急 fast', three],
      [tenantId, 'steady', '常规 steady', hour],
      [otherId, 'steady', '常规 steady', hour],
    ] as const) {
      const admin = httpClient(dispatchUrl, await as.districtAdmin(tenant));
      await eventually(
        `issue-dispatch to know ${tenant}`,
        async () =>
          (
            await admin.put(`/v1/tenants/${tenant}/categories/${code}`, {
              name,
              ackWithinSeconds: windows,
              resolveWithinSeconds: hour,
            })
          ).status === 200,
      );
    }

    consoleDist = await built;
    edge = new EdgeProcess({
      upstreams: urls,
      consoleDist,
      devSignInKeyFile: process.env.GRIDLINE_TEST_SIGNING_KEY as string,
    });
    await edge.start();
    consoleUrl = edge.baseUrl;
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await edge?.stop();
    await platform?.shutdown();
  });

  // A page left open keeps its live feed, timers and map rendering going and slows every later test: each test's
  // pages close when it ends.
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close().catch(() => undefined)));
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    // A step that stalls fails on its own, naming what it waited for, well inside the test's 120 s (the tests
    // allow that much because CI runs a second spec beside this one and every step is slower then).
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`console page error: ${error.message}\n`));
    return page;
  }

  async function report(tenant: string, body: Record<string, unknown>): Promise<{ id: string; state: string }> {
    const resident = httpClient(
      dispatchUrl,
      await as.resident(tenant, `test:${tenant}:resident:${Math.random().toString(36).slice(2)}`),
    );
    const answer = await resident.post(`/v1/tenants/${tenant}/issues`, {
      reporter: { name: '王女士', phone: '13700000000' },
      ...body,
    });
    expect([answer.status, answer.body.message]).toEqual([201, undefined]);
    return answer.body;
  }

  const card = (page: Page, issueId: string) => page.locator(`.case-card[data-issue-id="${issueId}"]`);

  it('shows a report made through the API on the live board within 2 seconds, in the micro-grid lane', async () => {
    const page = await newPage();
    await signInThroughPage(
      page,
      consoleUrl,
      { role: 'dispatcher', tenant: tenantId, name: '调度员小李' },
      '/?category=steady',
    );
    await page.locator('[data-feed-state="live"]').first().waitFor({ timeout: 15_000 });
    const issue = await report(tenantId, { category: 'steady', gridId: grids['47号院'], description: '楼道灯不亮' });
    const reportedAt = Date.now();
    await card(page, issue.id).waitFor({ timeout: 5_000 });
    const seenAfter = Date.now() - reportedAt;
    expect(seenAfter).toBeLessThan(2_000);
    expect(await card(page, issue.id).getAttribute('data-level')).toBe('micro');
    await expect(card(page, issue.id).innerText()).resolves.toContain('47号院');
    await saveScreenshot(page, 'console-board');
  }, 120_000);

  it('moves a case up the lanes on screen as it escalates, with its deadline counting down', async () => {
    const page = await newPage();
    await signInThroughPage(page, consoleUrl, { role: 'dispatcher', tenant: tenantId }, '/?category=fast');
    await page.locator('[data-feed-state="live"]').first().waitFor({ timeout: 15_000 });
    const issue = await report(tenantId, { category: 'fast', gridId: grids['47号院'], description: '消防通道被占' });
    const levelsSeen = new Set<string>();
    await eventually(
      'the case to reach the street on screen',
      async () => {
        const level = await card(page, issue.id)
          .getAttribute('data-level', { timeout: 500 })
          .catch(() => null);
        if (level) levelsSeen.add(level);
        return level === 'street' || level === 'district';
      },
      30_000,
      100,
    );
    expect([...levelsSeen]).toEqual(expect.arrayContaining(['grid', 'community']));
    await expect(
      page.locator('.lane-street, .lane-district').locator(`[data-issue-id="${issue.id}"]`).count(),
    ).resolves.toBe(1);
    await saveScreenshot(page, 'console-escalation');
  }, 120_000);

  it('lets the operator dispatch a queued report and the grid leader acknowledge it, each named in the history', async () => {
    const queued = await report(tenantId, { category: 'steady', address: '不存在路99号', description: '路边井盖松动' });
    expect(queued.state).toBe('reported');
    const page = await newPage();
    await signInThroughPage(page, consoleUrl, { role: 'dispatcher', tenant: tenantId, name: '调度员小王' }, '/queue');
    await page.locator(`tr[data-issue-id="${queued.id}"] button`).click();
    const drawer = page.locator(`.drawer[data-issue-id="${queued.id}"]`);
    await drawer.locator('button[data-action="accept"]').click();
    await drawer.locator('[data-testid="case-state"]').filter({ hasText: '已受理' }).waitFor({ timeout: 10_000 });
    await drawer.locator('button[data-action="dispatch"]').click();
    await drawer.locator('.action-form select').selectOption(grids['47号院']);
    await drawer.locator('.action-form button[type="submit"]').click();
    await expect(
      drawer.locator('[data-testid="case-state"]').filter({ hasText: '已派遣' }).waitFor({ timeout: 10_000 }),
    ).resolves.toBeUndefined();
    await saveScreenshot(page, 'console-dispatch');

    const leaderPage = await newPage();
    await signInThroughPage(
      leaderPage,
      consoleUrl,
      { role: 'leader', tenant: tenantId, grid: grids['47号院'], name: '47号院楼院长' },
      `/?case=${queued.id}&caseDistrict=${tenantId}`,
    );
    const leaderDrawer = leaderPage.locator(`.drawer[data-issue-id="${queued.id}"]`);
    await leaderDrawer.locator('button[data-action="acknowledge"]').click();
    await leaderDrawer.locator('[data-testid="case-state"]').filter({ hasText: '已签收' }).waitFor({ timeout: 10_000 });
    const history = leaderDrawer.locator('[data-testid="case-history"]');
    await history.locator('[data-history-action="acknowledged"]').waitFor();
    const dispatched = await history.locator('[data-history-action="dispatched"]').innerText();
    const acknowledged = await history.locator('[data-history-action="acknowledged"]').innerText();
    expect(dispatched).toContain('区调度员');
    expect(acknowledged).toContain('网格长');
    // The API agrees on who acted.
    const entries = (
      await httpClient(dispatchUrl, await as.dispatcher(tenantId)).get(
        `/v1/tenants/${tenantId}/issues/${queued.id}/history`,
      )
    ).body as { action: string; actor: string }[];
    expect(dispatched).toContain(entries.find((entry) => entry.action === 'dispatched')!.actor);
    expect(acknowledged).toContain(entries.find((entry) => entry.action === 'acknowledged')!.actor);
    await saveScreenshot(leaderPage, 'console-history');
  }, 120_000);

  it('shows plainly when someone else acted first', async () => {
    const issue = await report(tenantId, { category: 'steady', gridId: grids['47号院'], description: '垃圾未清运' });
    const page = await newPage();
    await signInThroughPage(
      page,
      consoleUrl,
      { role: 'leader', tenant: tenantId, grid: grids['47号院'] },
      `/?case=${issue.id}&caseDistrict=${tenantId}`,
    );
    const drawer = page.locator(`.drawer[data-issue-id="${issue.id}"]`);
    await drawer.locator('button[data-action="acknowledge"]').waitFor();
    // Meanwhile a colleague acknowledges it through the API.
    const colleague = httpClient(dispatchUrl, await as.leader(tenantId, grids['47号院'], 'test:erqi:leader:colleague'));
    expect((await colleague.post(`/v1/tenants/${tenantId}/issues/${issue.id}/acknowledge`, {})).status).toBe(200);
    await drawer.locator('button[data-action="acknowledge"]').click();
    await expect(drawer.locator('[data-testid="action-outcome"]').innerText()).resolves.toContain('其他人已先处理');
  }, 120_000);

  it('draws 二七区’s grids on the map from their registered boundaries', async () => {
    const boundaries = (
      await httpClient(platform.services['grid-registry'].baseUrl, await as.dispatcher(tenantId)).get(
        `/v1/tenants/${tenantId}/boundaries`,
      )
    ).body as { features: unknown[] };
    expect(boundaries.features.length).toBeGreaterThan(5);
    const page = await newPage();
    await signInThroughPage(page, consoleUrl, { role: 'dispatcher', tenant: tenantId }, '/map');
    const map = page.locator('.map-canvas');
    let drawn = 'nothing yet';
    await eventually(
      'the map to draw every grid',
      async () => {
        const [fed, rendered] = [
          Number(await map.getAttribute('data-grids')),
          Number(await map.getAttribute('data-rendered-grids')),
        ];
        drawn = `${fed} grids given to the map, ${rendered} drawn, of ${boundaries.features.length}`;
        return rendered === boundaries.features.length;
      },
      30_000,
      500,
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${drawn}`);
    });
    expect(Number(await map.getAttribute('data-cases'))).toBeGreaterThan(0);
    await page.locator('.grid-list button', { hasText: '桃源社区' }).first().click();
    await page.locator('.grid-panel').waitFor();
    await saveScreenshot(page, 'console-map');
  }, 120_000);

  it('never shows one district’s case to another district’s operator, and shows it to the city operator', async () => {
    const theirs = await report(otherId, {
      category: 'steady',
      gridId: grids.jinshuiMicro,
      description: '金水区的案件',
    });
    const ours = await report(tenantId, { category: 'steady', gridId: grids['47号院'], description: '二七区的案件' });
    const cityPage = await newPage();
    await signInThroughPage(cityPage, consoleUrl, { role: 'city-viewer' }, '/?category=steady');
    await card(cityPage, theirs.id).waitFor({ timeout: 10_000 });
    await card(cityPage, ours.id).waitFor({ timeout: 10_000 });
    // The viewer sees the case but may not act on it.
    await card(cityPage, theirs.id).click();
    await cityPage.locator(`.drawer[data-issue-id="${theirs.id}"] .hint`).waitFor();
    await expect(cityPage.locator(`.drawer[data-issue-id="${theirs.id}"] button[data-action]`).count()).resolves.toBe(
      0,
    );

    const page = await newPage();
    await signInThroughPage(page, consoleUrl, { role: 'dispatcher', tenant: tenantId }, '/?category=steady');
    await card(page, ours.id).waitFor({ timeout: 10_000 });
    await expect(card(page, theirs.id).count()).resolves.toBe(0);
    // Not even by putting the case in the address bar.
    await page.goto(`${consoleUrl}/?case=${theirs.id}&caseDistrict=${otherId}`);
    await page.locator('.drawer [role="alert"]').waitFor();
    await expect(page.locator('.drawer').innerText()).resolves.not.toContain('金水区的案件');
  }, 120_000);

  it('renders a description containing <script> as text', async () => {
    const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">井盖丢失';
    const issue = await report(tenantId, { category: 'steady', gridId: grids['47号院'], description: hostile });
    const page = await newPage();
    await signInThroughPage(
      page,
      consoleUrl,
      { role: 'dispatcher', tenant: tenantId },
      `/?case=${issue.id}&caseDistrict=${tenantId}`,
    );
    const description = page.locator('[data-testid="case-description"]');
    await description.waitFor();
    expect(await description.innerText()).toBe(hostile);
    await expect(description.locator('script, img').count()).resolves.toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
  }, 120_000);

  it('charts the same KPI figures the analytics API gives', async () => {
    const page = await newPage();
    await signInThroughPage(page, consoleUrl, { role: 'dispatcher', tenant: tenantId }, '/kpis');
    const chart = page.locator('[data-testid="chart-rates"] .chart-canvas');
    await chart.waitFor({ timeout: 15_000 });
    const categories = JSON.parse((await chart.getAttribute('data-categories')) as string) as string[];
    const series = JSON.parse((await chart.getAttribute('data-series')) as string) as {
      name: string;
      values: (number | null)[];
    }[];
    // The page asked for the last 30 days up to tomorrow by day, days in the district's zone (+08:00; between 16:00
    // and 24:00 UTC it is already tomorrow there); ask the API the same.
    const districtDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    const from = districtDay(Date.now() - 29 * 86_400_000);
    const to = districtDay(Date.now() + 86_400_000);
    const api = (
      await httpClient(analyticsUrl, await as.dispatcher(tenantId)).get(
        `/v1/tenants/${tenantId}/kpis/breakdown?by=day&from=${from}T00:00:00%2B08:00&to=${to}T00:00:00%2B08:00`,
      )
    ).body as {
      rows: { key: string; name: string | null; closureRate: number | null; onTimeClosureRate: number | null }[];
    };
    const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
    expect(categories).toEqual(api.rows.map((row) => row.name ?? row.key));
    expect(series[0].values).toEqual(api.rows.map((row) => percent(row.closureRate)));
    expect(series[1].values).toEqual(api.rows.map((row) => percent(row.onTimeClosureRate)));
    expect(series[0].values.some((value) => value !== null && value > 0)).toBe(true);
    await saveScreenshot(page, 'console-kpis');
  }, 120_000);

  it('switches to English and back, and keeps the choice for the next visit', async () => {
    const page = await newPage();
    await signInThroughPage(page, consoleUrl, { role: 'dispatcher', tenant: tenantId }, '/');
    await page.locator('nav a', { hasText: '实时看板' }).waitFor();
    await page.getByLabel('语言').selectOption('en');
    await page.locator('nav a', { hasText: 'Live board' }).waitFor();
    await expect(page.locator('.lane-micro h2').innerText()).resolves.toBe('Micro-grid');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.locator('.lane-city h2', { hasText: 'City centre' }).waitFor();
    await page.getByLabel('Language').selectOption('zh');
    await page.locator('.lane-city h2', { hasText: '市调度中心' }).waitFor();
  }, 120_000);

  it('signs in through the identity provider in production (authorization code with PKCE), with no development sign-in', async () => {
    let productionUrl = '';
    const provider = new TestOidcProvider({
      clientId: 'gridline-console',
      allowedOrigin: () => productionUrl,
      accessToken: () =>
        token({ sub: 'oidc:erqi:dispatcher:zhao', name: '赵调度', tenant: tenantId, roles: [{ role: 'dispatcher' }] }),
    });
    await provider.start();
    const production = new EdgeProcess({
      upstreams,
      consoleDist,
      env: { NODE_ENV: 'production', CONSOLE_OIDC_ISSUER: provider.issuer, CONSOLE_OIDC_CLIENT_ID: 'gridline-console' },
    });
    try {
      await production.start();
      productionUrl = production.baseUrl;
      expect((await fetch(`${productionUrl}/dev/sign-in/options`)).status).toBe(404);
      const page = await newPage();
      await page.goto(`${productionUrl}/sign-in?returnTo=%2Fqueue`);
      await expect(page.locator('select[name="role"]').count()).resolves.toBe(0);
      await page.locator('button.primary', { hasText: '统一身份认证' }).click();
      await page.waitForURL(`${productionUrl}/queue`, { timeout: 15_000 });
      await page.locator('.who', { hasText: '赵调度' }).waitFor();
      await page.locator('#queue-title').waitFor();
      expect(provider.exchanges).toEqual([{ verified: true, method: 'S256' }]);
      // The token is in this tab's sessionStorage only.
      expect(await page.evaluate("[sessionStorage.length, localStorage.getItem('gridline.console.session')]")).toEqual([
        1,
        null,
      ]);
    } finally {
      await production.stop();
      await provider.stop();
    }
  }, 120_000);
});

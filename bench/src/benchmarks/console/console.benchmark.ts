import path from 'node:path';
import { Topics } from '@gridline/contracts';
import { freePort, httpClient, sleep } from '@gridline/testing';
import { BenchSettings } from '../../bench-settings';
import { startArrivalProbe } from '../../harness/arrival-probe';
import { withBenchScope } from '../../harness/bench-scope';
import { benchCityAdminToken, benchPrivateKeyFile, benchPublicKeyFile, benchToken } from '../../harness/dev-auth';
import { Figure, latencyFigure } from '../../harness/figure';
import { percentiles, waitUntil } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { BENCH_TENANT } from '../../harness/sample-events';
import { BenchServiceProcess } from '../../harness/service-process';
import { dispatchedIssueOf } from '../intake/dispatch-latency.phase';
import { INTAKE_ADDRESS, residentToken, setUpIntakeDistrict } from '../intake/intake-district';
import { writeOpenCases } from './board-fixture';
import { buildConsoleBundle, dispatcherToken, launchBenchChromium, signedInContext } from './console-stage';
import { listenToFeed } from './feed-listener';
import { boardDrawnAfter, cardsSeen, frameIntervals, watchCardsAppear } from './page-measures';

/** Compiled to dist/bench/src/benchmarks/console/; the repository root is five levels up. */
const repositoryRoot = path.resolve(__dirname, '../../../../..');
const EMPTY_TENANT = 'benchempty';
const LOADS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The dispatch-centre console in Debian's Chromium, served by the edge in front of real grid-registry,
 * issue-dispatch and analytics processes: how long after an IssueDispatched is on Kafka its card is on the board
 * (against a bare SSE client of the same feed), and how long the board of thousands of open cases takes to draw
 * and how smoothly it scrolls (against the same page with an empty board, and the browser's idle frame pacing).
 */
export function runConsoleBenchmark(settings: BenchSettings, progress: Progress): Promise<Figure[]> {
  return withBenchScope('console', settings, async (scope) => {
    const env = {
      AUTH_PUBLIC_KEY_FILE: benchPublicKeyFile(),
      LOG_LEVEL: 'warn',
      ANALYTICS_FEED_HEARTBEAT_SECONDS: '5',
    };
    const services = {
      'grid-registry': new BenchServiceProcess(repositoryRoot, 'grid-registry', await freePort(), {
        ...env,
        ...scope.serviceEnvironment('grid-registry'),
      }),
      'issue-dispatch': new BenchServiceProcess(repositoryRoot, 'issue-dispatch', await freePort(), {
        ...env,
        ...scope.serviceEnvironment('issue-dispatch'),
      }),
      analytics: new BenchServiceProcess(repositoryRoot, 'analytics', await freePort(), {
        ...env,
        ...scope.serviceEnvironment('analytics'),
      }),
    };
    for (const service of Object.values(services)) {
      scope.defer(() => service.stop());
      await service.start();
    }
    const bundle = await buildConsoleBundle(repositoryRoot);
    scope.defer(async () => bundle.remove());
    const edge = new BenchServiceProcess(repositoryRoot, 'edge', await freePort(), {
      CONSOLE_DIST: bundle.dir,
      EDGE_UPSTREAM_GRID_REGISTRY: services['grid-registry'].baseUrl,
      EDGE_UPSTREAM_ISSUE_DISPATCH: services['issue-dispatch'].baseUrl,
      EDGE_UPSTREAM_VOLUNTEER_COORDINATION: `http://127.0.0.1:${await freePort()}`,
      EDGE_UPSTREAM_ANALYTICS: services.analytics.baseUrl,
      EDGE_DEV_SIGN_IN: 'true',
      AUTH_DEV_SIGNING_KEY_FILE: benchPrivateKeyFile(),
      NODE_ENV: 'development',
    });
    scope.defer(() => edge.stop());
    await edge.start();
    const consoleUrl = edge.baseUrl;
    await setUpIntakeDistrict(services['grid-registry'].baseUrl, services['issue-dispatch'].baseUrl);
    const browser = await launchBenchChromium();
    scope.defer(() => browser.close());
    progress('console: grid-registry, issue-dispatch, analytics and the edge running, the console built, Chromium up');

    const live = await eventToRow(settings, scope, services, consoleUrl, browser, progress);
    const board = await boardOfThousands(settings, scope, services, consoleUrl, browser, progress);
    return [...live, ...board];
  });
}

type Services = Record<'grid-registry' | 'issue-dispatch' | 'analytics', BenchServiceProcess>;
type Scope = Parameters<Parameters<typeof withBenchScope>[2]>[0];
type ChromiumBrowser = Awaited<ReturnType<typeof launchBenchChromium>>;

/**
 * Reports at a steady pace; each in a category of its own whose window is shorter than the last, so every new case
 * sorts to the top of its lane — on screen, where a virtualised list draws it.
 */
async function eventToRow(
  settings: BenchSettings,
  scope: Scope,
  services: Services,
  consoleUrl: string,
  browser: ChromiumBrowser,
  progress: Progress,
): Promise<Figure[]> {
  const count = settings.consoleEvents;
  const dispatch = httpClient(
    services['issue-dispatch'].baseUrl,
    await benchToken('bench:erqi-admin', { tenant: BENCH_TENANT, roles: [{ role: 'district-admin' }] }),
  );
  for (let i = 0; i < count; i += 1) {
    const window = 3600 - i * 30;
    const windows = { micro: window, grid: window, community: window, street: window, district: window, city: window };
    const answer = await dispatch.put(`/v1/tenants/${BENCH_TENANT}/categories/live-${i}`, {
      name: `live ${i}`,
      ackWithinSeconds: windows,
    });
    if (answer.status !== 200) throw new Error(`bench: category live-${i} answered ${answer.status}`);
  }
  const token = await dispatcherToken(consoleUrl, BENCH_TENANT);
  const context = await signedInContext(browser, token);
  const page = await context.newPage();
  await page.goto(`${consoleUrl}/?level=micro`);
  await page.locator('[data-feed-state="live"]').first().waitFor({ timeout: 30_000 });
  await watchCardsAppear(page);
  const feed = await listenToFeed(`${consoleUrl}/api/analytics/v1/tenants/${BENCH_TENANT}/feed`, token);
  const probe = await startArrivalProbe(
    scope.kafka,
    scope.physicalTopic(Topics.issueEvents.name),
    scope.consumerGroup('bench.console-probe'),
    dispatchedIssueOf,
  );
  scope.defer(() => probe.stop());
  progress(
    `console: ${count} reports at ${settings.consoleEventRate}/s, each timed from IssueDispatched on Kafka to its card on the board`,
  );
  const resident = dispatch.as(await residentToken());
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const answer = await resident.post<{ id: string }>(`/v1/tenants/${BENCH_TENANT}/issues`, {
      category: `live-${i}`,
      address: INTAKE_ADDRESS,
      description: `bench ${i}`,
      reporter: { name: '王女士', phone: '13700000000' },
    });
    if (answer.status !== 201)
      throw new Error(`bench: report ${i} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    ids.push(answer.body.id);
    await sleep(1000 / settings.consoleEventRate);
  }
  let seen: Record<string, number> = {};
  await waitUntil(
    async () => {
      seen = await cardsSeen(page);
      return ids.every((id) => id in seen);
    },
    'every report on the page',
    30_000,
    200,
  );
  feed.stop();
  await context.close();
  // The probe notes arrivals on the monotonic clock; the page and the feed client on the epoch clock of this machine.
  const onKafka = (id: string) => performance.timeOrigin + (probe.arrivals.get(id) as number);
  const missing = ids.filter((id) => !probe.arrivals.has(id) || !feed.dispatched.has(id));
  if (missing.length > 0)
    progress(`console: warning — ${missing.length} reports not seen on Kafka or the feed; left out`);
  const measured = ids.filter((id) => !missing.includes(id));
  const toPage = percentiles(measured.map((id) => seen[id] - onKafka(id)));
  const toFeed = percentiles(measured.map((id) => (feed.dispatched.get(id) as number) - onKafka(id)));
  progress(
    `console: Kafka → card on the page p50 ${toPage.p50.toFixed(0)} / p99 ${toPage.p99.toFixed(0)} ms; Kafka → bare SSE client p50 ${toFeed.p50.toFixed(0)} / p99 ${toFeed.p99.toFixed(0)} ms`,
  );
  return [
    latencyFigure({
      id: 'console.event-to-row.p50',
      label: 'IssueDispatched on Kafka → its card on the board, p50',
      value: toPage.p50,
      unit: 'ms',
      baseline: toFeed.p50,
      baselineLabel: 'the same to a bare SSE client of the feed, p50',
    }),
    latencyFigure({
      id: 'console.event-to-row.p99',
      label: 'IssueDispatched on Kafka → its card on the board, p99',
      value: toPage.p99,
      unit: 'ms',
      baseline: toFeed.p99,
      baselineLabel: 'the same to a bare SSE client of the feed, p99',
    }),
  ];
}

async function boardOfThousands(
  settings: BenchSettings,
  scope: Scope,
  services: Services,
  consoleUrl: string,
  browser: ChromiumBrowser,
  progress: Progress,
): Promise<Figure[]> {
  const client = await scope.sql();
  const grids = Object.fromEntries(
    (
      await client.query<{ id: string; level: string }>(
        `SELECT id, level FROM grid_registry.grids WHERE tenant_id = $1`,
        [BENCH_TENANT],
      )
    ).rows.map((row) => [row.level, row.id]),
  ) as { micro: string; grid: string; community: string; street: string };
  await writeOpenCases(client, BENCH_TENANT, settings.consoleCases, grids);
  const total = settings.consoleCases + settings.consoleEvents + 1;
  // The baseline district: known to every service, no case at all.
  const created = await httpClient(services['grid-registry'].baseUrl, await benchCityAdminToken()).post('/v1/tenants', {
    tenantId: EMPTY_TENANT,
    divisionCode: '410105',
    name: '金水区',
  });
  if (created.status !== 201) throw new Error(`bench: the empty district answered ${created.status}`);
  const emptyToken = await dispatcherToken(consoleUrl, EMPTY_TENANT);
  const emptyAnalytics = httpClient(services.analytics.baseUrl, emptyToken);
  await waitUntil(
    async () => (await emptyAnalytics.get(`/v1/tenants/${EMPTY_TENANT}/board`)).status === 200,
    'analytics to know the empty district',
    60_000,
    200,
  );
  const busyToken = await dispatcherToken(consoleUrl, BENCH_TENANT);

  progress(
    `console: first render of the board with ${total} open cases vs an empty board, median of ${LOADS} loads each`,
  );
  const drawTimes = async (token: string, expected: number) => {
    const times: number[] = [];
    for (let load = 0; load < LOADS; load += 1) {
      const context = await signedInContext(browser, token);
      times.push(await boardDrawnAfter(await context.newPage(), `${consoleUrl}/`, expected));
      await context.close();
    }
    return median(times);
  };
  await drawTimes(emptyToken, 0); // warm the edge's and the services' first requests
  const empty = await drawTimes(emptyToken, 0);
  const busy = await drawTimes(busyToken, total);

  const context = await signedInContext(browser, busyToken);
  const page = await context.newPage();
  await boardDrawnAfter(page, `${consoleUrl}/`, total);
  const idle = percentiles(await frameIntervals(page, '.lane-micro .lane-scroll', 3000, false));
  const scrolling = percentiles(await frameIntervals(page, '.lane-micro .lane-scroll', 3000, true));
  await context.close();
  progress(
    `console: board of ${total} drawn in ${busy.toFixed(0)} ms (empty board ${empty.toFixed(0)} ms); scrolling the micro-grid lane: frame p99 ${scrolling.p99.toFixed(1)} ms (idle ${idle.p99.toFixed(1)} ms)`,
  );
  return [
    latencyFigure({
      id: 'console.first-render',
      label: `first render of the board, ${total} open cases (median of ${LOADS})`,
      value: busy,
      unit: 'ms',
      baseline: empty,
      baselineLabel: 'the same page with an empty board',
    }),
    latencyFigure({
      id: 'console.scroll-frame.p99',
      label: `frame interval p99 scrolling a lane of ${Math.round(total * 0.4)} cases top to bottom in 3 s`,
      value: scrolling.p99,
      unit: 'ms',
      baseline: idle.p99,
      baselineLabel: 'frame interval p99, page idle',
    }),
  ];
}

import fc from 'fast-check';
import { FuzzRequest, requestsFor, Caller } from '../support/fuzz/fuzz-request';
import { documentsError, errorCodesOfEveryRoute, Route, routesOf } from '../support/fuzz/openapi-routes';
import { buildIntakeDistrict } from '../support/intake-district';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { AppName } from '../support/service-process';
import { eventsWritten, settledState } from '../support/stored-state';
import { as } from '../support/tokens';

/**
 * FUZZ_SEED repeats a run exactly; FUZZ_RUNS sets the requests per route (the default keeps the file under 3 minutes
 * on a quiet machine; the timeout leaves room for a suite running specs side by side).
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_260_601);
const runsPerRoute = Number(process.env.FUZZ_RUNS ?? 32);
const apps: AppName[] = ['grid-registry', 'issue-dispatch', 'volunteer-coordination', 'analytics'];
const schemaOf: Record<AppName, string> = {
  'grid-registry': 'grid_registry',
  'issue-dispatch': 'issue_dispatch',
  'volunteer-coordination': 'volunteer_coordination',
  analytics: 'analytics',
};
const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Outcome {
  readonly app: AppName;
  readonly route: Route;
  readonly request: FuzzRequest;
  readonly status: number;
  readonly body: string;
  readonly wroteEvents: boolean;
}

/**
 * Property-based: every route of every running service (from its own /openapi.json) gets requests with values
 * generated from its schema to be wrong — control and bidi characters, lone surrogates, deep and huge JSON,
 * wrong types, impossible dates, numbers out of range, overlong strings, bad path parameters — mostly with a
 * district admin's token of the right district, some with a city admin's, a resident's or none. The property:
 * no answer is a 5xx, and a refused request writes no event (its service's outbox sequence does not move).
 */
describe('fuzzing every route of every service with bad input', () => {
  let platform: PlatformUnderTest;
  const tokens: Partial<Record<Caller, string>> = {};
  const realIds: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform('fuzz', apps);
    const district = await buildIntakeDistrict(platform);
    realIds.push(...Object.values(district.grid), district.placeId);
    tokens['district-admin'] = await as.districtAdmin('erqi');
    tokens['city-admin'] = await as.cityAdmin();
    tokens.resident = await as.resident('erqi');
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  async function send(base: string, request: FuzzRequest): Promise<{ status: number; body: string }> {
    const bearer = tokens[request.caller];
    const response = await fetch(`${base}${request.target}`, {
      method: request.method,
      headers: { ...request.headers, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: request.body,
      signal: AbortSignal.timeout(15_000),
    });
    // A live feed answers 200 and never ends: its status is all we need.
    if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, body: '' };
    }
    return { status: response.status, body: (await response.text()).slice(0, 300) };
  }

  async function ownEvents(app: AppName): Promise<string> {
    const written = await eventsWritten(platform.database);
    return written.split(' ').find((entry) => entry.startsWith(`${schemaOf[app]}=`)) ?? '';
  }

  it('answers no request with a 5xx and stores nothing for a refused one', async () => {
    const startedAt = Date.now();
    const before = await settledState(platform.database);
    const outcomes: Outcome[] = [];
    let routeCount = 0;
    const codesOfEveryRoute: Partial<Record<AppName, Set<string>>> = {};
    for (const [appIndex, app] of apps.entries()) {
      const base = platform.services[app].baseUrl;
      const document = (await (await fetch(`${base}/openapi.json`)).json()) as Parameters<typeof routesOf>[0];
      const routes = routesOf(document);
      codesOfEveryRoute[app] = errorCodesOfEveryRoute(document);
      routeCount += routes.length;
      for (const [routeIndex, route] of routes.entries()) {
        const requests = fc.sample(requestsFor(route, realIds), {
          seed: seed + appIndex * 1000 + routeIndex,
          numRuns: runsPerRoute,
        });
        for (const request of requests) {
          const eventsBefore = mutating.has(request.method) ? await ownEvents(app) : '';
          const { status, body } = await send(base, request);
          const wroteEvents = mutating.has(request.method) && status >= 400 && (await ownEvents(app)) !== eventsBefore;
          outcomes.push({ app, route, request, status, body, wroteEvents });
        }
      }
    }
    const count = (test: (o: Outcome) => boolean) => outcomes.filter(test).length;
    const accepted = outcomes.filter((o) => o.status < 300 && mutating.has(o.request.method));
    const summary = {
      seed,
      runsPerRoute,
      routes: routeCount,
      requests: outcomes.length,
      '2xx': count((o) => o.status < 300),
      '4xx': count((o) => o.status >= 400 && o.status < 500),
      '5xx': count((o) => o.status >= 500),
      acceptedChanges: accepted.length,
      seconds: Math.round((Date.now() - startedAt) / 1000),
    };
    process.stdout.write(`input fuzz: ${JSON.stringify(summary)}\n`);
    const describeOutcome = (o: Outcome) =>
      `${o.app} ${o.request.method} ${o.request.target.slice(0, 200)} as ${o.request.caller} → ${o.status} ${o.body.slice(0, 160)} | body ${String(o.request.body ?? '').slice(0, 160)}`;
    expect(outcomes.filter((o) => o.status >= 500).map(describeOutcome)).toEqual([]);
    expect(outcomes.filter((o) => o.wroteEvents).map(describeOutcome)).toEqual([]);
    // With every change refused, no table of any service holds a row more or less than before the run.
    if (accepted.length === 0) expect((await settledState(platform.database)).rows).toEqual(before.rows);
    else
      process.stdout.write(
        `input fuzz: accepted changes (row counts not compared):\n${accepted.map(describeOutcome).join('\n')}\n`,
      );
    expect(summary.requests).toBeGreaterThan(routeCount * runsPerRoute * 0.99);
    // Every refusal is one its route documents — the status, and the code under that status — so the OpenAPI error
    // lists (written from the catalogues by @ApiErrors) are complete, not merely correct.
    // Our shape {"code":"X"}, or Open311's (JSON or XML), whose description starts with our code: "X: …".
    const codeOf = (body: string) =>
      /"code":"([A-Z][A-Z_]+)"|"description":"([A-Z][A-Z_]+):|<description>([A-Z][A-Z_]+):/
        .exec(body)
        ?.slice(1)
        .find(Boolean) ?? null;
    const undocumented = outcomes.filter(
      (o) =>
        o.status >= 400 &&
        o.status < 500 &&
        !documentsError(o.route, codesOfEveryRoute[o.app] ?? new Set(), o.status, codeOf(o.body)),
    );
    expect(
      undocumented
        .map((o) => `${o.app} ${o.route.method} ${o.route.path} → ${o.status} ${codeOf(o.body) ?? o.body.slice(0, 80)}`)
        .filter((line, index, all) => all.indexOf(line) === index),
    ).toEqual([]);
  }, 420_000);
});

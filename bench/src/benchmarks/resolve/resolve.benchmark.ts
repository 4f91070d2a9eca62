import path from 'node:path';
import { freePort, httpClient } from '@gridline/testing';
import { LocationResolver } from '../../../../apps/grid-registry/src/places/domain/location-resolver';
import { validateBoundary } from '../../../../apps/grid-registry/src/places/domain/polygon-validation';
import { BenchSettings } from '../../bench-settings';
import { City, defaultCityOptions, generateCity } from '../../city/city-generator';
import { loadCity } from '../../city/city-loader';
import { withBenchScope } from '../../harness/bench-scope';
import { benchCityAdminToken, benchPublicKeyFile } from '../../harness/dev-auth';
import { Figure, latencyFigure, throughputFigure } from '../../harness/figure';
import { httpLoad } from '../../harness/http-load';
import { now, perSecond, timed } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { BenchServiceProcess } from '../../harness/service-process';
import { AddressQuery, addressPath, addressQueries, PointQuery, pointPath, pointQueries } from './resolve-queries';

/** The target for resolutions per second on this machine. */
const TARGET_PER_SECOND = 10_000;
/** Compiled to dist/bench/src/benchmarks/resolve/; the repository root is five levels up. */
const repositoryRoot = path.resolve(__dirname, '../../../../..');
const QUERY_SEED = 7;
const CHECKED_ANSWERS = 1000;
/** Locations per POST /resolve/batch in the batch figure (the endpoint takes up to 1,000). */
const BATCH_SIZE = 100;

/**
 * `total` resolutions through POST /resolve/batch, `concurrency` requests in flight, each a batch of one district's
 * points. fetch is fine here: with 100 locations per request the client's cost per resolution is small.
 */
async function batchLoad(
  baseUrl: string,
  points: readonly PointQuery[],
  headers: Record<string, string>,
  total: number,
  concurrency: number,
) {
  const byTenant = new Map<string, PointQuery[]>();
  for (const p of points) byTenant.set(p.tenantId, [...(byTenant.get(p.tenantId) ?? []), p]);
  const bodies: Array<{ url: string; body: string }> = [];
  for (const [tenantId, queries] of byTenant) {
    for (let i = 0; i + BATCH_SIZE <= queries.length; i += BATCH_SIZE) {
      bodies.push({
        url: `${baseUrl}/v1/tenants/${tenantId}/resolve/batch`,
        body: JSON.stringify({ locations: queries.slice(i, i + BATCH_SIZE).map(({ lon, lat }) => ({ lon, lat })) }),
      });
    }
  }
  const requests = Math.ceil(total / BATCH_SIZE);
  let next = 0;
  let misses = 0;
  const post = async (index: number) => {
    const { url, body } = bodies[index % bodies.length];
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
    if (response.status !== 200)
      throw new Error(`bench: POST /resolve/batch answered ${response.status}: ${await response.text()}`);
    misses += ((await response.json()) as { missed: number }).missed;
  };
  for (let i = 0; i < Math.min(20, requests); i += 1) await post(i); // warm-up
  const started = now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) await post(next++);
    }),
  );
  return { rate: perSecond(requests * BATCH_SIZE, now() - started), requests, misses };
}

/** The same code the service runs (places/domain), fed straight from the generated city. */
function buildInProcess(city: City): LocationResolver {
  const resolver = new LocationResolver();
  for (const grid of city.grids) {
    resolver.putGrid(
      {
        gridId: grid.id,
        tenantId: grid.tenantId,
        level: grid.level,
        code: grid.code,
        name: grid.name,
        dedicated: grid.dedicated,
      },
      2,
    );
    resolver.setBoundary(grid.tenantId, grid.id, grid.boundary, 2);
  }
  for (const place of city.places)
    resolver.putPlace({ placeId: place.id, tenantId: place.tenantId, gridId: place.gridId, address: place.address });
  return resolver;
}

function lookupsPerSecond<Q>(
  queries: readonly Q[],
  lookups: number,
  resolve: (q: Q) => unknown,
): { rate: number; misses: number } {
  let misses = 0;
  for (let i = 0; i < Math.min(20_000, lookups); i += 1) resolve(queries[i % queries.length]); // warm-up for the JIT
  const started = now();
  for (let i = 0; i < lookups; i += 1) if (resolve(queries[i % queries.length]) === null) misses += 1;
  return { rate: perSecond(lookups, now() - started), misses };
}

/**
 * Resolve throughput on the city-scale dataset: the in-process lookup (spatial index + point-in-polygon, the
 * service's own domain code) against the 10,000/s target, and the same resolutions through the HTTP API of a
 * real grid-registry process against the in-process rate and against a trivial GET (/health) of the same process.
 */
export function runResolveBenchmark(settings: BenchSettings, progress: Progress): Promise<Figure[]> {
  return withBenchScope('resolve', settings, async (scope) => {
    const generated = await timed(async () =>
      generateCity({ ...defaultCityOptions, districts: settings.cityDistricts }),
    );
    const city = generated.result;
    const micro = city.grids.filter((g) => g.level === 'micro').length;
    const dedicated = city.grids.filter((g) => g.dedicated !== null).length;
    progress(
      `city: ${city.tenants.length} districts, ${city.grids.length} grids with boundaries (${micro} micro-grids, ${dedicated} dedicated), ` +
        `${city.places.length} places; generated in ${(generated.ms / 1000).toFixed(1)} s`,
    );
    const invalid = city.grids.filter((grid) => !validateBoundary(grid.boundary).valid);
    if (invalid.length > 0)
      throw new Error(`bench: the generator drew ${invalid.length} invalid boundaries, e.g. grid ${invalid[0].code}`);

    const built = await timed(async () => buildInProcess(city));
    const resolver = built.result;
    progress(`in-process index built in ${(built.ms / 1000).toFixed(2)} s; every boundary passed polygon validation`);
    const points = pointQueries(city, 100_000, QUERY_SEED);
    const addresses = addressQueries(city, 100_000, QUERY_SEED + 1);
    const pointInProcess = lookupsPerSecond(points, settings.resolveLookups, (q: PointQuery) =>
      resolver.resolvePoint(q.tenantId, q.lon, q.lat),
    );
    const addressInProcess = lookupsPerSecond(addresses, settings.resolveLookups, (q: AddressQuery) =>
      resolver.resolveAddress(q.tenantId, q.address),
    );
    progress(
      `in-process: ${Math.round(pointInProcess.rate).toLocaleString('en-US')} points/s, ${Math.round(addressInProcess.rate).toLocaleString('en-US')} addresses/s (${settings.resolveLookups.toLocaleString('en-US')} lookups each; misses ${pointInProcess.misses} / ${addressInProcess.misses})`,
    );

    // The service: migrate an empty database, stop, load the city straight into its tables, start again.
    const cityAdminToken = await benchCityAdminToken();
    const registry = new BenchServiceProcess(repositoryRoot, 'grid-registry', await freePort(), {
      ...scope.serviceEnvironment('grid-registry'),
      AUTH_PUBLIC_KEY_FILE: benchPublicKeyFile(),
      LOG_LEVEL: 'warn',
    });
    scope.defer(() => registry.stop());
    const emptyStart = await registry.start();
    await registry.stop();
    const client = await scope.sql();
    const loaded = await timed(() => loadCity(client, city));
    progress(
      `fixture loaded into grid_registry (direct multi-row INSERTs, no events) in ${(loaded.ms / 1000).toFixed(1)} s`,
    );
    const cityStart = await registry.start();
    progress(
      `grid-registry answers /health ${(cityStart / 1000).toFixed(1)} s after start with the city (index rebuilt from PostgreSQL); ${(emptyStart / 1000).toFixed(1)} s empty`,
    );

    // The HTTP answers must be the in-process answers.
    const registryApi = httpClient(registry.baseUrl, cityAdminToken);
    let disagreements = 0;
    for (let i = 0; i < CHECKED_ANSWERS; i += 1) {
      const p = points[i];
      const a = addresses[i];
      const [overHttpPoint, overHttpAddress] = await Promise.all([
        registryApi.get<{ gridId?: string }>(pointPath(p)),
        registryApi.get<{ gridId?: string }>(addressPath(a)),
      ]);
      if (overHttpPoint.body.gridId !== resolver.resolvePoint(p.tenantId, p.lon, p.lat)?.grid.gridId)
        disagreements += 1;
      if (overHttpAddress.body.gridId !== resolver.resolveAddress(a.tenantId, a.address)?.grid.gridId)
        disagreements += 1;
    }
    if (disagreements > 0)
      throw new Error(
        `bench: ${disagreements} of ${2 * CHECKED_ANSWERS} HTTP answers differ from the in-process lookup`,
      );
    progress(`checked ${2 * CHECKED_ANSWERS} HTTP answers against the in-process lookup: all agree`);

    // The load generators write the token as a raw header.
    const auth = { authorization: `Bearer ${cityAdminToken}` };
    const load = (paths: readonly string[], headers?: Record<string, string>) =>
      httpLoad(registry.baseUrl, paths, {
        total: settings.resolveRequests,
        concurrency: settings.resolveConcurrency,
        headers,
      });
    await load(points.slice(0, 2000).map(pointPath), auth); // warm-up
    const describe = (r: Awaited<ReturnType<typeof load>>) =>
      [...r.statuses].map(([status, n]) => `${n}×${status}`).join(', ');
    const health = await load(['/health']);
    progress(
      `HTTP /health: ${Math.round(perSecond(health.requests, health.ms)).toLocaleString('en-US')}/s (${describe(health)})`,
    );
    const pointHttp = await load(points.map(pointPath), auth);
    progress(
      `HTTP resolve by point: ${Math.round(perSecond(pointHttp.requests, pointHttp.ms)).toLocaleString('en-US')}/s (${describe(pointHttp)})`,
    );
    const addressHttp = await load(addresses.map(addressPath), auth);
    progress(
      `HTTP resolve by address: ${Math.round(perSecond(addressHttp.requests, addressHttp.ms)).toLocaleString('en-US')}/s (${describe(addressHttp)})`,
    );
    for (const [what, result] of [
      ['point', pointHttp],
      ['address', addressHttp],
      ['health', health],
    ] as const) {
      const failed = [...result.statuses].filter(([status]) => status !== 200).reduce((n, [, count]) => n + count, 0);
      if (failed > 0)
        throw new Error(
          `bench: ${failed} ${what} requests did not answer 200 (${describe(result)}); see ${registry.logFile}`,
        );
    }

    const batch = await batchLoad(
      registry.baseUrl,
      points,
      auth,
      settings.resolveRequests * 5,
      settings.resolveConcurrency,
    );
    progress(
      `HTTP resolve in batches of ${BATCH_SIZE} points: ${Math.round(batch.rate).toLocaleString('en-US')} resolutions/s (${batch.requests} requests, misses ${batch.misses})`,
    );

    const healthRate = perSecond(health.requests, health.ms);
    const pointRate = perSecond(pointHttp.requests, pointHttp.ms);
    const addressRate = perSecond(addressHttp.requests, addressHttp.ms);
    const http = `${settings.resolveConcurrency} in flight`;
    return [
      throughputFigure({
        id: 'resolve.point.in-process',
        label: 'resolve by point, in-process lookup',
        value: pointInProcess.rate,
        unit: 'lookups/s',
        baseline: TARGET_PER_SECOND,
        baselineLabel: 'target: 10,000/s (issue 3)',
      }),
      throughputFigure({
        id: 'resolve.address.in-process',
        label: 'resolve by address, in-process lookup',
        value: addressInProcess.rate,
        unit: 'lookups/s',
        baseline: TARGET_PER_SECOND,
        baselineLabel: 'target: 10,000/s (issue 3)',
      }),
      throughputFigure({
        id: 'resolve.point.http',
        label: `resolve by point over HTTP (${http})`,
        value: pointRate,
        unit: 'req/s',
        baseline: pointInProcess.rate,
        baselineLabel: 'the in-process lookup, same points',
      }),
      throughputFigure({
        id: 'resolve.point.http.vs-health',
        label: 'resolve by point over HTTP vs /health',
        value: pointRate,
        unit: 'req/s',
        baseline: healthRate,
        baselineLabel: 'GET /health of the same process',
      }),
      throughputFigure({
        id: 'resolve.address.http',
        label: `resolve by address over HTTP (${http})`,
        value: addressRate,
        unit: 'req/s',
        baseline: addressInProcess.rate,
        baselineLabel: 'the in-process lookup, same addresses',
      }),
      throughputFigure({
        id: 'resolve.address.http.vs-health',
        label: 'resolve by address over HTTP vs /health',
        value: addressRate,
        unit: 'req/s',
        baseline: healthRate,
        baselineLabel: 'GET /health of the same process',
      }),
      throughputFigure({
        id: 'resolve.point.http.batch',
        label: `resolve by point over HTTP, POST /resolve/batch of ${BATCH_SIZE}`,
        value: batch.rate,
        unit: 'lookups/s',
        baseline: TARGET_PER_SECOND,
        baselineLabel: 'target: 10,000/s (issue 3)',
      }),
      throughputFigure({
        id: 'resolve.point.http.batch.vs-in-process',
        label: 'resolve by point over HTTP in batches vs in-process',
        value: batch.rate,
        unit: 'lookups/s',
        baseline: pointInProcess.rate,
        baselineLabel: 'the in-process lookup, same points',
      }),
      latencyFigure({
        id: 'resolve.start',
        label: 'grid-registry start to /health, with the city',
        value: cityStart,
        unit: 'ms',
        baseline: emptyStart,
        baselineLabel: 'the same start with no grids',
      }),
    ];
  });
}

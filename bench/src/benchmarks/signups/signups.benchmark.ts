import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Pool } from 'pg';
import { freePort, httpClient } from '@gridline/testing';
import { BenchSettings } from '../../bench-settings';
import { withBenchScope } from '../../harness/bench-scope';
import { benchCityAdminToken, benchPublicKeyFile, benchResidentToken } from '../../harness/dev-auth';
import { Figure, throughputFigure } from '../../harness/figure';
import { httpLoad, jsonPost } from '../../harness/http-load';
import { now, perSecond } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { BenchServiceProcess } from '../../harness/service-process';

/** Compiled to dist/bench/src/benchmarks/signups/; the repository root is five levels up. */
const repositoryRoot = path.resolve(__dirname, '../../../../..');
const TENANT = 'bench-district';
const GRID = 'bench-community';
const SCHEMA = 'volunteer_coordination';

/** Single-row INSERT transactions of sign-up-shaped rows per second, `inFlight` at a time. */
async function plainInsertRate(
  pool: Pool,
  occurrenceId: string,
  rows: number,
  inFlight: number,
  offset: number,
): Promise<number> {
  let next = 0;
  const started = now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < rows) {
        const i = offset + next;
        next += 1;
        await pool.query(
          `INSERT INTO bench_raw_sign_ups (id, tenant_id, occurrence_id, pool_id, role, person_key, resident_subject, signed_up_by, status)
         VALUES ($1, $2, $3, $3, 'resident', $4, $5, $5, 'confirmed')`,
          [randomUUID(), TENANT, occurrenceId, `resident:bench-resident-${i}`, `bench-resident-${i}`],
        );
      }
    }),
  );
  return perSecond(rows, now() - started);
}

/**
 * Sign-ups per second for one popular occurrence with the no-overbooking guarantee held: BENCH_SIGNUPS residents
 * (one token each) sign up through the HTTP API of a real volunteer-coordination process for BENCH_SIGNUP_PLACES
 * places, BENCH_SIGNUP_CONCURRENCY at a time. Afterwards the database must show exactly `places` confirmed and the
 * rest waitlisted, the counter agreeing; otherwise the run fails. Baselines in the same run: plain single-row
 * INSERT transactions of the same sign-up rows from as many connections (no counter, no HTTP), and GET /health.
 */
export function runSignupsBenchmark(settings: BenchSettings, progress: Progress): Promise<Figure[]> {
  return withBenchScope('signups', settings, async (scope) => {
    const service = new BenchServiceProcess(repositoryRoot, 'volunteer-coordination', await freePort(), {
      ...scope.serviceEnvironment('volunteer-coordination'),
      AUTH_PUBLIC_KEY_FILE: benchPublicKeyFile(),
      LOG_LEVEL: 'warn',
    });
    scope.defer(() => service.stop());
    await service.start();
    // Fixture: the district and its community straight into the grid replica (as if grid-registry had sent them).
    const sql = await scope.sql();
    await sql.query(
      `INSERT INTO ${SCHEMA}.tenant_replica (tenant_id, division_code, name, version) VALUES ($1, '410103', 'bench', 1)`,
      [TENANT],
    );
    await sql.query(
      `INSERT INTO ${SCHEMA}.grid_replica (grid_id, tenant_id, parent_id, level, code, name, dedicated, addresses, version)
                     VALUES ($1, $2, NULL, 'community', '001', 'bench community', NULL, '{}', 1)`,
      [GRID, TENANT],
    );

    const host = new URL(service.baseUrl).host;
    const created = await httpClient(service.baseUrl, await benchCityAdminToken()).post<{
      occurrences: Array<{ id: string; startsAt: string }>;
    }>(`/v1/tenants/${TENANT}/service-events`, {
      title: '专家义诊 (bench)',
      gridId: GRID,
      recurrence: { frequency: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] },
      horizonDays: 3,
      startTime: '23:00',
      endTime: '23:30',
      residentSlots: [{ service: 'clinic', capacity: settings.signupPlaces }],
      volunteerShifts: [],
      reminderLeadMinutes: [1],
    });
    if (created.status !== 201)
      throw new Error(`bench: creating the service event answered ${created.status}: ${JSON.stringify(created.body)}`);
    const occurrences = created.body.occurrences;
    const occurrence = occurrences.find((o) => new Date(o.startsAt).getTime() > Date.now() + 30 * 60_000);
    if (!occurrence) throw new Error('bench: no occurrence far enough ahead');

    const tokens = await Promise.all(
      Array.from({ length: settings.signups }, (_, i) => benchResidentToken(TENANT, `bench-resident-${i}`)),
    );
    const signUpPath = `/v1/tenants/${TENANT}/service-occurrences/${occurrence.id}/sign-ups`;
    const requests = tokens.map((token) =>
      jsonPost(host, signUpPath, { role: 'resident' }, { authorization: `Bearer ${token}` }),
    );
    const load = await httpLoad(service.baseUrl, [], {
      total: settings.signups,
      concurrency: settings.signupConcurrency,
      request: (i) => requests[i],
    });
    const rate = perSecond(load.requests, load.ms);
    const statuses = [...load.statuses].map(([status, n]) => `${n}×${status}`).join(', ');
    progress(
      `${settings.signups.toLocaleString('en-US')} sign-ups for ${settings.signupPlaces} places, ${settings.signupConcurrency} in flight: ${Math.round(rate)}/s (${statuses})`,
    );
    if (load.statuses.get(201) !== settings.signups)
      throw new Error(`bench: not every sign-up was accepted (${statuses}); see ${service.logFile}`);

    // The guarantee, checked in the database: exactly `places` confirmed, the rest waitlisted, counters agreeing.
    const [pool] = (
      await sql.query(`SELECT taken, waitlisted, capacity FROM ${SCHEMA}.occurrence_pools WHERE occurrence_id = $1`, [
        occurrence.id,
      ])
    ).rows;
    const [counts] = (
      await sql.query(
        `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
              count(DISTINCT person_key)::int AS people, count(DISTINCT waitlist_seq)::int AS seqs
         FROM ${SCHEMA}.service_sign_ups WHERE occurrence_id = $1`,
        [occurrence.id],
      )
    ).rows;
    const expectedWaitlist = settings.signups - settings.signupPlaces;
    const held =
      pool.taken === settings.signupPlaces &&
      pool.waitlisted === expectedWaitlist &&
      counts.confirmed === settings.signupPlaces &&
      counts.waitlisted === expectedWaitlist &&
      counts.people === settings.signups &&
      counts.seqs === expectedWaitlist;
    if (!held)
      throw new Error(
        `bench: overbooking guarantee broken: pool ${JSON.stringify(pool)}, sign-ups ${JSON.stringify(counts)}`,
      );
    progress(`volunteer-coordination: peak RSS ${service.peakRssMb() ?? '?'} MB`);
    progress(
      `guarantee held: ${counts.confirmed} confirmed of ${pool.capacity} places, ${counts.waitlisted} waitlisted in ${counts.seqs} distinct positions, pool counters agree`,
    );

    // Baselines 1 and 2: the same rows by plain INSERT, one transaction each — from as many connections, and from
    // one (commits one after another: the ceiling of any design that serialises one pool's sign-ups).
    await sql.query(`CREATE SCHEMA IF NOT EXISTS ${scope.config.databaseSchema}`);
    await sql.query(`CREATE TABLE bench_raw_sign_ups (LIKE ${SCHEMA}.service_sign_ups INCLUDING DEFAULTS)`);
    const raw = new Pool({
      connectionString: scope.config.databaseUrl,
      max: Math.min(settings.signupConcurrency, 20),
      options: `-c search_path=${scope.config.databaseSchema}`,
    });
    scope.defer(() => raw.end());
    const rawRate = await plainInsertRate(raw, occurrence.id, settings.signups, settings.signupConcurrency, 0);
    progress(`plain INSERT of the same rows, ${settings.signupConcurrency} in flight: ${Math.round(rawRate)}/s`);
    const serialRate = await plainInsertRate(
      raw,
      occurrence.id,
      Math.min(settings.signups, 2_000),
      1,
      settings.signups,
    );
    progress(`plain INSERT, one after another: ${Math.round(serialRate)}/s`);

    // Baseline 3: the HTTP floor of the same process.
    const health = await httpLoad(service.baseUrl, ['/health'], {
      total: settings.signups,
      concurrency: settings.signupConcurrency,
    });
    const healthRate = perSecond(health.requests, health.ms);
    progress(`GET /health: ${Math.round(healthRate)}/s`);

    const label = `sign-ups, one occurrence, ${settings.signupPlaces} places, ${settings.signupConcurrency} in flight`;
    return [
      throughputFigure({
        id: 'signups.http',
        label,
        value: rate,
        unit: 'sign-ups/s',
        baseline: rawRate,
        baselineLabel: 'plain INSERT of the same rows, 1 per transaction',
      }),
      throughputFigure({
        id: 'signups.http.vs-serial-insert',
        label: 'sign-ups vs commits one after another',
        value: rate,
        unit: 'sign-ups/s',
        baseline: serialRate,
        baselineLabel: 'plain INSERT transactions on one connection',
      }),
      throughputFigure({
        id: 'signups.http.vs-health',
        label: 'sign-ups over HTTP vs /health',
        value: rate,
        unit: 'sign-ups/s',
        baseline: healthRate,
        baselineLabel: 'GET /health of the same process',
      }),
    ];
  });
}

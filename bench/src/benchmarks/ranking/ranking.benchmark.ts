import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { CandidatePool } from '../../../../apps/volunteer-coordination/src/matching/candidate-pool';
import {
  Candidate,
  rankCandidates,
  TaskToFill,
} from '../../../../apps/volunteer-coordination/src/matching/domain/rank-candidates';
import { InitialSchema1764400000000 } from '../../../../apps/volunteer-coordination/src/migrations/1764400000000-initial-schema';
import { VolunteerMatching1764530000000 } from '../../../../apps/volunteer-coordination/src/migrations/1764530000000-volunteer-matching';
import { BenchSettings } from '../../bench-settings';
import { SeededRandom } from '@gridline/testing';
import { withBenchScope } from '../../harness/bench-scope';
import { Figure, latencyFigure } from '../../harness/figure';
import { now, percentiles, timed } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { generateVolunteerCity, rankingSkills, VolunteerCity } from './volunteer-city';

const SCHEMA = 'volunteer_coordination';
const CHUNK = 5000;
// Saturday 2026-06-06, 09:00-11:00 in Shanghai: a morning when about half the weekly windows are open.
const WINDOW = { start: new Date('2026-06-06T01:00:00Z'), end: new Date('2026-06-06T03:00:00Z') };

interface RankingTask {
  readonly tenantId: string;
  readonly task: TaskToFill;
}

function drawTasks(city: VolunteerCity, count: number, seed: number): RankingTask[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => {
    const micro = city.micros[random.integer(city.micros.length)];
    return {
      tenantId: micro.tenantId,
      task: {
        need: { skill: rankingSkills[random.integer(rankingSkills.length)], minLevel: 1, certificateRequired: false },
        lineage: micro.lineage,
        ...WINDOW,
        timeZone: 'Asia/Shanghai',
      },
    };
  });
}

function meanMs(samples: readonly number[]): number {
  return samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
}

/** The service's schema, made by the service's own migrations. */
async function migrate(databaseUrl: string): Promise<void> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    schema: SCHEMA,
    migrations: [InitialSchema1764400000000, VolunteerMatching1764530000000],
    migrationsTransactionMode: 'each',
    extra: { options: `-c search_path=${SCHEMA}` },
  });
  await dataSource.initialize();
  try {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}

/** Grid replica and volunteers straight into the tables (a fixture, not the API: no events), plus one offer per volunteer in four for load counts. */
async function load(client: Client, city: VolunteerCity): Promise<void> {
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO tenant_replica (tenant_id, division_code, name, version) SELECT t, '410100', t, 1 FROM unnest($1::text[]) AS t`,
    [city.tenants],
  );
  for (let i = 0; i < city.grids.length; i += CHUNK) {
    const part = city.grids.slice(i, i + CHUNK);
    await client.query(
      `INSERT INTO grid_replica (grid_id, tenant_id, parent_id, level, code, name, version)
       SELECT g, t, p, l, g, g, 1 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(g, t, p, l)`,
      [part.map((g) => g.gridId), part.map((g) => g.tenantId), part.map((g) => g.parentId), part.map((g) => g.level)],
    );
  }
  for (let i = 0; i < city.volunteers.length; i += CHUNK) {
    const part = city.volunteers.slice(i, i + CHUNK);
    await client.query(
      `INSERT INTO volunteers (id, tenant_id, name, home_grid_id, skills, skill_claims, availability, weekly_task_cap, registered_at)
       SELECT id, t, 'bench', g, ARRAY(SELECT jsonb_array_elements(c) ->> 'skill'), c, a, cap, r
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[], $6::int[], $7::timestamptz[]) AS x(id, t, g, c, a, cap, r)`,
      [
        part.map((v) => v.volunteerId),
        part.map((v) => v.tenantId),
        part.map((v) => v.homeGridId),
        part.map((v) => JSON.stringify(v.skills)),
        part.map((v) => JSON.stringify(v.availability)),
        part.map((v) => v.weeklyTaskCap),
        part.map((v) => v.registeredAt),
      ],
    );
  }
  // One task per district with an offer to every fourth volunteer, so the load counts have rows to count.
  const loaded = city.volunteers.filter((_, i) => i % 4 === 0);
  await client.query(
    `INSERT INTO volunteer_tasks (id, tenant_id, source, grid_id, skill, min_level, certificate_required, needed, starts_at, ends_at, state, requested_by)
     SELECT md5(t)::uuid, t, 'request', t || '/s0', 'cleaning', 1, false, 100000, $2, $3, 'open', 'bench' FROM unnest($1::text[]) AS t`,
    [city.tenants, WINDOW.start, WINDOW.end],
  );
  for (let i = 0; i < loaded.length; i += CHUNK) {
    const part = loaded.slice(i, i + CHUNK);
    await client.query(
      `INSERT INTO task_offers (id, tenant_id, task_id, volunteer_id, skill, issue_grid_id, matched_grid_id, status, starts_at, offered_at)
       SELECT gen_random_uuid(), t, md5(t)::uuid, v, 'cleaning', t || '/s0', t || '/s0', 'completed', $3, $3 FROM unnest($1::text[], $2::uuid[]) AS x(t, v)`,
      [part.map((v) => v.tenantId), part.map((v) => v.volunteerId), WINDOW.start],
    );
  }
  await client.query('COMMIT');
  await client.query('ANALYZE');
}

/**
 * Ranking among the volunteers of a whole city: the service's own `rankCandidates` (matching/domain) over every
 * volunteer of the city for one task, against a plain sort of the same array; then the service's candidate query
 * (`CandidatePool`: the street's subtree from the grid replica, volunteers with the skill, their load from their
 * offers) plus ranking, against a plain indexed SELECT of the same street's volunteers with the skill.
 */
export function runRankingBenchmark(settings: BenchSettings, progress: Progress): Promise<Figure[]> {
  return withBenchScope('ranking', settings, async (scope) => {
    const generated = await timed(async () =>
      generateVolunteerCity(settings.cityDistricts, settings.rankingVolunteers),
    );
    const city = generated.result;
    progress(
      `city: ${city.tenants.length} districts, ${city.grids.length} grids, ${city.volunteers.length.toLocaleString('en-US')} volunteers; generated in ${(generated.ms / 1000).toFixed(1)} s`,
    );

    // In-process: every volunteer of the city is a candidate; ranking must find the few of the task's street.
    const all: readonly Candidate[] = city.volunteers;
    const tasks = drawTasks(city, settings.rankingTasks, 5);
    for (const { task } of tasks.slice(0, 10)) rankCandidates(task, all); // warm-up for the JIT
    const rankMs: number[] = [];
    const sortMs: number[] = [];
    let offered = 0;
    for (const { task } of tasks) {
      let started = now();
      const ranked = rankCandidates(task, all);
      rankMs.push(now() - started);
      offered += ranked.length > 0 ? 1 : 0;
      started = now();
      [...all].sort((a, b) => a.recentTasks - b.recentTasks);
      sortMs.push(now() - started);
    }
    const rankP = percentiles(rankMs);
    progress(
      `in-process: rank among ${all.length.toLocaleString('en-US')} in ${meanMs(rankMs).toFixed(1)} ms mean (p50 ${rankP.p50.toFixed(1)}, p99 ${rankP.p99.toFixed(1)}); plain sort ${meanMs(sortMs).toFixed(1)} ms; ${offered}/${tasks.length} tasks found someone`,
    );

    // With PostgreSQL: the service's schema and candidate query.
    await migrate(scope.config.databaseUrl);
    const client = new Client({ connectionString: scope.config.databaseUrl, options: `-c search_path=${SCHEMA}` });
    await client.connect();
    scope.defer(() => client.end());
    const loaded = await timed(() => load(client, city));
    progress(
      `fixture loaded into ${SCHEMA} (grid replica, volunteers, ${Math.ceil(city.volunteers.length / 4).toLocaleString('en-US')} offers) in ${(loaded.ms / 1000).toFixed(1)} s`,
    );
    const manager = {
      query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows,
    } as unknown as EntityManager;
    const pool = new CandidatePool();
    const streetGrids = new Map<string, string[]>();
    for (const grid of city.grids) {
      const street = grid.lineage[grid.lineage.length - 1];
      streetGrids.set(street, [...(streetGrids.get(street) ?? []), grid.gridId]);
    }
    const queried = tasks.slice(0, settings.rankingQueries);
    const gatherMs: number[] = [];
    const plainMs: number[] = [];
    let agree = 0;
    for (const [i, { tenantId, task }] of queried.entries()) {
      const street = task.lineage[task.lineage.length - 1];
      let started = now();
      const candidates = await pool.gather(manager, {
        tenantId,
        streetId: street,
        skill: task.need.skill,
        startsAt: task.start,
        timeZone: 'Asia/Shanghai',
        now: new Date('2026-06-06T00:00:00Z'),
      });
      const ranked = rankCandidates(task, candidates);
      if (i >= 5) gatherMs.push(now() - started); // the first few warm the caches
      started = now();
      const plain = await client.query(
        `SELECT id, skill_claims, availability, weekly_task_cap, registered_at FROM volunteers WHERE tenant_id = $1 AND home_grid_id = ANY($2::text[]) AND skills @> ARRAY[$3]::text[]`,
        [tenantId, streetGrids.get(street), task.need.skill],
      );
      if (i >= 5) plainMs.push(now() - started);
      if (plain.rowCount === candidates.length && ranked.length <= candidates.length) agree += 1;
    }
    if (agree !== queried.length)
      throw new Error(
        `bench: the candidate query and the plain SELECT disagree on ${queried.length - agree} of ${queried.length} streets`,
      );
    const gatherP = percentiles(gatherMs);
    const plainP = percentiles(plainMs);
    progress(
      `with PostgreSQL: gather + rank p50 ${gatherP.p50.toFixed(1)} ms (p99 ${gatherP.p99.toFixed(1)}); plain SELECT of the same volunteers p50 ${plainP.p50.toFixed(1)} ms; ${queried.length} tasks, candidate counts checked`,
    );

    const perTask = `${all.length.toLocaleString('en-US')} volunteers`;
    return [
      latencyFigure({
        id: 'ranking.in-process',
        label: `rank one task among a city's ${perTask} (mean)`,
        value: meanMs(rankMs),
        unit: 'ms',
        baseline: meanMs(sortMs),
        baselineLabel: 'a plain Array.sort of the same volunteers',
      }),
      latencyFigure({
        id: 'ranking.in-process.p99',
        label: `rank one task among ${perTask} (p99)`,
        value: rankP.p99,
        unit: 'ms',
        baseline: percentiles(sortMs).p99,
        baselineLabel: 'p99 of the plain sort',
      }),
      latencyFigure({
        id: 'ranking.db.gather-and-rank',
        label: 'candidate query (street subtree, skill, load) + rank, p50',
        value: gatherP.p50,
        unit: 'ms',
        baseline: plainP.p50,
        baselineLabel: "plain indexed SELECT of the street's volunteers with the skill",
      }),
      latencyFigure({
        id: 'ranking.db.gather-and-rank.p99',
        label: 'candidate query + rank, p99',
        value: gatherP.p99,
        unit: 'ms',
        baseline: plainP.p99,
        baselineLabel: 'p99 of the plain SELECT',
      }),
    ];
  });
}

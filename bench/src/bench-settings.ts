import { z } from 'zod';

/**
 * Everything the benchmark reads from the environment, validated once (like the services' config): a bad knob
 * stops the run with a message naming it instead of producing figures nobody can compare.
 */
const settingsSchema = z.object({
  /** Where to create the throwaway databases; `npm run bench` sets it from deploy/infra.mjs. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/postgres'),
  KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
  KAFKA_SECURITY_PROTOCOL: z.enum(['SASL_SSL', 'SASL_PLAINTEXT']).default('SASL_PLAINTEXT'),
  /** The broker's principals and their passwords; `npm run bench` sets it from deploy/infra.mjs. */
  GRIDLINE_KAFKA_SECRETS: z.string().min(1, 'npm run bench sets it: the secrets file of the broker in use'),
  /** A scratch broker without SASL or ACLs that `npm run bench` starts for the `sasl` figures; unset skips them. */
  BENCH_PLAINTEXT_KAFKA_BROKERS: z.string().min(1).optional(),
  /** The local broker's data folder, to size what a topic keeps on disk; `npm run bench` sets it for the local broker. */
  BENCH_KAFKA_DATA_DIR: z.string().min(1).optional(),
  BENCH_EVENTS: z.coerce.number().int().min(500).max(1_000_000).default(20_000),
  BENCH_ANALYTICS_EVENTS: z.coerce.number().int().min(300).max(1_000_000).default(15_000),
  BENCH_TIMERS: z.coerce.number().int().min(0).max(10_000_000).default(100_000),
  /** The second, larger pending size for the timer figures; 0 (or not above BENCH_TIMERS) skips it. */
  BENCH_TIMERS_LARGE: z.coerce.number().int().min(0).max(10_000_000).default(1_000_000),
  BENCH_TIMER_STREAM_RATE: z.coerce.number().int().min(1).max(10_000).default(500),
  BENCH_TIMER_STREAM_SECONDS: z.coerce.number().int().min(1).max(300).default(20),
  BENCH_BURST_TIMERS: z.coerce.number().int().min(100).max(1_000_000).default(10_000),
  BENCH_TRICKLE_RATE: z.coerce.number().int().min(1).max(5_000).default(200),
  BENCH_TRICKLE_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  /** Districts of the generated city for `resolve` (each: 10 streets, 100 communities, 3,000 micro-grids, 3,000 places). */
  BENCH_CITY_DISTRICTS: z.coerce.number().int().min(1).max(20).default(10),
  BENCH_RESOLVE_LOOKUPS: z.coerce.number().int().min(10_000).max(100_000_000).default(1_000_000),
  BENCH_RESOLVE_REQUESTS: z.coerce.number().int().min(1_000).max(10_000_000).default(20_000),
  BENCH_RESOLVE_CONCURRENCY: z.coerce.number().int().min(1).max(1_024).default(32),
  /** `intake`: reports posted back to back (and connections in flight), then the steady rate and its duration. */
  BENCH_INTAKE_REPORTS: z.coerce.number().int().min(100).max(1_000_000).default(3_000),
  BENCH_INTAKE_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  BENCH_INTAKE_RATE: z.coerce.number().int().min(1).max(5_000).default(200),
  BENCH_INTAKE_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  /** `ranking`: volunteers of the generated city, rankings timed in-process, and of those, rankings with the candidate query. */
  BENCH_RANKING_VOLUNTEERS: z.coerce.number().int().min(1_000).max(1_000_000).default(100_000),
  BENCH_RANKING_TASKS: z.coerce.number().int().min(10).max(10_000).default(200),
  BENCH_RANKING_QUERIES: z.coerce.number().int().min(10).max(10_000).default(200),
  /** `signups`: people signing up for one popular occurrence, its places, and requests in flight. */
  BENCH_SIGNUPS: z.coerce.number().int().min(100).max(1_000_000).default(5_000),
  BENCH_SIGNUP_PLACES: z.coerce.number().int().min(1).max(100_000).default(500),
  BENCH_SIGNUP_CONCURRENCY: z.coerce.number().int().min(1).max(1_024).default(64),
  /** `console`: open cases on the board drawn in Chromium, and reports timed from Kafka to their card (and their pace). */
  BENCH_CONSOLE_CASES: z.coerce.number().int().min(100).max(9_000).default(5_000),
  BENCH_CONSOLE_EVENTS: z.coerce.number().int().min(5).max(100).default(40),
  BENCH_CONSOLE_EVENT_RATE: z.coerce.number().min(0.5).max(20).default(3),
  /**
   * `system`: the steady report rates offered one after another (comma-separated, rising), seconds per rate, and
   * connections (requests in flight at most) to issue-dispatch.
   */
  BENCH_SYSTEM_RATES: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be comma-separated whole numbers, e.g. 25,50,100')
    .default('25,35,50,70,100,150,200,250'),
  BENCH_SYSTEM_STEP_SECONDS: z.coerce.number().int().min(5).max(120).default(15),
  BENCH_SYSTEM_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /**
   * `intake` and `system`: ANALYZE the scope's database once the district is set up, as a deployment's autovacuum
   * would have by then; 0 leaves every table without statistics, as a PostgreSQL with autovacuum off does.
   */
  BENCH_ANALYZE: z.enum(['0', '1']).default('1'),
  /** Comma-separated subset of `outbox,consumer,analytics,sasl,timers,resolve,intake,ranking,signups,console,system`; empty runs all. */
  BENCH_ONLY: z.string().default(''),
});

export const benchmarkNames = [
  'outbox',
  'consumer',
  'analytics',
  'sasl',
  'timers',
  'resolve',
  'intake',
  'ranking',
  'signups',
  'console',
  'system',
] as const;
export type BenchmarkName = (typeof benchmarkNames)[number];

export interface BenchSettings {
  readonly adminDatabaseUrl: string;
  readonly kafkaBrokers: string[];
  readonly kafkaSecurityProtocol: 'SASL_SSL' | 'SASL_PLAINTEXT';
  readonly kafkaSecretsFile: string;
  readonly plaintextKafkaBrokers: string[] | null;
  readonly kafkaDataDir: string | null;
  /** Events written, relayed and consumed; written in transactions of 100, so rounded down to a multiple. */
  readonly events: number;
  /** `analytics`: issue events (reported, dispatched, acknowledged per issue) waiting for the analytics process. */
  readonly analyticsEvents: number;
  readonly pendingTimers: number;
  readonly largePendingTimers: number;
  /** Timers coming due per second, and for how long, while the lag is measured. */
  readonly timerStream: { readonly ratePerSecond: number; readonly seconds: number };
  readonly burstTimers: number;
  readonly trickleRate: number;
  readonly trickleSeconds: number;
  /** `resolve`: districts of the generated city, in-process lookups per figure, HTTP requests per figure and in flight. */
  readonly cityDistricts: number;
  readonly resolveLookups: number;
  readonly resolveRequests: number;
  readonly resolveConcurrency: number;
  readonly intake: {
    readonly reports: number;
    readonly concurrency: number;
    readonly rate: number;
    readonly seconds: number;
  };
  /** `ranking`: volunteers of the city, tasks ranked in-process, and tasks ranked with the candidate query. */
  readonly rankingVolunteers: number;
  readonly rankingTasks: number;
  readonly rankingQueries: number;
  /** `signups`: sign-ups fired, places of the occurrence, requests in flight. */
  readonly signups: number;
  readonly signupPlaces: number;
  readonly signupConcurrency: number;
  readonly consoleCases: number;
  readonly consoleEvents: number;
  readonly consoleEventRate: number;
  /** `system`: rising report rates (reports/s), seconds per rate, connections to issue-dispatch. */
  readonly system: { readonly rates: readonly number[]; readonly stepSeconds: number; readonly concurrency: number };
  /** `intake` and `system`: gather table statistics after the set-up (BENCH_ANALYZE). */
  readonly analyzeAfterSetUp: boolean;
  readonly only: readonly BenchmarkName[];
  /** The rest of the environment (OUTBOX_POLL_MS, TIMER_POLL_MS, …) goes to loadServiceConfig untouched. */
  readonly serviceEnvironment: NodeJS.ProcessEnv;
}

export class BenchSettingsError extends Error {}

export function loadBenchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new BenchSettingsError(`bench: invalid configuration — ${problems}`);
  }
  const e = parsed.data;
  const only = e.BENCH_ONLY.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = only.filter((name) => !(benchmarkNames as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new BenchSettingsError(
      `bench: invalid configuration — BENCH_ONLY: unknown ${unknown.join(', ')} (use ${benchmarkNames.join(',')})`,
    );
  const rates = e.BENCH_SYSTEM_RATES.split(',').map((rate) => Number(rate.trim()));
  if (rates.some((rate, i) => rate < 1 || rate > 5_000 || (i > 0 && rate <= rates[i - 1]))) {
    throw new BenchSettingsError(
      `bench: invalid configuration — BENCH_SYSTEM_RATES: rates must rise, each from 1 to 5000 (got ${e.BENCH_SYSTEM_RATES})`,
    );
  }
  return {
    adminDatabaseUrl: e.DATABASE_URL,
    kafkaBrokers: e.KAFKA_BROKERS.split(',')
      .map((broker) => broker.trim())
      .filter(Boolean),
    kafkaSecurityProtocol: e.KAFKA_SECURITY_PROTOCOL,
    kafkaSecretsFile: e.GRIDLINE_KAFKA_SECRETS,
    plaintextKafkaBrokers: e.BENCH_PLAINTEXT_KAFKA_BROKERS ? e.BENCH_PLAINTEXT_KAFKA_BROKERS.split(',') : null,
    kafkaDataDir: e.BENCH_KAFKA_DATA_DIR ?? null,
    events: Math.floor(e.BENCH_EVENTS / 100) * 100,
    analyticsEvents: e.BENCH_ANALYTICS_EVENTS,
    pendingTimers: e.BENCH_TIMERS,
    largePendingTimers: e.BENCH_TIMERS_LARGE,
    timerStream: { ratePerSecond: e.BENCH_TIMER_STREAM_RATE, seconds: e.BENCH_TIMER_STREAM_SECONDS },
    burstTimers: e.BENCH_BURST_TIMERS,
    trickleRate: e.BENCH_TRICKLE_RATE,
    trickleSeconds: e.BENCH_TRICKLE_SECONDS,
    cityDistricts: e.BENCH_CITY_DISTRICTS,
    resolveLookups: e.BENCH_RESOLVE_LOOKUPS,
    resolveRequests: e.BENCH_RESOLVE_REQUESTS,
    resolveConcurrency: e.BENCH_RESOLVE_CONCURRENCY,
    intake: {
      reports: e.BENCH_INTAKE_REPORTS,
      concurrency: e.BENCH_INTAKE_CONCURRENCY,
      rate: e.BENCH_INTAKE_RATE,
      seconds: e.BENCH_INTAKE_SECONDS,
    },
    rankingVolunteers: e.BENCH_RANKING_VOLUNTEERS,
    rankingTasks: e.BENCH_RANKING_TASKS,
    rankingQueries: e.BENCH_RANKING_QUERIES,
    signups: e.BENCH_SIGNUPS,
    signupPlaces: e.BENCH_SIGNUP_PLACES,
    signupConcurrency: e.BENCH_SIGNUP_CONCURRENCY,
    consoleCases: e.BENCH_CONSOLE_CASES,
    consoleEvents: e.BENCH_CONSOLE_EVENTS,
    consoleEventRate: e.BENCH_CONSOLE_EVENT_RATE,
    system: { rates, stepSeconds: e.BENCH_SYSTEM_STEP_SECONDS, concurrency: e.BENCH_SYSTEM_CONCURRENCY },
    analyzeAfterSetUp: e.BENCH_ANALYZE === '1',
    only: only.length > 0 ? (only as BenchmarkName[]) : benchmarkNames,
    serviceEnvironment: env,
  };
}

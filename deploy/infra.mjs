#!/usr/bin/env node
// Finds or starts what Gridline's services need: Kafka, PostgreSQL and Redis.
//
//   node deploy/infra.mjs up       start/reuse all three, print KEY=value lines
//   node deploy/infra.mjs down     stop only what `up` started (never the machine's PG/Redis)
//   node deploy/infra.mjs status   show what answers where
//
// For each dependency, in this order:
//   1. its env var (KAFKA_BROKERS, DATABASE_URL, REDIS_URL) — must answer, or we fail
//      (a Kafka cluster of your own also needs GRIDLINE_KAFKA_SECRETS: a file shaped like
//      the local broker's .gridline/kafka/secrets.json, and KAFKA_SECURITY_PROTOCOL);
//   2. the local server on its default port, started first if it is installed but down
//      (Kafka: a broker run from Maven jars, see deploy/kafka/kafka.mjs);
//   3. a throwaway container, when a Docker engine answers;
//   4. otherwise a one-line error saying what is missing.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import {
  canRunLocalBroker,
  ensureKafka,
  kafkaStatus,
  localBootstrap,
  localKafkaSecrets,
  localKafkaSecretsFile,
  probeKafka,
  stopKafka,
} from './kafka/kafka.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONTAINERS_FILE = path.join(REPO_ROOT, '.gridline', 'containers.json');

const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';
const PROBE_TIMEOUT_MS = 2_000;
const LOCAL_SERVER_START_WAIT_MS = 15_000;

// Image tags for the Docker fallback of PostgreSQL and Redis.
const POSTGRES_IMAGE = 'postgres:16-alpine';
const REDIS_IMAGE = 'redis:7-alpine';

const silent = () => {};

// Errors whose message is already the one line a developer should read.
class InfraError extends Error {}

// --- small helpers --------------------------------------------------------

function secondsSince(startedAt) {
  return ((Date.now() - startedAt) / 1000).toFixed(1);
}

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Connection strings may carry passwords, and these lines end up in CI logs.
function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

function oneLine(text) {
  return String(text).replace(/\s+/g, ' ').trim();
}

function onPath(command) {
  return (process.env.PATH || '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

async function importDependency(name) {
  try {
    const module = await import(name);
    return module.default ?? module;
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') {
      throw new InfraError(`gridline: ${name} is not installed — run npm install in the repository root`);
    }
    throw error;
  }
}

async function waitUntil(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(300);
  }
  return false;
}

// --- probes: each resolves to null when the server answers, else the reason --

async function postgresProblem(url) {
  const pg = await importDependency('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', silent);
  try {
    await withTimeout(client.connect(), PROBE_TIMEOUT_MS + 500, 'connect timed out');
    await withTimeout(client.query('SELECT 1'), PROBE_TIMEOUT_MS, 'SELECT 1 timed out');
    return null;
  } catch (error) {
    return oneLine(error.message || error.code || error);
  } finally {
    // end() on a client that never connected can wait forever; don't let it.
    await withTimeout(client.end(), 1_000, 'end timed out').catch(silent);
  }
}

async function redisProblem(url) {
  const Redis = await importDependency('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null, // a probe asks once; reconnect loops would hide the answer
  });
  // With reconnects off, connect() only says "Connection is closed."; the
  // error event carries the useful reason (ECONNREFUSED, NOAUTH, ...).
  let firstError;
  client.on('error', (error) => {
    firstError ??= error;
  });
  try {
    await withTimeout(client.connect(), PROBE_TIMEOUT_MS + 500, 'connect timed out');
    const reply = await withTimeout(client.ping(), PROBE_TIMEOUT_MS, 'PING timed out');
    return reply === 'PONG' ? null : `PING answered ${reply}`;
  } catch (error) {
    const reason = firstError ?? error;
    return oneLine(reason.message || reason.code || reason);
  } finally {
    client.disconnect();
  }
}

// A cluster named by KAFKA_BROKERS comes with the credentials of its principals in a file.
function externalKafkaSecrets() {
  const file = process.env.GRIDLINE_KAFKA_SECRETS;
  if (!file)
    throw new InfraError(
      'gridline: KAFKA_BROKERS is set but GRIDLINE_KAFKA_SECRETS is not — name a file with the admin, service and demo-team credentials (shape: .gridline/kafka/secrets.json)',
    );
  try {
    return { file, secrets: JSON.parse(fs.readFileSync(file, 'utf8')) };
  } catch (error) {
    throw new InfraError(`gridline: cannot read GRIDLINE_KAFKA_SECRETS=${file}: ${oneLine(error.message)}`);
  }
}

async function kafkaProblem(brokers) {
  const external = brokers === process.env.KAFKA_BROKERS;
  const credentials = external ? externalKafkaSecrets().secrets.admin : localKafkaSecrets()?.admin;
  const securityProtocol = external ? (process.env.KAFKA_SECURITY_PROTOCOL ?? 'SASL_SSL') : 'SASL_PLAINTEXT';
  const answers = await probeKafka(brokers, { timeoutMs: 3_000, credentials, securityProtocol });
  return answers ? null : 'no Kafka broker accepted the admin credentials and answered a metadata request within 3s';
}

// --- Docker fallback ------------------------------------------------------

let dockerAnswersCache;
function dockerAnswers() {
  if (dockerAnswersCache === undefined) {
    const result = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 5_000 });
    dockerAnswersCache = result.status === 0;
  }
  return dockerAnswersCache;
}

function readStartedContainers() {
  try {
    return JSON.parse(fs.readFileSync(CONTAINERS_FILE, 'utf8'));
  } catch {
    return [];
  }
}

// Remembered so that `down` removes exactly the containers `up` created.
function rememberContainer(name, container) {
  const started = readStartedContainers();
  started.push({ name, id: container.getId() });
  fs.mkdirSync(path.dirname(CONTAINERS_FILE), { recursive: true });
  fs.writeFileSync(CONTAINERS_FILE, `${JSON.stringify(started, null, 2)}\n`);
}

async function startPostgresContainer() {
  const { PostgreSqlContainer } = await importDependency('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer(POSTGRES_IMAGE).start();
  rememberContainer('postgres', container);
  return container.getConnectionUri();
}

async function startRedisContainer() {
  const { RedisContainer } = await importDependency('@testcontainers/redis');
  const container = await new RedisContainer(REDIS_IMAGE).start();
  rememberContainer('redis', container);
  return container.getConnectionUrl();
}

// The broker must authenticate and authorise exactly as the local one does (SCRAM users
// formatted into its storage, StandardAuthorizer); a throwaway container cannot yet, so
// rather than run the platform on an open broker this path says what to do instead.
async function startKafkaContainer() {
  throw new InfraError(
    'gridline: no secured Kafka — install Java 17 and Maven for the local broker, or set KAFKA_BROKERS and GRIDLINE_KAFKA_SECRETS for a cluster of your own (docker compose up runs a secured one)',
  );
}

function removeStartedContainers(log) {
  for (const { name, id } of readStartedContainers()) {
    const result = spawnSync('docker', ['rm', '-f', '-v', id], { stdio: 'ignore', timeout: 30_000 });
    log(`infra: ${name} container ${id.slice(0, 12)} ${result.status === 0 ? 'removed' : 'already gone'}`);
  }
  fs.rmSync(CONTAINERS_FILE, { force: true });
}

// --- local servers ----------------------------------------------------------

function startLocalPostgres() {
  const versions = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql').sort() : [];
  if (!onPath('pg_ctlcluster') || versions.length === 0) return false;
  const version = versions.at(-1);
  spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
    stdio: 'ignore',
    timeout: 30_000,
  });
  return true;
}

function startLocalRedis() {
  if (!onPath('redis-server')) return false;
  spawnSync(
    'redis-server',
    ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore', timeout: 15_000 },
  );
  return true;
}

async function useLocalServer({ name, url, problem, startServer }, log) {
  if (!(await problem(url))) return { value: url, how: 'local' };
  log(`infra: ${name} does not answer at ${url}, trying to start the local server`);
  if (!startServer()) return null;
  const answered = await waitUntil(async () => !(await problem(url)), LOCAL_SERVER_START_WAIT_MS);
  return answered ? { value: url, how: 'local, started now' } : null;
}

async function useLocalKafka(log) {
  const bootstrap = localBootstrap();
  if (!(await kafkaProblem(bootstrap))) return { value: bootstrap, how: 'reused' };
  if (!canRunLocalBroker()) return null;
  return { value: await ensureKafka({ log }), how: 'started' };
}

// --- the three dependencies -------------------------------------------------

const DEPENDENCIES = [
  {
    name: 'postgres',
    label: 'PostgreSQL',
    envVar: 'DATABASE_URL',
    problem: postgresProblem,
    useLocal: (log) =>
      useLocalServer(
        { name: 'postgres', url: LOCAL_DATABASE_URL, problem: postgresProblem, startServer: startLocalPostgres },
        log,
      ),
    startContainer: startPostgresContainer,
    missing: 'gridline: no PostgreSQL — set DATABASE_URL, start a server on 127.0.0.1:5432, or install Docker',
  },
  {
    name: 'redis',
    label: 'Redis',
    envVar: 'REDIS_URL',
    problem: redisProblem,
    useLocal: (log) =>
      useLocalServer({ name: 'redis', url: LOCAL_REDIS_URL, problem: redisProblem, startServer: startLocalRedis }, log),
    startContainer: startRedisContainer,
    missing: 'gridline: no Redis — set REDIS_URL, start a server on 127.0.0.1:6379, or install Docker',
  },
  {
    name: 'kafka',
    label: 'Kafka',
    envVar: 'KAFKA_BROKERS',
    problem: kafkaProblem,
    useLocal: useLocalKafka,
    startContainer: startKafkaContainer,
    missing:
      'gridline: no Kafka — set KAFKA_BROKERS, install Java 17 and Maven for the local broker, or install Docker',
  },
];

async function locate(dependency, log) {
  const fromEnv = process.env[dependency.envVar];
  if (fromEnv) {
    const problem = await dependency.problem(fromEnv);
    if (!problem) return { value: fromEnv, how: `from ${dependency.envVar}` };
    throw new InfraError(
      `gridline: cannot use ${dependency.envVar}=${redact(fromEnv)}: ${problem} — fix it, or unset it to use a local ${dependency.label}`,
    );
  }
  const local = await dependency.useLocal(log);
  if (local) return local;
  if (dockerAnswers()) return { value: await dependency.startContainer(), how: 'docker container' };
  throw new InfraError(dependency.missing);
}

/**
 * Finds or starts Kafka, PostgreSQL and Redis and returns how to reach them.
 * Throws an Error with a one-line message when one of them cannot be had.
 */
export async function ensureInfra({ log = console.log } = {}) {
  const resolved = {};
  for (const dependency of DEPENDENCIES) {
    const startedAt = Date.now();
    const { value, how } = await locate(dependency, log);
    log(`infra: ${dependency.name} ready at ${redact(value)} (${how}, ${secondsSince(startedAt)}s)`);
    resolved[dependency.envVar] = value;
  }
  const externalKafka = Boolean(process.env.KAFKA_BROKERS);
  return {
    KAFKA_BROKERS: resolved.KAFKA_BROKERS,
    // SASL without TLS only to the local loopback broker; any other cluster is reached over TLS unless told.
    KAFKA_SECURITY_PROTOCOL: externalKafka ? (process.env.KAFKA_SECURITY_PROTOCOL ?? 'SASL_SSL') : 'SASL_PLAINTEXT',
    GRIDLINE_KAFKA_SECRETS: externalKafka ? externalKafkaSecrets().file : localKafkaSecretsFile,
    DATABASE_URL: resolved.DATABASE_URL,
    REDIS_URL: resolved.REDIS_URL,
  };
}

/**
 * The environment one service runs with on this infrastructure: its own Kafka principal and nothing of anyone
 * else's (the admin credentials never reach a service).
 */
export function kafkaEnvironmentOf(infra, service) {
  const secrets = JSON.parse(fs.readFileSync(infra.GRIDLINE_KAFKA_SECRETS, 'utf8'));
  const own = secrets.services?.[service];
  if (!own) throw new InfraError(`gridline: ${infra.GRIDLINE_KAFKA_SECRETS} has no credentials for ${service}`);
  return {
    KAFKA_BROKERS: infra.KAFKA_BROKERS,
    KAFKA_SECURITY_PROTOCOL: infra.KAFKA_SECURITY_PROTOCOL,
    KAFKA_SASL_USERNAME: own.username,
    KAFKA_SASL_PASSWORD: own.password,
  };
}

/** Stops what ensureInfra started: the local Kafka broker and any containers. */
export async function stopInfra({ log = console.log } = {}) {
  await stopKafka({ log });
  removeStartedContainers(log);
  log('infra: postgres and redis left alone (they belong to the machine)');
}

/** One line per dependency: whether it answers, where, and who runs it. */
export async function infraStatus() {
  const lines = [];
  let allUp = true;
  for (const dependency of DEPENDENCIES) {
    const { line, up } = await statusOf(dependency);
    lines.push(line);
    allUp &&= up;
  }
  return { lines, allUp };
}

async function statusOf(dependency) {
  const fromEnv = process.env[dependency.envVar];
  if (fromEnv) {
    const problem = await dependency.problem(fromEnv);
    return {
      up: !problem,
      line: `${dependency.name}: ${problem ? `DOWN (${problem})` : 'up'} at ${redact(fromEnv)} (from ${dependency.envVar})`,
    };
  }
  if (dependency.name === 'kafka') return kafkaStatusLine();
  const url = dependency.name === 'postgres' ? LOCAL_DATABASE_URL : LOCAL_REDIS_URL;
  const problem = await dependency.problem(url);
  return { up: !problem, line: `${dependency.name}: ${problem ? `DOWN (${problem})` : 'up'} at ${url}` };
}

async function kafkaStatusLine() {
  const status = await kafkaStatus();
  const where = `at ${status.bootstrap}`;
  if (status.managed) {
    const state = status.running ? 'up' : 'NOT ANSWERING (starting or hung)';
    return {
      up: status.running,
      line: `kafka: ${state} ${where} (Kafka ${status.version}, pid ${status.pid}, log ${status.logFile})`,
    };
  }
  if (status.running) return { up: true, line: `kafka: up ${where} (a broker not started by infra up)` };
  return { up: false, line: `kafka: not running ${where} (npm run infra:up starts it)` };
}

// --- CLI ------------------------------------------------------------------

const logToStderr = (line) => console.error(line); // keeps stdout to KEY=value lines for eval/env files

const COMMANDS = {
  async up() {
    // Containers started from the CLI must outlive it; testcontainers' reaper
    // would otherwise remove them as soon as this process exits.
    process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
    const env = await ensureInfra({ log: logToStderr });
    for (const [key, value] of Object.entries(env)) console.log(`${key}=${value}`);
    return 0;
  },
  async down() {
    await stopInfra({ log: console.log });
    return 0;
  },
  async status() {
    const { lines, allUp } = await infraStatus();
    for (const line of lines) console.log(line);
    return allUp ? 0 : 1;
  },
};

async function main(command) {
  const run = COMMANDS[command];
  if (!run) {
    console.error('usage: node deploy/infra.mjs up|down|status');
    return 2;
  }
  try {
    return await run();
  } catch (error) {
    const message = oneLine(error?.message || error);
    console.error(message.startsWith('gridline:') ? message : `gridline: ${message}`);
    return 1;
  }
}

function isEntryPoint() {
  if (!process.argv[1]) return false;
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // Exit explicitly: a probe's half-closed socket must not keep the CLI alive.
  main(process.argv[2]).then((code) => process.exit(code));
}

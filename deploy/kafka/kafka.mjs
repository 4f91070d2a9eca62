// A local single-node Kafka broker (KRaft) for development and tests, run
// straight from Maven Central jars so that no Docker engine is needed.
//
//   ensureKafka({ log })  -> '127.0.0.1:9092' once a broker answers there
//   stopKafka({ log })    -> stops the broker this module started (pid file)
//   kafkaStatus()         -> { running, managed, pid, bootstrap, logFile, version }
//   localKafkaSecrets()   -> the credentials of every principal of the local broker
//
// The broker authenticates every client (SASL/SCRAM-SHA-512, loopback only) and
// authorises it with ACLs (StandardAuthorizer, nothing allowed by default). Its
// principals' passwords are generated on first start into
// <repo>/.gridline/kafka/secrets.json (owner-only) and given to the broker as
// SCRAM credentials when its storage is formatted; nothing secret is in the repo.
//
// Jars are cached per Kafka version under ${GRIDLINE_CACHE_DIR:-~/.cache/gridline};
// broker data, pid and log live in <repo>/.gridline/kafka/.

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const POM = path.join(HERE, 'pom.xml');
const TEMPLATE = path.join(HERE, 'server.properties.template');
const LOG4J_CONFIG = path.join(HERE, 'log4j.properties');

const STATE_DIR = path.join(REPO_ROOT, '.gridline', 'kafka');
const DATA_DIR = path.join(STATE_DIR, 'data');
const PID_FILE = path.join(STATE_DIR, 'kafka.pid');
const LOG_FILE = path.join(STATE_DIR, 'kafka.log');
const MAVEN_LOG_FILE = path.join(STATE_DIR, 'maven.log');
const PROPS_FILE = path.join(STATE_DIR, 'server.properties');
const SECRETS_FILE = path.join(STATE_DIR, 'secrets.json');
const START_LOCK_FILE = path.join(STATE_DIR, 'start.lock');

const STARTUP_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 20_000;
const LOCK_WAIT_MS = 10 * 60_000; // covers a first-time jar download on a slow link
const REUSE_PROBE_TIMEOUT_MS = 3_000;
const JVM_OPTIONS = ['-Xms256m', '-Xmx512m', '-XX:+UseG1GC', '-Djava.awt.headless=true'];

const silent = () => {};

function brokerPort() {
  return Number(process.env.KAFKA_PORT || 9092);
}

function controllerPort() {
  return Number(process.env.KAFKA_CONTROLLER_PORT || 9093);
}

export function localBootstrap() {
  return `127.0.0.1:${brokerPort()}`;
}

// --- readiness ------------------------------------------------------------

async function loadKafkaJs() {
  try {
    return (await import('kafkajs')).default;
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error('gridline: kafkajs is not installed — run npm install in the repository root');
    }
    throw error;
  }
}

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * True when a Kafka broker at `brokers` (comma-separated host:port list)
 * accepts `credentials` ({ username, password }, SCRAM-SHA-512) and answers a
 * metadata request within `timeoutMs`. kafkajs is silenced because refused
 * connections are the expected answer while a broker is starting.
 */
export async function probeKafka(
  brokers,
  { timeoutMs = REUSE_PROBE_TIMEOUT_MS, credentials, securityProtocol = 'SASL_PLAINTEXT', anonymous = false } = {},
) {
  if (!credentials && !anonymous) return false; // a Gridline broker answers no anonymous client
  const { Kafka, logLevel } = await loadKafkaJs();
  const kafka = new Kafka({
    clientId: 'gridline-infra-probe',
    brokers: String(brokers)
      .split(',')
      .map((broker) => broker.trim())
      .filter(Boolean),
    ssl: securityProtocol === 'SASL_SSL',
    ...(anonymous
      ? {}
      : { sasl: { mechanism: 'scram-sha-512', username: credentials.username, password: credentials.password } }),
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 2_000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await withTimeout(
      admin.connect().then(() => admin.describeCluster()),
      timeoutMs,
      'probe timed out',
    );
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(silent);
  }
}

// True when anything at all listens on the port: tells "a broker is there"
// apart from "some other program holds our port".
function portIsTaken(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

// --- process bookkeeping ----------------------------------------------------

function readPid() {
  try {
    const pid = Number(fs.readFileSync(PID_FILE, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

// A pid file can outlive its broker and the pid be reused by an unrelated
// program; /proc lets us check it is really our kafka.Kafka (and not a zombie)
// before we wait on it or signal it.
export function isOurBroker(pid) {
  if (!pid) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kafka.Kafka');
  } catch (error) {
    if (error.code === 'ENOENT' && fs.existsSync('/proc/self')) return false;
    return isAlive(pid); // no /proc (macOS): the best we can do is ask the kernel
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function removePidFile() {
  fs.rmSync(PID_FILE, { force: true });
}

// --- jars -------------------------------------------------------------------

export function kafkaVersion() {
  const match = fs.readFileSync(POM, 'utf8').match(/<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/);
  if (!match) throw new Error(`gridline: no <kafka.version> property in ${POM}`);
  return match[1];
}

function cacheDir() {
  const root = process.env.GRIDLINE_CACHE_DIR || path.join(os.homedir(), '.cache', 'gridline');
  return path.join(root, `kafka-${kafkaVersion()}`);
}

function libsDir() {
  return path.join(cacheDir(), 'libs');
}

// Written only after Maven finished, so an interrupted copy is redone next time.
function completeMarker() {
  return path.join(cacheDir(), '.complete');
}

function commandExists(command) {
  return spawnSync(command, ['-version'], { stdio: 'ignore' }).error === undefined;
}

/** True when this machine can run the local broker (java, and jars or Maven to get them). */
export function canRunLocalBroker() {
  if (!commandExists('java')) return false;
  return fs.existsSync(completeMarker()) || commandExists('mvn');
}

export async function ensureJars(log) {
  if (fs.existsSync(completeMarker())) return;
  const libs = libsDir();
  log(`kafka: one-time download of Kafka ${kafkaVersion()} jars from Maven Central into ${libs} ...`);
  fs.rmSync(libs, { recursive: true, force: true });
  fs.mkdirSync(libs, { recursive: true });
  fs.mkdirSync(STATE_DIR, { recursive: true });

  const args = [
    '-q',
    '-B',
    '-Dstyle.color=never',
    '-f',
    POM,
    'org.apache.maven.plugins:maven-dependency-plugin:3.7.1:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${libs}`,
  ];
  const exitCode = await runToFile('mvn', args, MAVEN_LOG_FILE);
  if (exitCode !== 0) {
    throw new Error(`gridline: downloading the Kafka jars failed (mvn exit ${exitCode}) — read ${MAVEN_LOG_FILE}`);
  }
  fs.writeFileSync(completeMarker(), `${new Date().toISOString()}\n`);
}

function runToFile(command, args, file) {
  const out = fs.openSync(file, 'w');
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', out, out] });
    child.once('error', () => resolve(127));
    child.once('exit', (code) => resolve(code ?? 1));
  }).finally(() => fs.closeSync(out));
}

// --- principals and their secrets ---------------------------------------------

// The broker's own identity (controller and inter-broker links), the one super
// user that provisions topics and ACLs, one principal per service, and the
// city team the `npm start` event feed reads as. Names match libs/kafka-access.
const SERVICES = ['grid-registry', 'issue-dispatch', 'volunteer-coordination', 'analytics'];
const DEMO_TEAM = 'team-demo-feed';

function newSecret() {
  return randomBytes(24).toString('hex'); // hex: safe inside JAAS quotes and StorageTool's [name=…,password=…]
}

export function generateSecrets() {
  const user = (username) => ({ username, password: newSecret() });
  return {
    broker: user('broker'),
    admin: user('gridline-admin'),
    services: Object.fromEntries(SERVICES.map((service) => [service, user(`svc-${service}`)])),
    demoTeam: user(DEMO_TEAM),
    // The dead-letter tool's principal (npm run dlq); libs/kafka-access DEAD_LETTER_OPERATOR.
    deadLetters: user('ops-dead-letters'),
  };
}

function readSecrets() {
  try {
    return JSON.parse(fs.readFileSync(SECRETS_FILE, 'utf8'));
  } catch {
    return null;
  }
}

/** The local broker's credentials, or null before its first start. */
export function localKafkaSecrets() {
  return readSecrets();
}

export const localKafkaSecretsFile = SECRETS_FILE;

function everyUser(secrets) {
  // `deadLetters` is missing from secrets written before the dead-letter tool; it creates the user on first use.
  return [
    secrets.broker,
    secrets.admin,
    ...Object.values(secrets.services),
    secrets.demoTeam,
    ...(secrets.deadLetters ? [secrets.deadLetters] : []),
  ];
}

// --- storage ----------------------------------------------------------------

/**
 * Writes one KRaft node's server.properties (owner-only) from the template: `voters` is the
 * controller.quorum.voters list, `replication` the default replication factor and min.insync.replicas.
 */
export function renderNodeConfig({
  file,
  nodeId,
  port,
  controllerPort: quorumPort,
  voters,
  dataDir,
  replication,
  secrets,
}) {
  const rendered = fs
    .readFileSync(TEMPLATE, 'utf8')
    .replaceAll('@NODE_ID@', String(nodeId))
    .replaceAll('@QUORUM_VOTERS@', voters)
    .replaceAll('@KAFKA_PORT@', String(port))
    .replaceAll('@CONTROLLER_PORT@', String(quorumPort))
    .replaceAll('@DATA_DIR@', dataDir)
    .replaceAll('@REPLICATION_FACTOR@', String(replication.factor))
    .replaceAll('@MIN_INSYNC_REPLICAS@', String(replication.minInsync))
    .replaceAll('@BROKER_USER@', secrets.broker.username)
    .replaceAll('@BROKER_PASSWORD@', secrets.broker.password)
    .replaceAll('@ADMIN_USER@', secrets.admin.username);
  fs.writeFileSync(file, rendered, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

function renderServerProperties(secrets) {
  renderNodeConfig({
    file: PROPS_FILE,
    nodeId: 1,
    port: brokerPort(),
    controllerPort: controllerPort(),
    voters: `1@127.0.0.1:${controllerPort()}`,
    dataDir: DATA_DIR,
    replication: { factor: 1, minInsync: 1 },
    secrets,
  });
}

// A broker formatted before authentication existed (or whose secrets were
// lost) has no SCRAM users we know the passwords of: it is development data,
// so it is formatted again rather than left unusable.
function storageIsSecured() {
  return (
    fs.existsSync(path.join(DATA_DIR, 'meta.properties')) &&
    readSecrets() !== null &&
    fs.existsSync(PROPS_FILE) &&
    fs.readFileSync(PROPS_FILE, 'utf8').includes('sasl.enabled.mechanisms')
  );
}

// The port the running broker was started with, from the config it was given.
function portOfRenderedConfig() {
  try {
    const match = fs.readFileSync(PROPS_FILE, 'utf8').match(/^listeners=\w+:\/\/[^:]+:(\d+)/m);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

// Kafka cluster ids are 16 random bytes in URL-safe base64 without padding
// (22 chars); Kafka itself never hands out one that starts with '-', as it
// would read as a command-line flag.
export function newClusterId() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

async function formatStorageOnce(secrets, log) {
  if (fs.existsSync(path.join(DATA_DIR, 'meta.properties'))) return;
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const clusterId = newClusterId();
  log(
    `kafka: formatting storage in ${DATA_DIR} (cluster id ${clusterId}) with SCRAM credentials for ${everyUser(secrets).length} principals`,
  );
  await formatNodeStorage({
    propsFile: PROPS_FILE,
    clusterId,
    secrets,
    logFile: LOG_FILE,
    formatLog: path.join(STATE_DIR, 'format.log'),
  });
}

/**
 * Formats one KRaft node's storage for `clusterId` (every node of a cluster gets the same id) with the SCRAM
 * credentials of every principal, so that they exist from the metadata's first record on.
 */
export async function formatNodeStorage({ propsFile, clusterId, secrets, logFile, formatLog }) {
  const args = [
    '-cp',
    path.join(libsDir(), '*'),
    `-Dlog4j.configuration=file:${LOG4J_CONFIG}`,
    `-Dgridline.kafka.log=${logFile}`,
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    propsFile,
    '--ignore-formatted',
    ...everyUser(secrets).flatMap(({ username, password }) => [
      '--add-scram',
      `SCRAM-SHA-512=[name=${username},password=${password}]`,
    ]),
  ];
  const exitCode = await runToFile('java', args, formatLog);
  if (exitCode !== 0) {
    throw new Error(`gridline: formatting Kafka storage failed (exit ${exitCode}) — read ${formatLog}`);
  }
}

// --- start / wait -----------------------------------------------------------

// Parallel test runners may all call ensureKafka at once; only one of them
// may download jars, format storage and spawn the JVM, the rest wait for it.
async function withStartLock(log, work) {
  fs.mkdirSync(STATE_DIR, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  let toldWaiting = false;
  while (!tryTakeStartLock()) {
    if (Date.now() > deadline) {
      throw new Error(
        `gridline: waited too long for another process to start Kafka — remove ${START_LOCK_FILE} if none runs`,
      );
    }
    if (!toldWaiting) log('kafka: another process is starting the broker, waiting for it');
    toldWaiting = true;
    await sleep(500);
  }
  try {
    return await work();
  } finally {
    fs.rmSync(START_LOCK_FILE, { force: true });
  }
}

function tryTakeStartLock() {
  try {
    fs.writeFileSync(START_LOCK_FILE, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  if (lockIsStale()) fs.rmSync(START_LOCK_FILE, { force: true });
  return false;
}

// Stale = its holder is gone (killed mid-start). A lock without a pid yet is
// being written right now, unless it has looked like that for seconds.
function lockIsStale() {
  try {
    const holder = Number(fs.readFileSync(START_LOCK_FILE, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0) return !isAlive(holder);
    return Date.now() - fs.statSync(START_LOCK_FILE).mtimeMs > 5_000;
  } catch {
    return false; // already released: the next attempt will take it
  }
}

function spawnBroker() {
  return spawnNode({ propsFile: PROPS_FILE, logFile: LOG_FILE, pidFile: PID_FILE, workDir: STATE_DIR });
}

/** Starts one KRaft node detached from this process (it must outlive `npm run infra:up`) and records its pid. */
export function spawnNode({ propsFile, logFile, pidFile, workDir }) {
  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(
    'java',
    [
      ...JVM_OPTIONS,
      `-Dlog4j.configuration=file:${LOG4J_CONFIG}`,
      `-Dgridline.kafka.log=${logFile}`,
      '-cp',
      path.join(libsDir(), '*'),
      'kafka.Kafka',
      propsFile,
    ],
    {
      cwd: workDir, // so a JVM crash file (hs_err_pid*.log) lands beside the broker log
      detached: true,
      stdio: ['ignore', logFd, logFd],
    },
  );
  fs.closeSync(logFd);
  const exit = watchExit(child);
  if (!child.pid) throw new Error('gridline: could not start java for the Kafka broker — is Java 17 on PATH?');
  fs.writeFileSync(pidFile, `${child.pid}\n`);
  child.unref();
  return { pid: child.pid, hasExited: () => exit.exited };
}

function watchExit(child) {
  const state = { exited: false, code: null };
  child.once('exit', (code, signal) => Object.assign(state, { exited: true, code: code ?? signal }));
  child.once('error', (error) => Object.assign(state, { exited: true, code: error.code }));
  return state;
}

async function waitUntilReady(bootstrap, credentials, hasDied) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await probeKafka(bootstrap, { timeoutMs: 2_000, credentials })) return;
    if (hasDied()) {
      removePidFile();
      throw new Error(`gridline: the Kafka broker exited during startup — read ${LOG_FILE}`);
    }
    await sleep(500);
  }
  throw new Error(
    `gridline: the Kafka broker did not answer on ${bootstrap} within ${STARTUP_TIMEOUT_MS / 1000}s — read ${LOG_FILE}`,
  );
}

/**
 * Makes sure a Kafka broker answers on 127.0.0.1:KAFKA_PORT (default 9092)
 * and returns that bootstrap string. Reuses a broker already there, otherwise
 * starts a detached one that keeps running after this process exits.
 */
export async function ensureKafka({ log = console.log } = {}) {
  const bootstrap = localBootstrap();
  const answers = () => probeKafka(bootstrap, { credentials: readSecrets()?.admin });
  if (await answers()) return bootstrap;
  return withStartLock(log, async () => {
    // Whoever held the lock before us may have just started it.
    if (await answers()) return bootstrap;
    return startOrAwaitBroker(bootstrap, log);
  });
}

async function startOrAwaitBroker(bootstrap, log) {
  // A broker from an earlier `up` that is still coming up: wait, don't double-start.
  const existingPid = readPid();
  if (isOurBroker(existingPid) && !storageIsSecured()) {
    log(
      `kafka: broker pid ${existingPid} runs without authentication (an older configuration); stopping it to start a secured one`,
    );
    await stopKafka({ log });
  } else if (isOurBroker(existingPid)) {
    const runningPort = portOfRenderedConfig();
    if (runningPort !== brokerPort()) {
      throw new Error(
        `gridline: this repository's broker (pid ${existingPid}) listens on port ${runningPort}, not ${brokerPort()} — run infra down before changing KAFKA_PORT`,
      );
    }
    log(`kafka: broker pid ${existingPid} is still starting, waiting for it`);
    await waitUntilReady(bootstrap, readSecrets().admin, () => !isOurBroker(existingPid));
    return bootstrap;
  }
  removePidFile();

  if (await portIsTaken(brokerPort())) {
    throw new Error(
      `gridline: port ${brokerPort()} is taken by something that is not a Kafka broker — free it or set KAFKA_PORT`,
    );
  }

  fs.mkdirSync(STATE_DIR, { recursive: true });
  await ensureJars(log);
  if (!storageIsSecured() && fs.existsSync(DATA_DIR)) {
    log(`kafka: ${DATA_DIR} was formatted without authentication; formatting it again (development data only)`);
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
  }
  const secrets = readSecrets() ?? generateSecrets();
  fs.writeFileSync(SECRETS_FILE, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  renderServerProperties(secrets);
  await formatStorageOnce(secrets, log);

  const broker = spawnBroker();
  log(`kafka: started broker pid ${broker.pid}, log ${path.relative(process.cwd(), LOG_FILE) || LOG_FILE}`);
  await waitUntilReady(bootstrap, secrets.admin, broker.hasExited);
  return bootstrap;
}

/** Stops the broker recorded in the pid file; safe to call when none runs. */
export async function stopKafka({ log = console.log } = {}) {
  const pid = readPid();
  if (!isOurBroker(pid)) {
    removePidFile();
    log('kafka: not running (no broker started from this repository)');
    return false;
  }

  const started = Date.now();
  signal(pid, 'SIGTERM');
  const stoppedGracefully = await waitForExit(pid, STOP_GRACE_MS);
  if (!stoppedGracefully) {
    // A controlled shutdown that hangs is not worth more than 20 s of a developer's time.
    signal(pid, 'SIGKILL');
    await waitForExit(pid, 5_000);
  }
  removePidFile();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`kafka: stopped broker pid ${pid} (${stoppedGracefully ? 'SIGTERM' : 'SIGKILL'}, ${seconds}s)`);
  return true;
}

// The broker may exit on its own between our check and the signal; that is fine.
export function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

export async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isOurBroker(pid)) return true;
    await sleep(200);
  }
  return !isOurBroker(pid);
}

/** What runs on the local Kafka port right now, and whether we started it. */
export async function kafkaStatus() {
  const bootstrap = localBootstrap();
  const pid = readPid();
  const managed = isOurBroker(pid);
  return {
    running: await probeKafka(bootstrap, { credentials: readSecrets()?.admin }),
    managed, // false while running means someone else's broker is on the port
    pid: managed ? pid : null,
    bootstrap,
    logFile: LOG_FILE,
    version: kafkaVersion(),
  };
}

// --- SCRAM users ----------------------------------------------------------------

/**
 * Creates or replaces (`password`) or deletes (`password: null`) one SCRAM-SHA-512 user on a running broker, as the
 * super user `admin`. kafkajs has no call for it, so this runs Kafka's own ConfigCommand from the cached jars; the
 * admin's password goes to the JVM in an owner-only file that is removed afterwards, never on a command line.
 */
export async function setScramUser({
  bootstrap,
  securityProtocol = 'SASL_PLAINTEXT',
  admin,
  username,
  password,
  log = silent,
}) {
  await ensureJars(log);
  fs.mkdirSync(STATE_DIR, { recursive: true });
  const commandConfig = path.join(STATE_DIR, `admin-${process.pid}-${randomBytes(4).toString('hex')}.properties`);
  fs.writeFileSync(
    commandConfig,
    [
      `security.protocol=${securityProtocol}`,
      'sasl.mechanism=SCRAM-SHA-512',
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${admin.username}" password="${admin.password}";`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  const change =
    password === null
      ? ['--delete-config', 'SCRAM-SHA-512']
      : ['--add-config', `SCRAM-SHA-512=[iterations=8192,password=${password}]`];
  const outputFile = path.join(STATE_DIR, 'scram-command.log');
  try {
    const exitCode = await runToFile(
      'java',
      [
        '-cp',
        path.join(libsDir(), '*'),
        `-Dlog4j.configuration=file:${LOG4J_CONFIG}`,
        `-Dgridline.kafka.log=${outputFile}`,
        'kafka.admin.ConfigCommand',
        '--bootstrap-server',
        bootstrap,
        '--command-config',
        commandConfig,
        '--alter',
        ...change,
        '--entity-type',
        'users',
        '--entity-name',
        username,
      ],
      outputFile,
    );
    if (exitCode !== 0)
      throw new Error(`gridline: changing SCRAM user ${username} failed (exit ${exitCode}) — read ${outputFile}`);
  } finally {
    fs.rmSync(commandConfig, { force: true });
  }
}

// --- a scratch broker without authentication, for measurement only ----------------

/**
 * Starts a throwaway single-node broker with no SASL and no authorizer on loopback `port`, in a temporary folder, for
 * the benchmark that measures what authentication and ACLs cost (`npm run bench`, figure `sasl.*`). Never used to run
 * the platform. Returns its bootstrap and a stop function that also deletes its data.
 */
export async function startScratchPlaintextBroker({ port, controllerPort, log = silent }) {
  await ensureJars(log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridline-kafka-plaintext-'));
  const props = path.join(dir, 'server.properties');
  const logFile = path.join(dir, 'kafka.log');
  fs.writeFileSync(
    props,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
      `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
      'controller.listener.names=CONTROLLER',
      'inter.broker.listener.name=PLAINTEXT',
      'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      `log.dirs=${path.join(dir, 'data')}`,
      'default.replication.factor=1',
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=10',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'transaction.state.log.num.partitions=10',
      'min.insync.replicas=1',
      'auto.create.topics.enable=false',
      'group.initial.rebalance.delay.ms=0',
      'num.network.threads=2',
      'num.io.threads=4',
      '',
    ].join('\n'),
  );
  const java = [
    '-cp',
    path.join(libsDir(), '*'),
    `-Dlog4j.configuration=file:${LOG4J_CONFIG}`,
    `-Dgridline.kafka.log=${logFile}`,
  ];
  const formatted = await runToFile(
    'java',
    [...java, 'kafka.tools.StorageTool', 'format', '-t', newClusterId(), '-c', props],
    path.join(dir, 'format.log'),
  );
  if (formatted !== 0) throw new Error(`gridline: formatting the scratch broker failed — read ${dir}/format.log`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn('java', [...JVM_OPTIONS, ...java, 'kafka.Kafka', props], { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const exit = watchExit(child);
  const bootstrap = `127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!(await probeKafka(bootstrap, { timeoutMs: 2_000, anonymous: true }))) {
    if (exit.exited || Date.now() > deadline) {
      await stop();
      throw new Error('gridline: the scratch broker did not start');
    }
    await sleep(500);
  }
  return { bootstrap, stop };
}

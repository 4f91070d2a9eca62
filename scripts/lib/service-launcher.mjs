// Starts the four services as separate processes for `npm start`, each logging to .gridline/logs/<app>.log,
// then the console's edge (apps/edge), and stops them on Ctrl+C or `npm stop` (pid files in .gridline/run/).
// `npm run cluster` starts two instances of each (`<app>-1`, `<app>-2`) with their files under .gridline/cluster/.
// The processes are run by the launcher the specs and benchmarks use (NodeProcess, libs/testing/src/node-process.ts),
// compiled by `npm run build`, which `npm start` and `npm run cluster -- up` run first. Stopping needs only the pid
// files, so `npm stop` works without a build.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The four services, with the port each listens on unless its variable says otherwise (its own default). */
export const apps = [
  { name: 'grid-registry', port: 3001 },
  { name: 'issue-dispatch', port: 3002 },
  { name: 'volunteer-coordination', port: 3003 },
  { name: 'analytics', port: 3004 },
];

const require = createRequire(import.meta.url);

/** The compiled launcher (CommonJS): loaded to start something, never to stop. */
function launcher() {
  try {
    return require('../../dist/libs/testing/src/node-process.js');
  } catch (error) {
    if (error?.code === 'MODULE_NOT_FOUND')
      throw new Error('gridline: dist/libs/testing is missing — run `npm run build` first');
    throw error;
  }
}

/** The variable the app reads its HTTP port from (GRID_REGISTRY_PORT, …). */
export function portVariable(app) {
  return launcher().portVariableOf[app.name];
}

export function portOf(app, env = process.env) {
  return Number(env[portVariable(app)] ?? app.port);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** Where a set of processes keeps its logs and pid files: `.gridline` for `npm start`. */
function folders(root, stateDir = path.join(root, '.gridline')) {
  const logDir = path.join(stateDir, 'logs');
  const runDir = path.join(stateDir, 'run');
  mkdirSync(logDir, { recursive: true });
  mkdirSync(runDir, { recursive: true });
  return { logDir, runDir };
}

/**
 * Starts the four services together and resolves once every one is ready; the first to exit or to stay unready
 * for 90 s fails the start (the others keep running: stopServices stops them by their pid files, written as each
 * process is spawned). `ownEnv(appName)` adds what only that service may know (its Kafka principal's credentials).
 * `instance` names a replica (files `<app>-<instance>.*`); `detached` lets the processes outlive this one
 * (`npm run cluster -- up`). Each resolved service carries its `child` process.
 */
export async function startServices(
  root,
  env,
  log,
  ownEnv = () => ({}),
  { instance, stateDir, detached = false } = {},
) {
  const { NodeProcess, entryPointOf, serviceNodeEnvironment } = launcher();
  const { logDir, runDir } = folders(root, stateDir);
  const services = [];
  for (const app of apps) {
    const port = portOf(app, env);
    const url = `http://127.0.0.1:${port}`;
    // `live`: the process answers at all, whatever its database and Kafka are doing.
    if (await answers(`${url}/health/live`))
      throw new Error(
        `gridline: port ${port} already serves a Gridline service — stop it first (npm stop, npm run cluster -- down), or set ${portVariable(app)}`,
      );
    const name = instance ? `${app.name}-${instance}` : app.name;
    const nodeProcess = new NodeProcess({
      name,
      script: entryPointOf(root, app.name),
      env: { ...process.env, ...serviceNodeEnvironment(), ...env, ...ownEnv(app.name), NO_COLOR: '1' },
      logFile: path.join(logDir, `${name}.log`),
      detached,
    });
    services.push({ name, url, logFile: nodeProcess.logFile, process: nodeProcess, child: undefined });
  }
  await Promise.all(
    services.map(async (service) => {
      // Ready, not merely listening: the demo reports next and expects the consumers to be in their groups.
      const took = await service.process.start(
        { healthUrl: `${service.url}/health/ready`, timeoutMs: 90_000 },
        (child) => {
          service.child = child;
          writeFileSync(path.join(runDir, `${service.name}.pid`), String(child.pid));
        },
      );
      log(
        `start: ${service.name.padEnd(24)} ${service.url}  (ready in ${(took / 1000).toFixed(1)}s, OpenAPI ${service.url}/docs, log ${path.relative(root, service.logFile)})`,
      );
    }),
  );
  return services;
}

/**
 * Starts the edge (one origin for the console: the built console and /api/<service>/ to each service) with
 * development sign-in, signing with the local key pair's private half.
 */
export async function startEdge(root, env, log, { signingKeyFile, stateDir, detached = false }) {
  const { NodeProcess, entryPointOf, portVariableOf } = launcher();
  const variable = portVariableOf.edge;
  const port = Number(env[variable] ?? process.env[variable] ?? 8080);
  const url = `http://127.0.0.1:${port}`;
  if (await answers(`${url}/edge/health`))
    throw new Error(
      `gridline: port ${port} already serves a Gridline edge — run \`npm stop\` first, or set ${variable}`,
    );
  const { logDir, runDir } = folders(root, stateDir);
  const upstreams = Object.fromEntries(
    apps.map((app) => [
      `EDGE_UPSTREAM_${app.name.toUpperCase().replace(/-/g, '_')}`,
      `http://127.0.0.1:${portOf(app, env)}`,
    ]),
  );
  const edge = new NodeProcess({
    name: 'the edge',
    script: entryPointOf(root, 'edge'),
    env: {
      ...process.env,
      ...upstreams,
      [variable]: String(port),
      CONSOLE_DIST: path.join(root, 'dist', 'console'),
      EDGE_DEV_SIGN_IN: 'true',
      AUTH_DEV_SIGNING_KEY_FILE: signingKeyFile,
      NO_COLOR: '1',
    },
    logFile: path.join(logDir, 'edge.log'),
    detached,
  });
  let child;
  await edge.start({ healthUrl: `${url}/edge/health`, timeoutMs: 30_000, intervalMs: 100 }, (spawned) => {
    child = spawned;
    writeFileSync(path.join(runDir, 'edge.pid'), String(spawned.pid));
  });
  log(`start: ${'edge (console)'.padEnd(24)} ${url}/  (log ${path.relative(root, edge.logFile)})`);
  return { name: 'edge', url, logFile: edge.logFile, child };
}

/**
 * Stops the edge and then every service started into `stateDir` (`npm start`'s by default), from their pid files;
 * SIGTERM lets them drain (the services together: each drains its own work).
 */
export async function stopServices(root, log, { stateDir } = {}) {
  const { runDir } = folders(root, stateDir);
  const names = readdirSync(runDir)
    .filter((file) => file.endsWith('.pid'))
    .map((file) => file.slice(0, -4));
  if (names.length === 0) {
    log('stop: no Gridline services were running from this folder');
    return;
  }
  if (names.includes('edge')) await stopProcess(runDir, 'edge', log);
  await Promise.all(names.filter((name) => name !== 'edge').map((name) => stopProcess(runDir, name, log)));
}

async function stopProcess(runDir, name, log) {
  const pidFile = path.join(runDir, `${name}.pid`);
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 60; i += 1) {
      process.kill(pid, 0);
      await sleep(250);
    }
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone: stopped cleanly (or was not running)
  }
  rmSync(pidFile, { force: true });
  log(`stop: ${name} stopped`);
}

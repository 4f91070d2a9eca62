// Starts the four services as separate processes for `npm start`, each logging to .gridline/logs/<app>.log,
// then the console's edge (apps/edge), and stops them on Ctrl+C or `npm stop` (pid files in .gridline/run/).
// `npm run cluster` starts two instances of each (`<app>-1`, `<app>-2`) with their files under .gridline/cluster/.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const apps = [
  { name: 'grid-registry', portVariable: 'GRID_REGISTRY_PORT', port: 3001 },
  { name: 'issue-dispatch', portVariable: 'ISSUE_DISPATCH_PORT', port: 3002 },
  { name: 'volunteer-coordination', portVariable: 'VOLUNTEER_COORDINATION_PORT', port: 3003 },
  { name: 'analytics', portVariable: 'ANALYTICS_PORT', port: 3004 },
];

export function portOf(app, env = process.env) {
  return Number(env[app.portVariable] ?? app.port);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `live`: the process answers; `ready`: its database, Redis and Kafka (producer, every consumer group joined) too. */
async function answers(url, probe) {
  try {
    return (await fetch(`${url}/health/${probe}`)).ok;
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
 * `ownEnv(appName)` adds what only that service may know (its Kafka principal's credentials). `instance` names a
 * replica (files `<app>-<instance>.*`); `detached` lets the processes outlive this one (`npm run cluster -- up`).
 */
export async function startServices(
  root,
  env,
  log,
  ownEnv = () => ({}),
  { instance, stateDir, detached = false } = {},
) {
  const { logDir, runDir } = folders(root, stateDir);
  const started = [];
  for (const app of apps) {
    const name = instance ? `${app.name}-${instance}` : app.name;
    const url = `http://127.0.0.1:${portOf(app, env)}`;
    if (await answers(url, 'live'))
      throw new Error(
        `gridline: port ${portOf(app, env)} already serves a Gridline service — stop it first (npm stop, npm run cluster -- down), or set ${app.portVariable}`,
      );
    const logFile = path.join(logDir, `${name}.log`);
    const fd = openSync(logFile, 'a');
    const child = spawn(process.execPath, [path.join(root, 'dist/apps', app.name, 'src/main.js')], {
      env: { ...process.env, ...env, ...ownEnv(app.name), NO_COLOR: '1' },
      stdio: ['ignore', fd, fd],
      detached,
    });
    closeSync(fd);
    if (detached) child.unref();
    writeFileSync(path.join(runDir, `${name}.pid`), String(child.pid));
    const service = { ...app, name, url, logFile, child, exitCode: undefined };
    started.push(service);
    child.once('exit', (code) => (service.exitCode = code));
  }
  const begin = Date.now();
  for (const service of started) {
    // Ready, not merely listening: the demo reports next and expects the consumers to be in their groups.
    while (!(await answers(service.url, 'ready'))) {
      if (service.exitCode !== undefined)
        throw new Error(
          `gridline: ${service.name} exited (${service.exitCode}) during start-up — see ${service.logFile}`,
        );
      if (Date.now() - begin > 90_000)
        throw new Error(
          `gridline: ${service.name} did not become ready (${service.url}/health/ready) in 90s — see ${service.logFile}`,
        );
      await sleep(250);
    }
    log(
      `start: ${service.name.padEnd(24)} ${service.url}  (OpenAPI ${service.url}/docs, log ${path.relative(root, service.logFile)})`,
    );
  }
  return started;
}

/**
 * Starts the edge (one origin for the console: the built console and /api/<service>/ to each service) with
 * development sign-in, signing with the local key pair's private half.
 */
export async function startEdge(root, env, log, { signingKeyFile, stateDir, detached = false }) {
  const port = Number(env.EDGE_PORT ?? process.env.EDGE_PORT ?? 8080);
  const url = `http://127.0.0.1:${port}`;
  try {
    if ((await fetch(`${url}/edge/health`)).ok)
      throw new Error(
        `gridline: port ${port} already serves a Gridline edge — run \`npm stop\` first, or set EDGE_PORT`,
      );
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('gridline:')) throw error;
  }
  const { logDir, runDir } = folders(root, stateDir);
  const logFile = path.join(logDir, 'edge.log');
  const fd = openSync(logFile, 'a');
  const upstreams = Object.fromEntries(
    apps.map((app) => [
      `EDGE_UPSTREAM_${app.name.toUpperCase().replace(/-/g, '_')}`,
      `http://127.0.0.1:${portOf(app, env)}`,
    ]),
  );
  const child = spawn(process.execPath, [path.join(root, 'dist/apps/edge/src/main.js')], {
    env: {
      ...process.env,
      ...upstreams,
      EDGE_PORT: String(port),
      CONSOLE_DIST: path.join(root, 'dist', 'console'),
      EDGE_DEV_SIGN_IN: 'true',
      AUTH_DEV_SIGNING_KEY_FILE: signingKeyFile,
      NO_COLOR: '1',
    },
    stdio: ['ignore', fd, fd],
    detached,
  });
  closeSync(fd);
  if (detached) child.unref();
  writeFileSync(path.join(runDir, 'edge.pid'), String(child.pid));
  let exitCode;
  child.once('exit', (code) => (exitCode = code));
  const begin = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${url}/edge/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (exitCode !== undefined)
      throw new Error(`gridline: the edge exited (${exitCode}) during start-up — see ${logFile}`);
    if (Date.now() - begin > 30_000)
      throw new Error(`gridline: the edge did not answer ${url}/edge/health in 30s — see ${logFile}`);
    await sleep(100);
  }
  log(`start: ${'edge (console)'.padEnd(24)} ${url}/  (log ${path.relative(root, logFile)})`);
  return { name: 'edge', url, logFile, child };
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

// Starts the four services as separate processes for `npm start`, each logging to .gridline/logs/<app>.log,
// then the console's edge (apps/edge), and stops them on Ctrl+C or `npm stop` (pid files in .gridline/run/).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** `ownEnv(appName)` adds what only that service may know (its Kafka principal's credentials). */
export async function startServices(root, env, log, ownEnv = () => ({})) {
  const logDir = path.join(root, '.gridline', 'logs');
  const runDir = path.join(root, '.gridline', 'run');
  mkdirSync(logDir, { recursive: true });
  mkdirSync(runDir, { recursive: true });
  const started = [];
  for (const app of apps) {
    const url = `http://127.0.0.1:${portOf(app, env)}`;
    if (await answers(url, 'live')) throw new Error(`gridline: port ${portOf(app, env)} already serves a Gridline service — run \`npm stop\` first, or set ${app.portVariable}`);
    const logFile = path.join(logDir, `${app.name}.log`);
    const fd = openSync(logFile, 'a');
    const child = spawn(process.execPath, [path.join(root, 'dist/apps', app.name, 'src/main.js')], {
      env: { ...process.env, ...env, ...ownEnv(app.name), NO_COLOR: '1' },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    writeFileSync(path.join(runDir, `${app.name}.pid`), String(child.pid));
    started.push({ ...app, url, logFile, child, exitCode: undefined });
    child.once('exit', (code) => (started.find((s) => s.name === app.name).exitCode = code));
  }
  const begin = Date.now();
  for (const service of started) {
    // Ready, not merely listening: the demo reports next and expects the consumers to be in their groups.
    while (!(await answers(service.url, 'ready'))) {
      if (service.exitCode !== undefined) throw new Error(`gridline: ${service.name} exited (${service.exitCode}) during start-up — see ${service.logFile}`);
      if (Date.now() - begin > 90_000) throw new Error(`gridline: ${service.name} did not become ready (${service.url}/health/ready) in 90s — see ${service.logFile}`);
      await sleep(250);
    }
    log(`start: ${service.name.padEnd(22)} ${service.url}  (OpenAPI ${service.url}/docs, log ${path.relative(root, service.logFile)})`);
  }
  return started;
}

/**
 * Starts the edge (one origin for the console: the built console and /api/<service>/ to each service) with
 * development sign-in, signing with the local key pair's private half.
 */
export async function startEdge(root, env, log, { signingKeyFile }) {
  const port = Number(env.EDGE_PORT ?? process.env.EDGE_PORT ?? 8080);
  const url = `http://127.0.0.1:${port}`;
  try {
    if ((await fetch(`${url}/edge/health`)).ok) throw new Error(`gridline: port ${port} already serves a Gridline edge — run \`npm stop\` first, or set EDGE_PORT`);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('gridline:')) throw error;
  }
  mkdirSync(path.join(root, '.gridline', 'logs'), { recursive: true });
  mkdirSync(path.join(root, '.gridline', 'run'), { recursive: true });
  const logFile = path.join(root, '.gridline', 'logs', 'edge.log');
  const fd = openSync(logFile, 'a');
  const upstreams = Object.fromEntries(apps.map((app) => [`EDGE_UPSTREAM_${app.name.toUpperCase().replace(/-/g, '_')}`, `http://127.0.0.1:${portOf(app, env)}`]));
  const child = spawn(process.execPath, [path.join(root, 'dist/apps/edge/src/main.js')], {
    env: { ...process.env, ...upstreams, EDGE_PORT: String(port), CONSOLE_DIST: path.join(root, 'dist', 'console'), EDGE_DEV_SIGN_IN: 'true', AUTH_DEV_SIGNING_KEY_FILE: signingKeyFile, NO_COLOR: '1' },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  writeFileSync(path.join(root, '.gridline', 'run', 'edge.pid'), String(child.pid));
  let exitCode;
  child.once('exit', (code) => (exitCode = code));
  const begin = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${url}/edge/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (exitCode !== undefined) throw new Error(`gridline: the edge exited (${exitCode}) during start-up — see ${logFile}`);
    if (Date.now() - begin > 30_000) throw new Error(`gridline: the edge did not answer ${url}/edge/health in 30s — see ${logFile}`);
    await sleep(100);
  }
  log(`start: ${'edge (console)'.padEnd(22)} ${url}/  (log ${path.relative(root, logFile)})`);
  return { name: 'edge', url, logFile, child };
}

/** Stops services (and the edge) started by `npm start`, from their pid files; SIGTERM lets them drain. */
export async function stopServices(root, log) {
  const runDir = path.join(root, '.gridline', 'run');
  let stopped = 0;
  for (const app of [{ name: 'edge' }, ...apps]) {
    const pidFile = path.join(runDir, `${app.name}.pid`);
    if (!existsSync(pidFile)) continue;
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
    stopped += 1;
    log(`stop: ${app.name} stopped`);
  }
  if (stopped === 0) log('stop: no Gridline services were running from this folder');
}

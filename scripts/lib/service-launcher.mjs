// Starts the four services as separate processes for `npm start`, each logging to .gridline/logs/<app>.log,
// and stops them on Ctrl+C or `npm stop` (pid files in .gridline/run/).
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

async function healthy(url) {
  try {
    return (await fetch(`${url}/health`)).ok;
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
    if (await healthy(url)) throw new Error(`gridline: port ${portOf(app, env)} already serves a Gridline service — run \`npm stop\` first, or set ${app.portVariable}`);
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
    while (!(await healthy(service.url))) {
      if (service.exitCode !== undefined) throw new Error(`gridline: ${service.name} exited (${service.exitCode}) during start-up — see ${service.logFile}`);
      if (Date.now() - begin > 90_000) throw new Error(`gridline: ${service.name} did not answer ${service.url}/health in 90s — see ${service.logFile}`);
      await sleep(250);
    }
    log(`start: ${service.name.padEnd(22)} ${service.url}  (OpenAPI ${service.url}/docs, log ${path.relative(root, service.logFile)})`);
  }
  return started;
}

/** Stops services started by `npm start`, from their pid files; SIGTERM lets them drain. */
export async function stopServices(root, log) {
  const runDir = path.join(root, '.gridline', 'run');
  let stopped = 0;
  for (const app of apps) {
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

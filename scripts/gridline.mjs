#!/usr/bin/env node
// The two commands of the quick start, plus stop:
//   npm start   install if needed, bring up Kafka/PostgreSQL/Redis, build, start the four services, build the
//               console and start its edge, load the demo district and report a few issues, then show events
//               live until Ctrl+C
//   npm test    install if needed, lint (ESLint and the Prettier format check), build, run unit and integration
//               tests (infrastructure starts itself), then the short fault-injection run alone
//   npm run chaos  the long fault-injection run (a 3-broker cluster, two replicas of each service, minutes of load
//               with brokers, replicas and PostgreSQL killed); its short variant is part of npm test
//   npm stop    stop services started by `npm start` and the local Kafka broker
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, run } from './lib/dependencies.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line) => process.stdout.write(`${line}\n`);

async function test(extraArgs) {
  ensureNodeModules(root, log);
  run(root, 'npm', ['run', '--silent', 'lint'], 'lint');
  run(root, 'npm', ['run', '--silent', 'build'], 'build');
  const jest = path.join(root, 'node_modules', '.bin', 'jest');
  // Two workers: most integration specs spend their time waiting for deadlines, timers and consumers, not on the
  // CPU, so two files side by side roughly halve the suite on a 2-core machine (each file has its own database
  // and topic prefix). JEST_WORKERS overrides it.
  const projects = ['--selectProjects', 'unit', 'console', 'integration'];
  run(root, jest, ['--ci', `--maxWorkers=${process.env.JEST_WORKERS ?? 2}`, ...projects, ...extraArgs], 'tests');
  // Then the specs that measure timeliness under faults, alone on the machine (a filter in the arguments may leave
  // none of them, which is not a failure).
  run(root, jest, ['--ci', '--runInBand', '--passWithNoTests', '--selectProjects', 'solo', ...extraArgs], 'solo tests');
}

/** The long fault-injection run (minutes; restarts the machine's PostgreSQL), alone: nothing else may share the box. */
async function chaos(extraArgs) {
  ensureNodeModules(root, log);
  run(root, 'npm', ['run', '--silent', 'build'], 'build');
  const jest = path.join(root, 'node_modules', '.bin', 'jest');
  run(root, jest, ['--ci', '--runInBand', '--selectProjects', 'chaos', ...extraArgs], 'chaos');
}

async function start() {
  const began = Date.now();
  ensureNodeModules(root, log);
  const { ensureInfra } = await import('../deploy/infra.mjs');
  const infra = await ensureInfra({ log });
  log('build: compiling the four services');
  run(root, 'npm', ['run', '--silent', 'build'], 'build');
  const { createDatabaseIfMissing } = await import('./lib/database.mjs');
  const databaseUrl = await createDatabaseIfMissing(infra.DATABASE_URL, process.env.GRIDLINE_DATABASE ?? 'gridline');
  const { ensureDevKeys } = await import('../deploy/auth/dev-tokens.mjs');
  const keys = ensureDevKeys();
  const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
  const { provisionKafka, grantDemoTeam } = await import('./lib/kafka-access.mjs');
  await provisionKafka(root, infra, { prefix, partitions: Number(process.env.KAFKA_TOPIC_PARTITIONS ?? 3), log });
  const demoTeam = await grantDemoTeam(root, infra, prefix);
  // Development identities: services trust the local key pair's public half unless AUTH_JWKS_URL is set.
  const { DATABASE_URL: _admin, GRIDLINE_KAFKA_SECRETS: _secrets, ...shared } = infra;
  const env = {
    ...shared,
    DATABASE_URL: databaseUrl,
    ...(process.env.AUTH_JWKS_URL ? {} : { AUTH_PUBLIC_KEY_FILE: keys.publicKeyFile }),
  };
  const { kafkaEnvironmentOf } = await import('../deploy/infra.mjs');
  const { startServices, startEdge, stopServices, portOf, apps } = await import('./lib/service-launcher.mjs');
  const { startEventFeed } = await import('./demo/event-feed.mjs');
  const { loadDemo } = await import('./demo/load-demo.mjs');

  const services = await startServices(root, env, log, (app) => kafkaEnvironmentOf(infra, app)).catch(async (error) => {
    // One that failed leaves none behind (the others may still be starting).
    await stopServices(root, log);
    throw error;
  });
  const edge = await startConsole(env, keys.privateKeyFile, startEdge).catch(async (error) => {
    await stopServices(root, log);
    throw error;
  });
  const stopFeed = await startEventFeed(demoTeam, prefix, log);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    log('\nstop: draining services (SIGTERM)…');
    await stopFeed().catch(() => undefined);
    await stopServices(root, log);
    log('stop: done. Kafka keeps running for the next start; `npm stop` stops it too.');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  let running = services.length;
  for (const service of services) {
    service.child.once('exit', async (code) => {
      running -= 1;
      if (stopping) return;
      log(`warn: ${service.name} exited (${code}) — see ${service.logFile}`);
      if (running === 0) {
        // Stopped from elsewhere (`npm stop`): nothing left to show.
        stopping = true;
        await stopFeed().catch(() => undefined);
        log('stop: all services have stopped.');
        process.exit(0);
      }
    });
  }

  const urls = Object.fromEntries(apps.map((app) => [app.name, `http://127.0.0.1:${portOf(app, env)}`]));
  let demo;
  try {
    demo = await loadDemo(root, urls, log, keys.privateKeyFile);
  } catch (error) {
    // A demo that cannot load leaves no services behind: say why, stop them, fail.
    log(`demo: ${error instanceof Error ? error.message : String(error)}`);
    stopping = true;
    await stopFeed().catch(() => undefined);
    await stopServices(root, log);
    process.exit(1);
  }
  const { tenantId, reported } = demo;
  log(
    `ready in ${((Date.now() - began) / 1000).toFixed(1)}s. Unacknowledged issues now climb micro → level-3 → community → street → district centre.`,
  );
  log(`Console: ${edge.url}/`);
  log("look (every API needs a token; this mints a district administrator's for the demo district):");
  log(`  TOKEN=$(node deploy/auth/dev-tokens.mjs token --role district-admin --tenant ${tenantId})`);
  log(`  curl -H "Authorization: Bearer $TOKEN" ${urls.analytics}/v1/tenants/${tenantId}/summary`);
  log(
    `  curl -H "Authorization: Bearer $TOKEN" ${urls['issue-dispatch']}/v1/tenants/${tenantId}/issues/${reported[0].id}/history`,
  );
  log(`  curl -H "Authorization: Bearer $TOKEN" ${urls['grid-registry']}/v1/tenants/${tenantId}/grids`);
  log('Ctrl+C stops the services (npm stop from another terminal does too).');
}

/**
 * The dispatch-centre console: built with Vite into dist/console when apps/console exists (a failed build
 * leaves the edge answering 503 with the reason), then served with the APIs by the edge on one origin.
 */
async function startConsole(env, signingKeyFile, startEdge) {
  if (!existsSync(path.join(root, 'apps', 'console'))) {
    log(
      'console: apps/console is not there yet; the edge starts without a console (it answers 503 until one is built)',
    );
  } else {
    log('build: the console (vite build)');
    try {
      run(root, 'npm', ['run', '--silent', 'build:console'], 'console build');
    } catch (error) {
      log(
        `warn: ${error instanceof Error ? error.message : String(error)}; the APIs work, the console page will say it is not built`,
      );
    }
  }
  return startEdge(root, env, log, { signingKeyFile });
}

async function stop() {
  const { stopServices } = await import('./lib/service-launcher.mjs');
  await stopServices(root, log);
  ensureNodeModules(root, log);
  const { stopInfra } = await import('../deploy/infra.mjs');
  await stopInfra({ log });
}

const [command, ...rest] = process.argv.slice(2);
const commands = { start: () => start(), test: () => test(rest), chaos: () => chaos(rest), stop: () => stop() };
if (!commands[command]) {
  process.stderr.write('usage: node scripts/gridline.mjs start|test|chaos|stop\n');
  process.exit(2);
}
commands[command]().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

#!/usr/bin/env node
// npm run analytics:rebuild [-- --live http://127.0.0.1:3004] [--keep]
//
// Proves that the public streams are the whole truth: a second analytics process folds every public topic from its
// first event into a scratch database, with progress, and its numbers are compared with the live service's
// (city summary and KPIs, every district). It runs in `rebuild` mode — it announces nothing on the live feed and
// copies nothing into the district topics — as the provisioning super user, in consumer groups of its own, so the
// live service is untouched. Exit 0 when the numbers are equal, 1 when they differ. The scratch database is dropped
// unless --keep.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureNodeModules, run } from './lib/dependencies.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line) => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const REBUILD_TIMEOUT_MS = 30 * 60_000;

function option(args, name) {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function healthy(url) {
  try {
    return (await fetch(`${url}/health`)).ok;
  } catch {
    return false;
  }
}

/** How far a consumer group has read the public topics: committed offsets against the topics' ends, per partition. */
async function progressOf(admin, groupId, topics) {
  let done = 0;
  let total = 0;
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    for (const end of ends) {
      const high = Number(end.high);
      const at = Number(committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
      total += high;
      done += Math.min(high, Math.max(at, 0));
    }
  }
  return { done, total };
}

async function numbersOf(baseUrl, token, window) {
  const get = async (route) => {
    const response = await fetch(`${baseUrl}${route}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${baseUrl}${route} answered ${response.status}`);
    return response.json();
  };
  return {
    summary: await get('/v1/city/summary'),
    kpis: await get(`/v1/city/kpis?from=${encodeURIComponent(window.from)}&to=${encodeURIComponent(window.to)}`),
  };
}

async function main(args) {
  const live = option(args, 'live') ?? `http://127.0.0.1:${process.env.ANALYTICS_PORT ?? 3004}`;
  const keep = args.includes('--keep');
  ensureNodeModules(root, log);
  const { ensureInfra } = await import('../deploy/infra.mjs');
  const infra = await ensureInfra({ log: (line) => process.stderr.write(`${line}\n`) });
  if (!existsSync(path.join(root, 'dist/apps/analytics/src/main.js')))
    run(root, 'npm', ['run', '--silent', 'build'], 'build');
  if (!(await healthy(live)))
    throw new Error(
      `gridline: no live analytics answers ${live}/health — start the platform (npm start) or pass --live URL`,
    );

  const { adminConnection, loadKafkaAccess } = await import('./lib/kafka-access.mjs');
  const { createDatabaseIfMissing, dropDatabase } = await import('./lib/database.mjs');
  const { ensureDevKeys, mintDevToken } = await import('../deploy/auth/dev-tokens.mjs');
  const keys =
    process.env.GRIDLINE_SIGNING_KEY && process.env.AUTH_PUBLIC_KEY_FILE
      ? { privateKeyFile: process.env.GRIDLINE_SIGNING_KEY, publicKeyFile: process.env.AUTH_PUBLIC_KEY_FILE }
      : ensureDevKeys();
  const token = await mintDevToken({
    privateKeyFile: keys.privateKeyFile,
    sub: 'analytics-rebuild',
    roles: [{ role: 'city-viewer' }],
    ttl: '1h',
  });

  const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
  const runId = randomBytes(3).toString('hex');
  const databaseName = `gridline_rebuild_${runId}`;
  const groupPrefix = `${prefix}rebuild-${runId}.`;
  const admin = adminConnection(infra);
  const databaseUrl = await createDatabaseIfMissing(infra.DATABASE_URL, databaseName);
  const port = await freePort();
  const rebuilt = `http://127.0.0.1:${port}`;
  log(
    `rebuild: folding every public topic from its first event into ${databaseName} (analytics on ${rebuilt}, groups ${groupPrefix}*)`,
  );
  const child = spawn(process.execPath, [path.join(root, 'dist/apps/analytics/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: infra.REDIS_URL,
      KAFKA_BROKERS: infra.KAFKA_BROKERS,
      KAFKA_SECURITY_PROTOCOL: infra.KAFKA_SECURITY_PROTOCOL,
      KAFKA_SASL_USERNAME: admin.username,
      KAFKA_SASL_PASSWORD: admin.password,
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_CONSUMER_GROUP_PREFIX: groupPrefix,
      ANALYTICS_MODE: 'rebuild',
      ANALYTICS_PORT: String(port),
      AUTH_PUBLIC_KEY_FILE: keys.publicKeyFile,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));

  const access = await loadKafkaAccess(root);
  try {
    const began = Date.now();
    while (!(await healthy(rebuilt))) {
      if (exited) throw new Error('gridline: the rebuilding analytics process exited during start-up');
      if (Date.now() - began > 90_000)
        throw new Error(`gridline: the rebuilding analytics did not answer ${rebuilt}/health in 90 s`);
      await sleep(250);
    }
    const contracts = (await import(pathToFileURL(path.join(root, 'dist/libs/contracts/src/index.js')).href)).default;
    const publicTopics = contracts.allTopics.filter((t) => t.public).map((t) => `${prefix}${t.name}`);
    const equal = await access.withAdmin(admin, async (client) => {
      const group = `${groupPrefix}analytics.projections`;
      const liveGroup = `${prefix}analytics.projections`;
      let lastPrinted = -1;
      for (;;) {
        if (exited) throw new Error('gridline: the rebuilding analytics process stopped');
        if (Date.now() - began > REBUILD_TIMEOUT_MS)
          throw new Error('gridline: the rebuild did not finish in 30 minutes');
        const mine = await progressOf(client, group, publicTopics);
        const theirs = await progressOf(client, liveGroup, publicTopics);
        const percent = mine.total === 0 ? 100 : Math.floor((100 * mine.done) / mine.total);
        if (percent !== lastPrinted) log(`rebuild: ${mine.done} of ${mine.total} events folded (${percent}%)`);
        lastPrinted = percent;
        if (mine.done === mine.total && theirs.done === theirs.total) break;
        await sleep(1000);
      }
      // Both have read every event there is; compare what each now says, at one instant and one window.
      const now = Date.now();
      const window = {
        from: new Date(now - 365 * 86_400_000).toISOString(),
        to: new Date(now + 86_400_000).toISOString(),
      };
      const [a, b] = [await numbersOf(live, token, window), await numbersOf(rebuilt, token, window)];
      log(
        `rebuild: ${b.summary.tenants} districts, ${b.summary.issues.total} issues, ${b.summary.escalations} escalations, ${b.summary.grids.total} grids, ${b.summary.volunteers} volunteers in ${((Date.now() - began) / 1000).toFixed(1)} s`,
      );
      for (const part of ['summary', 'kpis']) {
        const same = isDeepStrictEqual(a[part], b[part]);
        log(
          `rebuild: ${part} ${same ? 'equal to the live numbers' : `DIFFERS — live ${JSON.stringify(a[part])} rebuilt ${JSON.stringify(b[part])}`}`,
        );
      }
      return isDeepStrictEqual(a, b);
    });
    return equal ? 0 : 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (exited ? resolve() : child.once('exit', resolve)));
    await access.withAdmin(admin, async (client) => {
      const { groups } = await client.listGroups();
      const ours = groups.map((g) => g.groupId).filter((id) => id.startsWith(groupPrefix));
      if (ours.length > 0) await client.deleteGroups(ours).catch(() => undefined);
    });
    if (keep) log(`rebuild: kept ${databaseName}`);
    else await dropDatabase(infra.DATABASE_URL, databaseName);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

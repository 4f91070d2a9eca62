#!/usr/bin/env node
// npm run cluster -- up | status | down
//
// The production shape on one machine: a 3-broker KRaft Kafka cluster (replication factor 3,
// min.insync.replicas 2, deploy/kafka/cluster.mjs) and two replicas of each of the four services sharing it,
// their database and Redis, with the edge in front of the first replicas and the demo district loaded.
//   up      start (or reuse) the brokers, provision the catalogue's topics, start both replicas of each service
//           and the edge in the background, load the demo; prints where everything answers
//   status  each broker (answering?), each topic partition's replicas and in-sync set, each replica's readiness
//   down    stop the replicas and the edge, stop the brokers, delete the cluster's Kafka data and its database
// Everything lives under .gridline/cluster/. Brokers on CLUSTER_KAFKA_PORT_BASE+1…+3 (default 19401–19403),
// services on CLUSTER_SERVICE_PORT_BASE+11…+14 and +21…+24 (default 3111–3114, 3121–3124), edge on +80 (3180).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, run } from './lib/dependencies.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stateDir = path.join(root, '.gridline', 'cluster');
const kafkaDir = path.join(stateDir, 'kafka');
const DATABASE = 'gridline_cluster';
const PARTITIONS = 6; // as the Kubernetes topics: room for more replicas than two
const log = (line) => process.stdout.write(`${line}\n`);

function portBase(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1024 || value > 65_000)
    throw new Error(`gridline: ${name} must be a port number between 1024 and 65000, not ${process.env[name]}`);
  return value;
}

const kafkaPortBase = () => portBase('CLUSTER_KAFKA_PORT_BASE', 19400);
const servicePortBase = () => portBase('CLUSTER_SERVICE_PORT_BASE', 3100);

/** The port of replica `instance` (1 or 2) of the `index`th service: base + 10·instance + index + 1. */
function replicaPort(index, instance) {
  return servicePortBase() + 10 * instance + index + 1;
}

/** The port variables of replica `instance`, as a replica's environment. */
function replicaPorts(launcher, instance) {
  return Object.fromEntries(
    launcher.apps.map((app, index) => [launcher.portVariable(app), String(replicaPort(index, instance))]),
  );
}

/** Points this process (and what it starts) at the cluster, as an operator would with KAFKA_BROKERS. */
function useCluster(started) {
  process.env.KAFKA_BROKERS = started.bootstrap;
  process.env.GRIDLINE_KAFKA_SECRETS = started.secretsFile;
  process.env.KAFKA_SECURITY_PROTOCOL = 'SASL_PLAINTEXT';
}

async function up() {
  const began = Date.now();
  ensureNodeModules(root, log);
  const { startCluster } = await import('../deploy/kafka/cluster.mjs');
  const cluster = await startCluster({ stateDir: kafkaDir, portBase: kafkaPortBase(), log });
  log(`cluster: 3 brokers answer at ${cluster.bootstrap} (replication factor 3, min.insync.replicas 2)`);
  useCluster(cluster);
  const { ensureInfra, kafkaEnvironmentOf } = await import('../deploy/infra.mjs');
  const infra = await ensureInfra({ log });
  log('build: compiling the four services');
  run(root, 'npm', ['run', '--silent', 'build'], 'build');
  const { createDatabaseIfMissing } = await import('./lib/database.mjs');
  const databaseUrl = await createDatabaseIfMissing(infra.DATABASE_URL, DATABASE);
  const { ensureDevKeys } = await import('../deploy/auth/dev-tokens.mjs');
  const keys = ensureDevKeys();
  const { provisionKafka } = await import('./lib/kafka-access.mjs');
  await provisionKafka(root, infra, { partitions: PARTITIONS, log });

  const { DATABASE_URL: _admin, GRIDLINE_KAFKA_SECRETS: _secrets, ...shared } = infra;
  const env = {
    ...shared,
    DATABASE_URL: databaseUrl,
    ...(process.env.AUTH_JWKS_URL ? {} : { AUTH_PUBLIC_KEY_FILE: keys.publicKeyFile }),
  };
  const launcher = await import('./lib/service-launcher.mjs');
  const { apps, startServices, startEdge, stopServices } = launcher;
  const ownEnv = (app) => kafkaEnvironmentOf(infra, app);
  const edgePort = servicePortBase() + 80;
  try {
    // One replica after the other: the second joins groups the first already holds, as a scale-out does.
    for (const instance of [1, 2]) {
      await startServices(root, { ...env, ...replicaPorts(launcher, instance) }, log, ownEnv, {
        instance,
        stateDir,
        detached: true,
      });
    }
    const edge = await startEdge(root, { ...env, ...replicaPorts(launcher, 1), EDGE_PORT: String(edgePort) }, log, {
      signingKeyFile: keys.privateKeyFile,
      stateDir,
      detached: true,
    });
    const { loadDemo } = await import('./demo/load-demo.mjs');
    const urls = Object.fromEntries(apps.map((app, index) => [app.name, `http://127.0.0.1:${replicaPort(index, 1)}`]));
    const { tenantId } = await loadDemo(root, urls, log, keys.privateKeyFile);
    log(
      `cluster: up in ${((Date.now() - began) / 1000).toFixed(1)}s — 3 brokers, 2 replicas of each service, demo district ${tenantId}`,
    );
    log(`  console ${edge.url}/ (the edge forwards to the first replicas; the second ones answer on their own ports)`);
    log("  npm run cluster -- status    brokers, partition replicas and each replica's readiness");
    log("  npm run cluster -- down      stop everything and delete the cluster's data");
  } catch (error) {
    log(`cluster: ${error instanceof Error ? error.message : String(error)} — stopping the replicas that started`);
    await stopServices(root, log, { stateDir });
    throw error;
  }
}

async function readiness(url) {
  try {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(3_000) });
    return response.ok ? 'ready' : `not ready (${response.status})`;
  } catch {
    return 'not answering';
  }
}

/** Each consumer group, its state and how many partitions each member holds (both replicas should hold some). */
async function consumerGroups(admin) {
  const { default: kafkajs } = await import('kafkajs');
  const { groups } = await admin.listGroups();
  const ids = groups
    .filter((group) => group.protocolType === 'consumer')
    .map((group) => group.groupId)
    .sort();
  if (ids.length === 0) return [];
  const described = await admin.describeGroups(ids);
  return described.groups.map((group) => ({
    id: group.groupId,
    state: group.state,
    shares: group.members.map((member) => {
      const assignment = kafkajs.AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      return Object.values(assignment?.assignment ?? {}).reduce((sum, partitions) => sum + partitions.length, 0);
    }),
  }));
}

async function status() {
  ensureNodeModules(root, log);
  const { clusterStatus } = await import('../deploy/kafka/cluster.mjs');
  const cluster = await clusterStatus({ stateDir: kafkaDir });
  if (!cluster.exists) {
    log('cluster: not created — npm run cluster -- up');
    return;
  }
  for (const node of cluster.nodes)
    log(
      `broker ${node.nodeId}  ${node.address}  ${node.answering ? 'answering' : node.pid ? `running (pid ${node.pid}) but not answering` : 'down'}`,
    );
  if (cluster.nodes.some((node) => node.answering)) {
    useCluster(cluster);
    const { loadKafkaAccess, adminConnection } = await import('./lib/kafka-access.mjs');
    const access = await loadKafkaAccess(root);
    const infra = {
      KAFKA_BROKERS: cluster.bootstrap,
      GRIDLINE_KAFKA_SECRETS: cluster.secretsFile,
      KAFKA_SECURITY_PROTOCOL: 'SASL_PLAINTEXT',
    };
    const topics = await access.withAdmin(adminConnection(infra), (admin) => admin.fetchTopicMetadata());
    const partitions = topics.topics
      .filter((topic) => !topic.name.startsWith('__'))
      .flatMap((topic) => topic.partitions);
    const underReplicated = partitions.filter((partition) => partition.isr.length < partition.replicas.length);
    const leaderless = partitions.filter((partition) => partition.leader < 0);
    log(
      `topics: ${topics.topics.length}, partitions: ${partitions.length}, under-replicated: ${underReplicated.length}, without a leader: ${leaderless.length}`,
    );
    const groups = await access.withAdmin(adminConnection(infra), (admin) => consumerGroups(admin));
    for (const group of groups)
      log(
        `group ${group.id.padEnd(44)} ${group.state.padEnd(12)} partitions per member: ${group.shares.join(' + ') || '—'}`,
      );
  }
  const { apps } = await import('./lib/service-launcher.mjs');
  for (const instance of [1, 2]) {
    for (const [index, app] of apps.entries()) {
      const url = `http://127.0.0.1:${replicaPort(index, instance)}`;
      log(`${`${app.name}-${instance}`.padEnd(26)} ${url}  ${await readiness(url)}`);
    }
  }
}

async function down() {
  const { stopServices } = await import('./lib/service-launcher.mjs');
  await stopServices(root, log, { stateDir });
  const { stopCluster } = await import('../deploy/kafka/cluster.mjs');
  await stopCluster({ stateDir: kafkaDir, wipe: true, log });
  ensureNodeModules(root, log);
  const { dropDatabase } = await import('./lib/database.mjs');
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  // Its events went with the brokers' data: a database that remembered them would disagree with the next cluster.
  await dropDatabase(adminUrl, DATABASE).catch((error) =>
    log(`cluster: database ${DATABASE} not dropped (${error.message})`),
  );
  log('cluster: down (brokers stopped, Kafka data and database deleted)');
}

const commands = { up, status, down };
const [command] = process.argv.slice(2);
if (!commands[command]) {
  process.stderr.write('usage: npm run cluster -- up|status|down\n');
  process.exit(2);
}
commands[command]().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

// A 3-node KRaft Kafka cluster on this one machine, from the same Apache jars as the single
// development broker (kafka.mjs): every node is a broker and a controller-quorum voter, topics are
// replicated three times and a write is acknowledged once two replicas have it
// (min.insync.replicas=2), so any one broker can die without losing or refusing a write.
//
//   startCluster({ stateDir, portBase })  -> { bootstrap, secretsFile, nodes } once every node answers
//   killBroker({ stateDir, nodeId })      -> SIGKILL one node (a crashed machine); true if it was running
//   startBroker({ stateDir, nodeId })     -> start one node again and wait until it answers
//   stopCluster({ stateDir, wipe })       -> stop every node (SIGTERM, then SIGKILL), optionally delete the data
//   clusterStatus({ stateDir })           -> per node: id, port, pid, answering
//
// Node N listens for clients on portBase+N and for the quorum on portBase+10+N. Everything lives in
// stateDir: cluster.json (ports, cluster id), secrets.json (owner-only, the same principals as the
// single broker's), node-N/{server.properties,data,kafka.log,kafka.pid}. `npm run cluster` and the
// fault-tolerance tests use it.

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import {
  ensureJars,
  formatNodeStorage,
  generateSecrets,
  isOurBroker,
  newClusterId,
  probeKafka,
  renderNodeConfig,
  signal,
  spawnNode,
  waitForExit,
} from './kafka.mjs';

export const NODE_IDS = [1, 2, 3];
const REPLICATION = { factor: 3, minInsync: 2 };
const NODE_START_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 20_000;

const silent = () => {};

const clientPort = (portBase, nodeId) => portBase + nodeId;
const quorumPort = (portBase, nodeId) => portBase + 10 + nodeId;

function paths(stateDir, nodeId) {
  const dir = path.join(stateDir, `node-${nodeId}`);
  return {
    dir,
    propsFile: path.join(dir, 'server.properties'),
    dataDir: path.join(dir, 'data'),
    logFile: path.join(dir, 'kafka.log'),
    pidFile: path.join(dir, 'kafka.pid'),
  };
}

const secretsFileOf = (stateDir) => path.join(stateDir, 'secrets.json');
const descriptorFileOf = (stateDir) => path.join(stateDir, 'cluster.json');

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function writeOwnerOnly(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

function readDescriptor(stateDir) {
  const descriptor = readJson(descriptorFileOf(stateDir));
  if (!descriptor) throw new Error(`gridline: no cluster in ${stateDir} — start it first`);
  return descriptor;
}

function readPid(pidFile) {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

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

export function bootstrapOf(portBase) {
  return NODE_IDS.map((nodeId) => `127.0.0.1:${clientPort(portBase, nodeId)}`).join(',');
}

/** The cluster's descriptor and secrets, first time only: later starts reuse both (the data was formatted with them). */
function prepare(stateDir, portBase) {
  fs.mkdirSync(stateDir, { recursive: true });
  const existing = readJson(descriptorFileOf(stateDir));
  if (existing && existing.portBase !== portBase) {
    throw new Error(
      `gridline: the cluster in ${stateDir} was made for ports ${existing.portBase + 1}–${existing.portBase + 3}, not ${portBase + 1}–${portBase + 3} — stop and wipe it first`,
    );
  }
  const descriptor = existing ?? { portBase, clusterId: newClusterId(), nodes: NODE_IDS };
  writeOwnerOnly(descriptorFileOf(stateDir), descriptor);
  const secrets = readJson(secretsFileOf(stateDir)) ?? generateSecrets();
  writeOwnerOnly(secretsFileOf(stateDir), secrets);
  return { descriptor, secrets };
}

async function configureNode(stateDir, descriptor, secrets, nodeId) {
  const node = paths(stateDir, nodeId);
  fs.mkdirSync(node.dir, { recursive: true });
  renderNodeConfig({
    file: node.propsFile,
    nodeId,
    port: clientPort(descriptor.portBase, nodeId),
    controllerPort: quorumPort(descriptor.portBase, nodeId),
    voters: NODE_IDS.map((id) => `${id}@127.0.0.1:${quorumPort(descriptor.portBase, id)}`).join(','),
    dataDir: node.dataDir,
    replication: REPLICATION,
    secrets,
  });
  if (!fs.existsSync(path.join(node.dataDir, 'meta.properties'))) {
    await formatNodeStorage({
      propsFile: node.propsFile,
      clusterId: descriptor.clusterId,
      secrets,
      logFile: node.logFile,
      formatLog: path.join(node.dir, 'format.log'),
    });
  }
}

/** Starts the node unless it already runs; does not wait for it (a lone controller waits for its quorum). */
async function launchNode(stateDir, descriptor, nodeId, log) {
  const node = paths(stateDir, nodeId);
  const running = readPid(node.pidFile);
  if (isOurBroker(running)) return running;
  const port = clientPort(descriptor.portBase, nodeId);
  for (const taken of [port, quorumPort(descriptor.portBase, nodeId)]) {
    if (await portIsTaken(taken))
      throw new Error(`gridline: port ${taken} is taken — free it or choose another port base`);
  }
  const { pid } = spawnNode({
    propsFile: node.propsFile,
    logFile: node.logFile,
    pidFile: node.pidFile,
    workDir: node.dir,
  });
  log(`cluster: broker ${nodeId} started (pid ${pid}) on 127.0.0.1:${port}, log ${node.logFile}`);
  return pid;
}

async function waitForNode(stateDir, descriptor, secrets, nodeId) {
  const node = paths(stateDir, nodeId);
  const address = `127.0.0.1:${clientPort(descriptor.portBase, nodeId)}`;
  const deadline = Date.now() + NODE_START_TIMEOUT_MS;
  while (!(await probeKafka(address, { timeoutMs: 2_000, credentials: secrets.admin }))) {
    if (!isOurBroker(readPid(node.pidFile)))
      throw new Error(`gridline: broker ${nodeId} exited during start-up — read ${node.logFile}`);
    if (Date.now() > deadline)
      throw new Error(
        `gridline: broker ${nodeId} did not answer on ${address} in ${NODE_START_TIMEOUT_MS / 1000}s — read ${node.logFile}`,
      );
    await sleep(500);
  }
}

/**
 * Makes sure all three nodes of the cluster in `stateDir` run and answer (formatting them on first use) and returns
 * how to reach it. Nodes that already run are kept.
 */
export async function startCluster({ stateDir, portBase = 19400, log = console.log }) {
  await ensureJars(log);
  const { descriptor, secrets } = prepare(stateDir, portBase);
  for (const nodeId of NODE_IDS) await configureNode(stateDir, descriptor, secrets, nodeId);
  for (const nodeId of NODE_IDS) await launchNode(stateDir, descriptor, nodeId, log);
  // Together, not one by one: a node's broker side waits until a quorum of controllers is up.
  await Promise.all(NODE_IDS.map((nodeId) => waitForNode(stateDir, descriptor, secrets, nodeId)));
  return { bootstrap: bootstrapOf(portBase), secretsFile: secretsFileOf(stateDir), nodes: NODE_IDS.length };
}

/** SIGKILL, no controlled shutdown: the node vanishes as a crashed machine would. */
export async function killBroker({ stateDir, nodeId, log = silent }) {
  const node = paths(stateDir, nodeId);
  const pid = readPid(node.pidFile);
  if (!isOurBroker(pid)) return false;
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 10_000);
  log(`cluster: broker ${nodeId} killed (pid ${pid})`);
  return true;
}

/** Starts one node of an existing cluster again and waits until it answers. */
export async function startBroker({ stateDir, nodeId, log = silent }) {
  const descriptor = readDescriptor(stateDir);
  const secrets = readJson(secretsFileOf(stateDir));
  await launchNode(stateDir, descriptor, nodeId, log);
  await waitForNode(stateDir, descriptor, secrets, nodeId);
}

/** Stops every node (in parallel: a controlled shutdown moves leadership to the others first); `wipe` deletes stateDir. */
export async function stopCluster({ stateDir, wipe = false, log = console.log }) {
  await Promise.all(
    NODE_IDS.map(async (nodeId) => {
      const node = paths(stateDir, nodeId);
      const pid = readPid(node.pidFile);
      if (!isOurBroker(pid)) return;
      signal(pid, 'SIGTERM');
      if (!(await waitForExit(pid, STOP_GRACE_MS))) {
        signal(pid, 'SIGKILL');
        await waitForExit(pid, 5_000);
      }
      fs.rmSync(node.pidFile, { force: true });
      log(`cluster: broker ${nodeId} stopped`);
    }),
  );
  if (wipe) fs.rmSync(stateDir, { recursive: true, force: true });
}

/** Per node: whether its process runs and whether it answers an authenticated metadata request. */
export async function clusterStatus({ stateDir }) {
  const descriptor = readJson(descriptorFileOf(stateDir));
  if (!descriptor) return { exists: false, nodes: [] };
  const secrets = readJson(secretsFileOf(stateDir));
  const nodes = await Promise.all(
    NODE_IDS.map(async (nodeId) => {
      const pid = readPid(paths(stateDir, nodeId).pidFile);
      const address = `127.0.0.1:${clientPort(descriptor.portBase, nodeId)}`;
      return {
        nodeId,
        address,
        pid: isOurBroker(pid) ? pid : null,
        answering: await probeKafka(address, { timeoutMs: 2_000, credentials: secrets?.admin }),
        logFile: paths(stateDir, nodeId).logFile,
      };
    }),
  );
  return { exists: true, bootstrap: bootstrapOf(descriptor.portBase), secretsFile: secretsFileOf(stateDir), nodes };
}

import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const clusterModule = path.resolve(__dirname, '../../deploy/kafka/cluster.mjs');

type ClusterFunction = 'startCluster' | 'stopCluster' | 'killBroker' | 'startBroker';

/** Calls one function of deploy/kafka/cluster.mjs (an ES module) in a Node process of its own; its result as JSON. */
async function clusterCall<T>(name: ClusterFunction, options: Record<string, unknown>): Promise<T> {
  const script =
    `import(${JSON.stringify(clusterModule)}).then((m) => m[process.argv[1]]({ ...JSON.parse(process.argv[2]), log: () => {} }))` +
    '.then((result) => console.log(JSON.stringify(result ?? null)))';
  const { stdout } = await run(process.execPath, ['-e', script, name, JSON.stringify(options)], { timeout: 180_000 });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as T;
}

/**
 * A 3-broker KRaft cluster of this test file's own (replication factor 3, min.insync.replicas 2), as
 * `npm run cluster` runs it, on ports `portBase+1…+3` (controllers `portBase+11…+13`). `start()` points everything the
 * file starts afterwards — services, the harness's admin, event recorders — at it, as its own principals there.
 */
export class TestKafkaCluster {
  private readonly stateDir = mkdtempSync(path.join(tmpdir(), 'gridline-cluster-'));
  private readonly savedEnv = {
    KAFKA_BROKERS: process.env.KAFKA_BROKERS,
    GRIDLINE_KAFKA_SECRETS: process.env.GRIDLINE_KAFKA_SECRETS,
  };
  readonly brokerIds = [1, 2, 3];

  constructor(private readonly portBase: number) {}

  async start(): Promise<this> {
    const started = await clusterCall<{ bootstrap: string; secretsFile: string }>('startCluster', {
      stateDir: this.stateDir,
      portBase: this.portBase,
    });
    process.env.KAFKA_BROKERS = started.bootstrap;
    process.env.GRIDLINE_KAFKA_SECRETS = started.secretsFile;
    return this;
  }

  /** SIGKILL, no controlled shutdown: the broker vanishes as a crashed machine would. */
  killBroker(nodeId: number): Promise<boolean> {
    return clusterCall<boolean>('killBroker', { stateDir: this.stateDir, nodeId });
  }

  async startBroker(nodeId: number): Promise<void> {
    await clusterCall('startBroker', { stateDir: this.stateDir, nodeId });
  }

  /** Stops every broker, deletes the cluster's data and gives the file back its single broker. */
  async stop(): Promise<void> {
    await clusterCall('stopCluster', { stateDir: this.stateDir, wipe: true }).catch(() => undefined);
    for (const [name, value] of Object.entries(this.savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

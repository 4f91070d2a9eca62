import path from 'node:path';
import {
  entryPointOf,
  GridlineProcessName,
  NodeProcess,
  portVariableOf,
  serviceNodeEnvironment,
} from '@gridline/testing';

/** The edge (the console's origin) answers its own health route; a service is ready once its consumers joined. */
const healthPath = (app: GridlineProcessName) => (app === 'edge' ? '/edge/health' : '/health/ready');

/** BENCH_CPU_PROFILE=<dir>: each service writes a V8 CPU profile there when it stops (where the time went). */
function profileFlags(app: GridlineProcessName): string[] {
  const dir = process.env.BENCH_CPU_PROFILE;
  return dir
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`, `--cpu-prof-name=${app}-${Date.now()}.cpuprofile`]
    : [];
}

/**
 * A Gridline service run as its own process from dist/, as in production, for benchmarks that measure it
 * through its HTTP API. Its output goes to `.gridline/bench/<name>.log`.
 */
export class BenchServiceProcess {
  private readonly process: NodeProcess;

  constructor(
    repositoryRoot: string,
    readonly app: GridlineProcessName,
    readonly port: number,
    env: Record<string, string>,
  ) {
    this.process = new NodeProcess({
      name: `bench: ${app}`,
      script: entryPointOf(repositoryRoot, app),
      nodeArgs: profileFlags(app),
      env: {
        ...process.env,
        ...env,
        // The services' own Node options (SERVICE_NODE_OPTIONS overrides them), not the bench's own build and load.
        ...serviceNodeEnvironment(),
        [portVariableOf[app]]: String(port),
        NO_COLOR: '1',
      },
      logFile: path.join(repositoryRoot, '.gridline', 'bench', `${app}.log`),
    });
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get logFile(): string {
    return this.process.logFile;
  }

  /** Starts the process and waits until it is ready; returns how long that took in milliseconds. */
  start(timeoutMs = 120_000): Promise<number> {
    return this.process.start({ healthUrl: `${this.baseUrl}${healthPath(this.app)}`, timeoutMs, intervalMs: 100 });
  }

  /** The running process's id (for /proc readings: harness/proc-stats.ts), or null before start and after stop. */
  get pid(): number | null {
    return this.process.pid ?? null;
  }

  /** The process's peak resident set so far in MB (Linux `VmHWM`), or null where /proc is not there. */
  peakRssMb(): number | null {
    return this.process.peakRssMb();
  }

  /** SIGTERM and wait: the service drains its consumers and relay. */
  async stop(): Promise<void> {
    await this.process.stop();
  }
}

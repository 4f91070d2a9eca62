import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const portVariable = {
  'grid-registry': 'GRID_REGISTRY_PORT',
  'issue-dispatch': 'ISSUE_DISPATCH_PORT',
  'volunteer-coordination': 'VOLUNTEER_COORDINATION_PORT',
  analytics: 'ANALYTICS_PORT',
  edge: 'EDGE_PORT',
} as const;

/** The edge (the console's origin) answers its own health route; a service is ready once its consumers joined. */
const healthPath = (app: keyof typeof portVariable) => (app === 'edge' ? '/edge/health' : '/health/ready');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * A Gridline service run as its own process from dist/, as in production, for benchmarks that measure it
 * through its HTTP API. Its output goes to `.gridline/bench/<name>.log`.
 */
export class BenchServiceProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);
  readonly logFile: string;

  constructor(
    private readonly repositoryRoot: string,
    readonly app: keyof typeof portVariable,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    const dir = path.join(repositoryRoot, '.gridline', 'bench');
    mkdirSync(dir, { recursive: true });
    this.logFile = path.join(dir, `${app}.log`);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and waits until it is ready; returns how long that took in milliseconds. */
  async start(timeoutMs = 120_000): Promise<number> {
    const started = Date.now();
    const log = createWriteStream(this.logFile, { flags: 'a' });
    // BENCH_CPU_PROFILE=<dir>: each service writes a V8 CPU profile there when it stops (where the time went).
    const profile = process.env.BENCH_CPU_PROFILE
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}`,
          `--cpu-prof-name=${this.app}-${Date.now()}.cpuprofile`,
        ]
      : [];
    const child = spawn(
      process.execPath,
      [...profile, path.join(this.repositoryRoot, 'dist/apps', this.app, 'src/main.js')],
      {
        env: {
          ...process.env,
          ...this.env,
          // SERVICE_NODE_OPTIONS: Node options for the services alone (a heap cap, say), not for the bench's own build and load.
          ...(process.env.SERVICE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SERVICE_NODE_OPTIONS } : {}),
          [portVariable[this.app]]: String(this.port),
          NO_COLOR: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    let exitCode: number | null | undefined;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    void this.exited.then((code) => (exitCode = code));
    while (Date.now() - started < timeoutMs) {
      if (exitCode !== undefined) throw new Error(`bench: ${this.app} exited with ${exitCode}; see ${this.logFile}`);
      try {
        if ((await fetch(`${this.baseUrl}${healthPath(this.app)}`)).ok) return Date.now() - started;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(
      `bench: ${this.app} did not answer ${healthPath(this.app)} within ${timeoutMs / 1000} s; see ${this.logFile}`,
    );
  }

  /** The running process's id (for /proc readings: harness/proc-stats.ts), or null before start and after stop. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** The process's peak resident set so far in MB (Linux `VmHWM`), or null where /proc is not there. */
  peakRssMb(): number | null {
    const pid = this.child?.pid;
    if (!pid) return null;
    try {
      const line = readFileSync(`/proc/${pid}/status`, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('VmHWM:'));
      return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : null;
    } catch {
      return null;
    }
  }

  /** SIGTERM and wait: the service drains its consumers and relay. */
  async stop(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGTERM');
    await this.exited;
    this.child = null;
  }
}

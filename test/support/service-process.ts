import { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eventually } from '@gridline/testing';
import { startUntilHealthy } from './child-process';
import { serviceKafkaEnvironment } from './kafka-credentials';

export type AppName = 'grid-registry' | 'issue-dispatch' | 'volunteer-coordination' | 'analytics';

const portVariable: Record<AppName, string> = {
  'grid-registry': 'GRID_REGISTRY_PORT',
  'issue-dispatch': 'ISSUE_DISPATCH_PORT',
  'volunteer-coordination': 'VOLUNTEER_COORDINATION_PORT',
  analytics: 'ANALYTICS_PORT',
};

const root = path.resolve(__dirname, '../..');
export const testLogDir = path.join(root, '.gridline', 'test-logs');

/** One service running as its own OS process from dist/, as in production. */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);
  readonly logFile: string;

  constructor(
    readonly app: AppName,
    readonly port: number,
    private readonly env: Record<string, string>,
    logLabel: string,
  ) {
    mkdirSync(testLogDir, { recursive: true });
    this.logFile = path.join(testLogDir, `${logLabel}-${app}.log`);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * User + system CPU the running process has used so far, from /proc (clock ticks of 10 ms); undefined when it is
   * not running or this is not Linux. Beside a wall-clock figure it tells a slow start-up (much CPU) from a starved
   * one (little CPU, a long wait for a core while the machine ran everything else).
   */
  cpuUsedMs(): number | undefined {
    if (this.child?.pid === undefined) return undefined;
    try {
      // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
      const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
  }

  /**
   * Starts the process and waits until it is ready (database, Redis, Kafka producer, every consumer group joined),
   * so a test's first event is consumed; `live` waits only until HTTP answers.
   */
  async start(waitFor: 'ready' | 'live' = 'ready'): Promise<void> {
    const { child, exited } = await startUntilHealthy({
      what: this.app,
      script: path.join(root, 'dist/apps', this.app, 'src/main.js'),
      env: {
        ...process.env,
        ...serviceKafkaEnvironment(this.app),
        ...this.env,
        [portVariable[this.app]]: String(this.port),
        NO_COLOR: '1',
      },
      logFile: this.logFile,
      healthUrl: `${this.baseUrl}/health/${waitFor}`,
      timeoutMs: 60_000,
      // Tight when waiting for live: tests measure how soon HTTP answers after a restart.
      intervalMs: waitFor === 'live' ? 50 : 250,
      onSpawn: (spawned) => (this.child = spawned),
    });
    this.child = child;
    this.exited = exited;
  }

  /** Waits until `/health/ready` answers 200. */
  async untilReady(timeoutMs = 60_000): Promise<void> {
    await eventually(
      `${this.app} to be ready (log: ${this.logFile})`,
      async () => (await fetch(`${this.baseUrl}/health/ready`)).ok,
      timeoutMs,
      100,
    );
  }

  /** SIGTERM and wait: the service drains its consumers, relay and timers. */
  async stop(): Promise<number | null> {
    if (!this.child) return null;
    this.child.kill('SIGTERM');
    const code = await this.exited;
    this.child = null;
    return code;
  }

  /** SIGKILL: no shutdown hooks run, as in a crash. */
  async crash(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGKILL');
    await this.exited;
    this.child = null;
  }
}

import path from 'node:path';
import { entryPointOf, eventually, NodeProcess, portVariableOf, serviceNodeEnvironment } from '@gridline/testing';
import { serviceKafkaEnvironment } from './kafka-credentials';

export type AppName = 'grid-registry' | 'issue-dispatch' | 'volunteer-coordination' | 'analytics';

const root = path.resolve(__dirname, '../..');
export const testLogDir = path.join(root, '.gridline', 'test-logs');

/** One service running as its own OS process from dist/, as in production, with the test broker's credentials. */
/**
 * The most CPU an issue-dispatch restart may use before it answers a report. The target is HTTP back within 3 s of
 * process start; what the service controls is the work it does first, mostly Node loading the compiled modules:
 * 2.0-2.2 s of CPU alone on this box, with or without the heap cap. A saturated host makes every instruction dearer:
 * the same start-up counted 3.6 s in a full run on a slow day and 3.08 s in the fault-injection run with three
 * brokers and a catching-up replica beside it. So the bound is 4 s, still far below what waiting for a consumer group
 * or loading a projection before answering would add. The specs that restart a replica share it.
 */
export const restartCpuBoundMs = 4_000;

export class ServiceProcess {
  private readonly process: NodeProcess;

  constructor(
    readonly app: AppName,
    readonly port: number,
    env: Record<string, string>,
    logLabel: string,
  ) {
    this.process = new NodeProcess({
      name: app,
      script: entryPointOf(root, app),
      env: {
        ...process.env,
        ...serviceKafkaEnvironment(app),
        ...serviceNodeEnvironment(),
        ...env,
        [portVariableOf[app]]: String(port),
        NO_COLOR: '1',
      },
      logFile: path.join(testLogDir, `${logLabel}-${app}.log`),
    });
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get logFile(): string {
    return this.process.logFile;
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  /** The process's peak resident set so far in MB (see NodeProcess.peakRssMb). */
  peakRssMb(): number | null {
    return this.process.peakRssMb();
  }

  /** User + system CPU the running process has used so far (see NodeProcess.cpuUsedMs). */
  cpuUsedMs(): number | undefined {
    return this.process.cpuUsedMs();
  }

  /**
   * Starts the process and waits until it is ready (database, Redis, Kafka producer, every consumer group joined),
   * so a test's first event is consumed; `live` waits only until HTTP answers.
   */
  async start(waitFor: 'ready' | 'live' = 'ready'): Promise<void> {
    // Tight when waiting for live: tests measure how soon HTTP answers after a restart.
    await this.process.start({
      healthUrl: `${this.baseUrl}/health/${waitFor}`,
      timeoutMs: 60_000,
      intervalMs: waitFor === 'live' ? 50 : 250,
    });
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
  stop(): Promise<number | null> {
    return this.process.stop();
  }

  /** SIGKILL: no shutdown hooks run, as in a crash. */
  crash(): Promise<void> {
    return this.process.crash();
  }
}

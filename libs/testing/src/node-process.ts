import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface NodeProcessOptions {
  /** Names the process in errors ("issue-dispatch did not answer …"). */
  readonly name: string;
  /** The compiled entry point, e.g. `<repository>/dist/apps/analytics/src/main.js`. */
  readonly script: string;
  readonly env: NodeJS.ProcessEnv;
  /**
   * Stdout and stderr are appended here; errors name it. The file is the process's own stdout and stderr, not a
   * pipe through this one, so it keeps logging when this process stops or is interrupted first.
   */
  readonly logFile: string;
  /** Node's own flags (`--cpu-prof`, …), before the script. */
  readonly nodeArgs?: readonly string[];
  /**
   * Outlives this process (`npm run cluster -- up` starts the replicas and exits): the process leads its own
   * process group, so a Ctrl+C meant for this one does not reach it, and this one's event loop does not wait for it.
   */
  readonly detached?: boolean;
}

export interface HealthWait {
  /** Answers 2xx once the process is as far as the caller needs it. */
  readonly healthUrl: string;
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
}

/**
 * One of our compiled entry points (a service, the edge) run as its own Node process, as in production, for specs,
 * benchmarks and `npm start` (scripts/lib/service-launcher.mjs loads the compiled copy): started until its health
 * URL answers, failing at once with the log's name if it exits first; stopped with SIGTERM (it drains) or killed
 * (a crash); its CPU and memory read from /proc.
 */
export class NodeProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);

  constructor(private readonly options: NodeProcessOptions) {
    mkdirSync(path.dirname(options.logFile), { recursive: true });
  }

  get logFile(): string {
    return this.options.logFile;
  }

  /** The running process's id, or undefined before start and after stop. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * Starts the process and resolves once `healthUrl` answers 2xx, with how long that took in milliseconds.
   * `onSpawn` sees the process as soon as it exists (`npm start` writes its pid file; a fault run measures the CPU a
   * restart used).
   */
  async start(wait: HealthWait, onSpawn?: (child: ChildProcess) => void): Promise<number> {
    const { name, script, env, logFile, nodeArgs = [], detached = false } = this.options;
    const { healthUrl, timeoutMs = 60_000, intervalMs = 250 } = wait;
    const started = Date.now();
    const log = openSync(logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, [...nodeArgs, script], { env, stdio: ['ignore', log, log], detached });
    } finally {
      closeSync(log); // the child holds its own copy
    }
    if (detached) child.unref();
    this.child = child;
    onSpawn?.(child);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let exitCode: number | null | undefined;
    void this.exited.then((code) => (exitCode = code));
    let lastError: unknown;
    while (Date.now() - started < timeoutMs) {
      if (exitCode !== undefined) {
        this.child = null;
        throw new Error(`${name} exited with ${exitCode} before it answered ${healthUrl}; see ${logFile}`);
      }
      try {
        if ((await fetch(healthUrl)).ok) return Date.now() - started;
      } catch (error) {
        lastError = error; // not listening yet
      }
      await sleep(intervalMs);
    }
    throw new Error(
      `${name} did not answer ${healthUrl} within ${timeoutMs / 1000} s${lastError ? ` (last error: ${String(lastError)})` : ''}; see ${logFile}`,
    );
  }

  /** SIGTERM and wait: the process drains (consumers, relay, timers) and exits with its code. */
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

  /**
   * User + system CPU the process has used so far, from /proc (clock ticks of 10 ms); undefined when it is not
   * running or this is not Linux. Beside a wall-clock figure it tells a slow start (much CPU) from a starved one.
   */
  cpuUsedMs(): number | undefined {
    const pid = this.child?.pid;
    if (pid === undefined) return undefined;
    try {
      // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
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
}

export type GridlineProcessName = 'grid-registry' | 'issue-dispatch' | 'volunteer-coordination' | 'analytics' | 'edge';

/** The variable each of our processes reads its HTTP port from. */
export const portVariableOf: Readonly<Record<GridlineProcessName, string>> = {
  'grid-registry': 'GRID_REGISTRY_PORT',
  'issue-dispatch': 'ISSUE_DISPATCH_PORT',
  'volunteer-coordination': 'VOLUNTEER_COORDINATION_PORT',
  analytics: 'ANALYTICS_PORT',
  edge: 'EDGE_PORT',
};

/** The compiled entry point of one of our processes in a built checkout. */
export function entryPointOf(repositoryRoot: string, name: GridlineProcessName): string {
  return path.join(repositoryRoot, 'dist/apps', name, 'src/main.js');
}

/**
 * The Node options a service runs with when started here (`npm start`, the specs, the bench), as the container
 * image sets them (Dockerfile `NODE_OPTIONS`; a spec keeps the two equal): V8's old space capped at 128 MB, so a
 * service under load collects instead of growing its heap to whatever the machine has (ADR 0041).
 */
export const serviceNodeOptions = '--max-old-space-size=128';

/**
 * `NODE_OPTIONS` for a service process: `SERVICE_NODE_OPTIONS` when set (another cap, say), else
 * `serviceNodeOptions`. Never the launcher's own `NODE_OPTIONS`: a test runner's big heap is not the service's.
 */
export function serviceNodeEnvironment(env: NodeJS.ProcessEnv = process.env): { NODE_OPTIONS: string } {
  return { NODE_OPTIONS: env.SERVICE_NODE_OPTIONS ?? serviceNodeOptions };
}

import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { eventually } from '@gridline/testing';

export interface StartedProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code when the process ends. */
  readonly exited: Promise<number | null>;
}

/**
 * Runs a compiled entry point of ours as its own Node process, its output appended to `logFile`, and waits until
 * `healthUrl` answers 2xx — failing at once, naming the log, if the process exits first.
 */
export async function startUntilHealthy(options: {
  readonly what: string;
  readonly script: string;
  readonly env: NodeJS.ProcessEnv;
  readonly logFile: string;
  readonly healthUrl: string;
  readonly timeoutMs: number;
  readonly intervalMs: number;
  /** Called as soon as the process exists, before it answers (a fault run measures the CPU it used to start). */
  readonly onSpawn?: (child: ChildProcess) => void;
}): Promise<StartedProcess> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(process.execPath, [options.script], { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  options.onSpawn?.(child);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  await eventually(
    `${options.what} to answer ${new URL(options.healthUrl).pathname} (log: ${options.logFile})`,
    async () => {
      if (exitCode !== undefined) throw new Error(`${options.what} exited with ${exitCode}; see ${options.logFile}`);
      return (await fetch(options.healthUrl)).ok;
    },
    options.timeoutMs,
    options.intervalMs,
  );
  return { child, exited };
}

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { sleep } from '@gridline/testing';
import { ServiceProcess } from '../service-process';

/** One injected fault: what, when, and when it was over. */
export interface FaultRecord {
  readonly kind: 'replica' | 'broker' | 'database';
  readonly target: string;
  readonly at: number;
  readonly recoveredAt: number;
  /** A replica: from its restart until it answered HTTP again. */
  readonly httpBackMs?: number;
  /**
   * A replica: the CPU time its process had used when it first answered. Beside `httpBackMs` it tells a slow
   * start-up (much CPU) from a starved one (little CPU, long wait: the machine was busy with everything else).
   */
  readonly cpuToAnswerMs?: number;
}

/** Milliseconds until `url` answers anything over HTTP (the process is up and serving), polled every 50 ms. */
export async function untilAnswering(url: string, timeoutMs: number): Promise<number> {
  const began = Date.now();
  while (Date.now() - began < timeoutMs) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return Date.now() - began;
    } catch {
      await sleep(50);
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * SIGKILL one replica (no shutdown hook runs, as in a crash or an OOM kill) and start it again at once, as a
 * Deployment would; measures how long its HTTP took to answer after the restart.
 */
export async function killReplica(replica: ServiceProcess, label: string): Promise<FaultRecord> {
  const at = Date.now();
  await replica.crash();
  const started = replica.start();
  const httpBackMs = await untilAnswering(`${replica.baseUrl}/health/live`, 60_000);
  const cpuToAnswerMs = replica.cpuUsedMs();
  await started;
  return { kind: 'replica', target: label, at, recoveredAt: Date.now(), httpBackMs, cpuToAnswerMs };
}

/** A broker down for `downMs`, then back (its partitions' leadership moves to the others meanwhile). */
export async function killBroker(
  broker: { kill(): Promise<void>; start(): Promise<void> },
  label: string,
  downMs: number,
): Promise<FaultRecord> {
  const at = Date.now();
  await broker.kill();
  await sleep(downMs);
  await broker.start();
  return { kind: 'broker', target: label, at, recoveredAt: Date.now() };
}

/**
 * Restarts the machine's PostgreSQL (fast shutdown: every connection is cut). Only the full chaos run does this:
 * it is the machine's shared server, and test files running beside this one would fail with it.
 */
export async function restartPostgres(): Promise<FaultRecord> {
  const version = readdirSync('/etc/postgresql')[0];
  const at = Date.now();
  const result = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart', '-m', 'fast'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`pg_ctlcluster restart failed: ${result.stderr}`);
  return { kind: 'database', target: `postgresql ${version}`, at, recoveredAt: Date.now() };
}

import { Agent, request } from 'node:http';
import { KafkaMessage } from 'kafkajs';
import { Pool } from 'pg';
import { IssueDispatched } from '@gridline/contracts';
import { ArrivalProbe } from '../../harness/arrival-probe';
import { now, waitUntil } from '../../harness/measure';
import { reportBody } from './intake-district';
import { ISSUES_PATH } from './intake-rate.phase';
import { openLoop } from './open-loop';
import { ReportRows, writeReportRaw } from './raw-report-writes';

/** The arrival probe's key: the issue id of an IssueDispatched event; other events are not noted. */
export const dispatchedIssueOf = (message: KafkaMessage): string | undefined =>
  message.headers?.ce_type?.toString() === IssueDispatched.type ? message.headers?.ce_subject?.toString() : undefined;

/**
 * Reports at a steady rate over HTTP. Dispatch is synchronous: ReportIssueUseCase routes the report from the
 * replica and commits the issue in state `dispatched`, its IssueDispatched event (outbox) and its ack timer in
 * the request's transaction, so the 201 means dispatched. The grid hears of it when the relay has put the event
 * on Kafka, so that is measured too. Returns both latencies per report, in milliseconds.
 */
export async function reportAtSteadyRate(deps: {
  dispatchUrl: string;
  token: string;
  probe: ArrivalProbe;
  rate: number;
  seconds: number;
}): Promise<{ answered: number[]; onKafka: number[]; failed: number }> {
  // At most 64 connections: when the service falls behind, reports queue here (and their wait counts, as the
  // latency is taken from the scheduled send) instead of opening thousands of sockets.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL(`${deps.dispatchUrl}${ISSUES_PATH}`);
  const sentAt = new Map<string, number>();
  const answered: number[] = [];
  let failed = 0;
  try {
    await openLoop(deps.rate, deps.seconds, async (i, startedAt) => {
      const payload = JSON.stringify(reportBody(i));
      const result = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          url,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(payload),
              authorization: `Bearer ${deps.token}`,
            },
          },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end(payload);
      }).catch(() => ({ status: 0, body: '' }));
      const id = result.status === 201 ? (JSON.parse(result.body) as { id: string }).id : undefined;
      if (!id) {
        failed += 1;
        return;
      }
      answered.push(now() - startedAt);
      sentAt.set(id, startedAt);
    });
  } finally {
    agent.destroy();
  }
  if (answered.length === 0) throw new Error('bench: no report was accepted at the steady rate');
  await waitUntil(
    () => [...sentAt.keys()].every((id) => deps.probe.arrivals.has(id)),
    'every IssueDispatched to reach Kafka',
    120_000,
    20,
  );
  return { answered, onKafka: [...sentAt].map(([id, at]) => deps.probe.arrivals.get(id)! - at), failed };
}

/** The baseline at the same rate: the same rows by raw pg, one transaction per report; latency of each. */
export async function writeRawAtSteadyRate(
  pool: Pool,
  rows: readonly ReportRows[],
  rate: number,
  seconds: number,
): Promise<number[]> {
  if (rows.length < rate * seconds)
    throw new Error(`bench: ${rows.length} reports' rows for ${rate * seconds} raw writes`);
  const latencies: number[] = [];
  await openLoop(rate, seconds, async (i, startedAt) => {
    const client = await pool.connect();
    try {
      await writeReportRaw(client, rows[i]);
    } finally {
      client.release();
    }
    latencies.push(now() - startedAt);
  });
  return latencies;
}

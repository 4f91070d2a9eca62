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
export async function reportAtSteadyRate(
  deps: { dispatchUrl: string; token: string; probe: ArrivalProbe; rate: number; seconds: number },
): Promise<{ answered: number[]; onKafka: number[] }> {
  const sentAt = new Map<string, number>();
  const answered: number[] = [];
  await openLoop(deps.rate, deps.seconds, async (i, startedAt) => {
    const response = await fetch(`${deps.dispatchUrl}${ISSUES_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${deps.token}` },
      body: JSON.stringify(reportBody(i)),
    });
    const body = (await response.json()) as { id?: string; code?: string };
    if (response.status !== 201 || !body.id) throw new Error(`bench: report ${i} answered ${response.status} ${body.code ?? ''}`);
    answered.push(now() - startedAt);
    sentAt.set(body.id, startedAt);
  });
  await waitUntil(() => [...sentAt.keys()].every((id) => deps.probe.arrivals.has(id)), 'every IssueDispatched to reach Kafka', 60_000, 20);
  return { answered, onKafka: [...sentAt].map(([id, at]) => deps.probe.arrivals.get(id)! - at) };
}

/** The baseline at the same rate: the same rows by raw pg, one transaction per report; latency of each. */
export async function writeRawAtSteadyRate(pool: Pool, rows: readonly ReportRows[], rate: number, seconds: number): Promise<number[]> {
  if (rows.length < rate * seconds) throw new Error(`bench: ${rows.length} reports' rows for ${rate * seconds} raw writes`);
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

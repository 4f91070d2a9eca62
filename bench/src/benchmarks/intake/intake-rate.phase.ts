import { Pool } from 'pg';
import { httpLoad } from '../../harness/http-load';
import { perSecond, timed } from '../../harness/measure';
import { BENCH_TENANT } from '../../harness/sample-events';
import { reportBody } from './intake-district';
import { ReportRows, ReportWriter, writeReportRaw } from './raw-report-writes';

export const ISSUES_PATH = `/v1/tenants/${BENCH_TENANT}/issues`;

/**
 * Reports/s through issue-dispatch's HTTP API: `total` reports over `concurrency` keep-alive connections, each
 * token-verified, validated, routed from the replica and committed (issue, history, two events, timer).
 */
export async function postReports(
  dispatchUrl: string,
  token: string,
  total: number,
  concurrency: number,
): Promise<number> {
  const result = await httpLoad(dispatchUrl, [ISSUES_PATH], {
    total,
    concurrency,
    headers: { authorization: `Bearer ${token}` },
    jsonBody: reportBody(),
  });
  const refused = [...result.statuses].filter(([status]) => status !== 201);
  if (refused.length > 0)
    throw new Error(`bench: reports not accepted: ${refused.map(([status, n]) => `${n}×${status}`).join(', ')}`);
  return perSecond(total, result.ms);
}

/**
 * The raw baseline: the same rows, one transaction per report (or, with `write`, one statement per report),
 * `concurrency` connections sharing a queue.
 */
export async function writeReportsRaw(
  pool: Pool,
  rows: readonly ReportRows[],
  concurrency: number,
  write: ReportWriter = writeReportRaw,
): Promise<number> {
  let next = 0;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (next < rows.length) await write(client, rows[next++]);
    } finally {
      client.release();
    }
  };
  const { ms } = await timed(() => Promise.all(Array.from({ length: concurrency }, worker)));
  return perSecond(rows.length, ms);
}

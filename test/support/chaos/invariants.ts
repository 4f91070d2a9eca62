import { Client } from 'pg';
import { FaultRecord } from './faults';

/** A fresh connection per question: the full chaos run restarts PostgreSQL, and a long-lived client would die. */
export async function ask<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface ChaosExpectations {
  readonly databaseUrl: string;
  readonly tenantId: string;
  /** Issue ids the clients got a 201 for. */
  readonly acceptedIssueIds: readonly string[];
  /** The acknowledgement window of the load's category at micro, level-3, community and street (same at each). */
  readonly ackWindowSeconds: number;
  readonly faults: readonly FaultRecord[];
  /** Escalations due this long after a fault recovered still count as "during faults". */
  readonly recoveryGraceMs: number;
}

export interface ChaosFindings {
  readonly problems: string[];
  readonly figures: {
    readonly reportsAccepted: number;
    readonly issuesStored: number;
    /** Committed although no client saw it accepted. */
    readonly committedUnacknowledged: number;
    readonly countedInAnalytics: number;
    readonly escalations: number;
    readonly escalationsInAnalytics: number;
    readonly duplicateEscalations: number;
    readonly overdueUnfired: number;
    readonly outboxLeft: number;
    readonly latenessMs: { readonly duringFaults: Percentiles; readonly otherwise: Percentiles };
    readonly signUps: { readonly confirmed: number; readonly waitlisted: number; readonly capacity: number };
  };
}

export interface Percentiles {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) return { count: 0, p50: 0, p99: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

/** Whether everything sent has been applied: outboxes empty, analytics caught up with every escalation. */
/** What settling waits for, as counts: printed when it never comes, so a failed run says what was left. */
export async function settlingState(expect: ChaosExpectations): Promise<Record<string, number>> {
  const [row] = await ask<Record<string, string>>(
    expect.databaseUrl,
    `SELECT (SELECT count(*) FROM issue_dispatch.outbox) AS issue_dispatch_outbox, (SELECT count(*) FROM volunteer_coordination.outbox) AS volunteer_outbox,
            (SELECT count(*) FROM grid_registry.outbox) AS registry_outbox, (SELECT count(*) FROM analytics.outbox) AS analytics_outbox,
            (SELECT count(*) FROM issue_dispatch.issue_history WHERE action = 'escalated') AS escalations_in_dispatch,
            (SELECT count(*) FROM analytics.escalation_steps) AS escalations_in_analytics,
            (SELECT count(*) FROM analytics.issue_facts) AS issues_in_analytics`,
  );
  return {
    ...Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])),
    accepted_reports: expect.acceptedIssueIds.length,
  };
}

export async function settled(expect: ChaosExpectations): Promise<boolean> {
  const state = await settlingState(expect);
  const outbox = state.issue_dispatch_outbox + state.volunteer_outbox + state.registry_outbox + state.analytics_outbox;
  return (
    outbox === 0 &&
    state.escalations_in_dispatch === state.escalations_in_analytics &&
    state.issues_in_analytics >= state.accepted_reports
  );
}

/**
 * What the issue asks to be checked from the databases once the load and the faults are over: nothing accepted is
 * missing or doubled, every deadline that passed fired once, no sign-up over capacity, no outbox row stuck; and how
 * late the escalations were, during the faults and otherwise.
 */
export async function checkInvariants(expect: ChaosExpectations): Promise<ChaosFindings> {
  const url = expect.databaseUrl;
  const problems: string[] = [];
  const ids = [...expect.acceptedIssueIds];
  const [stored] = await ask<{ n: number; distinct: number }>(
    url,
    `SELECT count(*)::int AS n, count(DISTINCT id)::int AS distinct FROM issue_dispatch.issues WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  if (stored.n !== ids.length) problems.push(`${ids.length - stored.n} accepted report(s) missing from issue-dispatch`);
  // Stored, but no client got its 201: a request committed as its replica was killed and the retries with its
  // Idempotency-Key never learned it (or made a second case). ADR 0030 is why this stays zero.
  const [unlearned] = await ask<{ n: number }>(
    url,
    `SELECT count(*)::int AS n FROM issue_dispatch.issues WHERE tenant_id = $1 AND NOT (id = ANY($2::uuid[]))`,
    [expect.tenantId, ids],
  );
  if (unlearned.n > 0) problems.push(`${unlearned.n} issue(s) stored that no client saw accepted`);
  const [counted] = await ask<{ n: number }>(
    url,
    `SELECT count(*)::int AS n FROM analytics.issue_facts WHERE issue_id = ANY($1::text[])`,
    [ids],
  );
  if (counted.n !== ids.length) problems.push(`analytics counts ${counted.n} of ${ids.length} accepted reports`);

  const [escalations] = await ask<{ n: number; duplicates: number }>(
    url,
    `SELECT count(*)::int AS n, (count(*) - count(DISTINCT (issue_id, holder_level)))::int AS duplicates
       FROM issue_dispatch.issue_history WHERE action = 'escalated'`,
  );
  if (escalations.duplicates > 0) problems.push(`${escalations.duplicates} escalation(s) to the same level twice`);
  const [steps] = await ask<{ n: number }>(url, `SELECT count(*)::int AS n FROM analytics.escalation_steps`);
  if (steps.n !== escalations.n) {
    // Which cases differ, with their history in issue-dispatch, so a run that finds a gap says where to look.
    const differing = await ask<{ issue_id: string; in_dispatch: number; in_analytics: number; history: string }>(
      url,
      `SELECT h.issue_id::text, count(*)::int AS in_dispatch,
              (SELECT count(*)::int FROM analytics.escalation_steps s WHERE s.issue_id = h.issue_id::text) AS in_analytics,
              string_agg(h.holder_level || '@' || to_char(h.at, 'HH24:MI:SS.MS'), ' ' ORDER BY h.id) AS history
         FROM issue_dispatch.issue_history h WHERE h.action = 'escalated'
        GROUP BY h.issue_id
       HAVING count(*) <> (SELECT count(*) FROM analytics.escalation_steps s WHERE s.issue_id = h.issue_id::text)
        LIMIT 5`,
    );
    problems.push(
      `analytics holds ${steps.n} escalation steps, issue-dispatch ${escalations.n}: ${JSON.stringify(differing)}`,
    );
  }
  // A deadline that passed while the issue still waited for acknowledgement means its timer never fired.
  const [overdue] = await ask<{ n: number }>(
    url,
    `SELECT count(*)::int AS n FROM issue_dispatch.issues
      WHERE state = 'dispatched' AND parked_at IS NULL AND ack_deadline < now() - interval '5 seconds'`,
  );
  if (overdue.n > 0) problems.push(`${overdue.n} acknowledgement deadline(s) passed without their timer firing`);
  const [outbox] = await ask<{ n: number }>(
    url,
    `SELECT (SELECT count(*) FROM issue_dispatch.outbox) + (SELECT count(*) FROM volunteer_coordination.outbox)
          + (SELECT count(*) FROM grid_registry.outbox) + (SELECT count(*) FROM analytics.outbox) AS n`,
  );
  if (Number(outbox.n) > 0) problems.push(`${outbox.n} event(s) still in an outbox`);

  // Lateness of each escalation: when it happened against when the step before it set its deadline.
  const lateness = await ask<{ at: Date; due: Date }>(
    url,
    `WITH steps AS (
       SELECT action, at, lag(at) OVER (PARTITION BY issue_id ORDER BY id) AS before, lag(holder_level) OVER (PARTITION BY issue_id ORDER BY id) AS level
         FROM issue_dispatch.issue_history WHERE action IN ('dispatched', 'escalated'))
     SELECT at, before + make_interval(secs => $1) AS due FROM steps
      WHERE action = 'escalated' AND level IN ('micro', 'grid', 'community', 'street')`,
    [expect.ackWindowSeconds],
  );
  const during: number[] = [];
  const otherwise: number[] = [];
  for (const step of lateness) {
    const due = step.due.getTime();
    const late = Math.max(0, step.at.getTime() - due);
    const inFault = expect.faults.some((f) => due >= f.at && due <= f.recoveredAt + expect.recoveryGraceMs);
    (inFault ? during : otherwise).push(late);
  }

  const pools = await ask<{ capacity: number; taken: number; waitlisted: number; confirmed: number; queued: number }>(
    url,
    `SELECT p.capacity, p.taken, p.waitlisted,
            (SELECT count(*)::int FROM volunteer_coordination.service_sign_ups s WHERE s.pool_id = p.id AND s.status = 'confirmed') AS confirmed,
            (SELECT count(*)::int FROM volunteer_coordination.service_sign_ups s WHERE s.pool_id = p.id AND s.status = 'waitlisted') AS queued
       FROM volunteer_coordination.occurrence_pools p`,
  );
  for (const pool of pools) {
    if (pool.confirmed > pool.capacity)
      problems.push(`a pool has ${pool.confirmed} confirmed for ${pool.capacity} places`);
    if (pool.taken !== pool.confirmed || pool.waitlisted !== pool.queued)
      problems.push(
        `a pool's counters (${pool.taken}/${pool.waitlisted}) differ from its rows (${pool.confirmed}/${pool.queued})`,
      );
  }
  const sum = (pick: (p: (typeof pools)[number]) => number) => pools.reduce((total, pool) => total + pick(pool), 0);

  return {
    problems,
    figures: {
      reportsAccepted: ids.length,
      issuesStored: stored.n,
      committedUnacknowledged: unlearned.n,
      countedInAnalytics: counted.n,
      escalations: escalations.n,
      escalationsInAnalytics: steps.n,
      duplicateEscalations: escalations.duplicates,
      overdueUnfired: overdue.n,
      outboxLeft: Number(outbox.n),
      latenessMs: { duringFaults: percentiles(during), otherwise: percentiles(otherwise) },
      signUps: {
        confirmed: sum((p) => p.confirmed),
        waitlisted: sum((p) => p.queued),
        capacity: sum((p) => p.capacity),
      },
    },
  };
}

import { allSubscriptions, deadLetterTopicOf } from '@gridline/contracts';
import { withAdmin } from '@gridline/kafka-access';
import { eventually, httpClient, sleep } from '@gridline/testing';
import { adminConnection } from '../kafka-credentials';
import { buildIntakeDistrict } from '../intake-district';
import { PlatformUnderTest } from '../platform-under-test';
import { ServiceProcess } from '../service-process';
import { as } from '../tokens';
import { FaultRecord } from './faults';
import { ChaosFindings, checkInvariants, Percentiles, percentiles, settled, settlingState } from './invariants';
import { RetryingClient, runSteady, Submission } from './steady-load';

const TENANT = 'erqi';
/** Inside micro-grid 47号院 of the intake district. */
const SPOT = { lon: 113.601, lat: 34.701 };

export interface ScheduledFault {
  /** Milliseconds after the load starts. */
  readonly atMs: number;
  readonly inject: () => Promise<FaultRecord>;
}

export interface ChaosPlan {
  readonly reportsPerSecond: number;
  readonly signUpsPerSecond: number;
  readonly durationMs: number;
  /** Acknowledgement window at micro, level-3, community and street: nobody acknowledges, so every report climbs. */
  readonly ackWindowSeconds: number;
  /** Places of the service day residents sign up for during the load. */
  readonly places: number;
  readonly faults: readonly ScheduledFault[];
  /** The replicas serving each API, asked in turn by the clients. */
  readonly replicas: {
    readonly dispatch: () => readonly ServiceProcess[];
    readonly volunteers: () => readonly ServiceProcess[];
  };
}

export interface ChaosReport {
  readonly findings: ChaosFindings;
  readonly faults: readonly FaultRecord[];
  readonly clients: {
    readonly reportsSent: number;
    readonly reportsAccepted: number;
    readonly reportsRefused: number;
    /** The last answer of each report not accepted, by status. */
    readonly refusedWith: Record<string, number>;
    readonly signUpsSent: number;
    readonly signUpsAnswered: number;
    /** Answers clients saw before succeeding on a retry, by status (0: connection failed or cut). */
    readonly failedAttempts: Record<string, number>;
    readonly acceptedWithinMs: Percentiles;
  };
}

/** The intake district, a category whose windows are `ackWindowSeconds`, and one service day with `places`. */
export async function prepareChaosDistrict(
  platform: PlatformUnderTest,
  plan: Pick<ChaosPlan, 'ackWindowSeconds' | 'places'>,
): Promise<{ occurrenceId: string }> {
  const district = await buildIntakeDistrict(platform);
  const admin = await as.districtAdmin(TENANT);
  const w = plan.ackWindowSeconds;
  const dispatch = httpClient(platform.services['issue-dispatch'].baseUrl, admin);
  const policy = await dispatch.put(`/v1/tenants/${TENANT}/categories/chaos`, {
    name: '压力 chaos',
    ackWithinSeconds: { micro: w, grid: w, community: w, street: w, district: 3600, city: 3600 },
  });
  if (policy.status !== 200) throw new Error(`category: ${policy.status} ${JSON.stringify(policy.body)}`);
  const volunteers = httpClient(platform.services['volunteer-coordination'].baseUrl, admin);
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
  let last: unknown = null;
  const created = await eventually(
    'volunteer-coordination to know the community',
    async () => {
      const response = await volunteers.post(`/v1/tenants/${TENANT}/service-events`, {
        title: '便民服务日',
        gridId: district.grid.community,
        placeText: '桃源社区党群服务中心',
        recurrence: { frequency: 'weekly', weekdays: [isoWeekday(tomorrow)] },
        startsOn: tomorrow,
        until: tomorrow,
        startTime: '08:30',
        endTime: '11:30',
        residentSlots: [{ service: 'clinic', capacity: plan.places }],
        volunteerShifts: [],
      });
      last = response;
      return response.status === 201 ? response : undefined;
    },
    60_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last answer ${JSON.stringify(last)}`);
  });
  return { occurrenceId: created.body.occurrences[0].id };
}

function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * Reports (and sign-ups) at a steady rate while the scheduled faults happen, then waits for the system to settle
 * and checks, from the databases, what the issue asks: nothing accepted lost or doubled, every passed deadline
 * fired once, no sign-up over capacity, no outbox row stuck; with the figures the closing note needs.
 */
export async function runChaos(
  platform: PlatformUnderTest,
  plan: ChaosPlan,
  occurrenceId: string,
): Promise<ChaosReport> {
  const reports = new RetryingClient({
    baseUrls: () => plan.replicas.dispatch().map((r) => r.baseUrl),
    token: () => as.resident(TENANT, 'resident:chaos'),
    giveUpAfterMs: 60_000,
  });
  const began = Date.now();
  const faults: FaultRecord[] = [];
  const faultsDone = Promise.all(
    plan.faults.map(async (scheduled) => {
      await sleep(Math.max(0, began + scheduled.atMs - Date.now()));
      faults.push(await scheduled.inject());
    }),
  );
  const reportsDone = runSteady(plan.reportsPerSecond, plan.durationMs, (i) =>
    reports.post(`/v1/tenants/${TENANT}/issues`, {
      category: 'chaos',
      location: SPOT,
      description: `故障演练 ${i}`,
      reporter: { name: '居民' },
    }),
  );
  const signUpsDone = runSteady(plan.signUpsPerSecond, plan.durationMs, (i) => {
    const resident = new RetryingClient({
      baseUrls: () => plan.replicas.volunteers().map((r) => r.baseUrl),
      token: () => as.resident(TENANT, `resident:chaos-${i}`),
      giveUpAfterMs: 60_000,
    });
    return resident.post(`/v1/tenants/${TENANT}/service-occurrences/${occurrenceId}/sign-ups`, { role: 'resident' });
  });
  const [sent, signUps] = await Promise.all([reportsDone, signUpsDone, faultsDone]);
  const acceptedIssueIds = sent.filter((s) => s.accepted).map((s) => s.body.id as string);
  const expectations = {
    databaseUrl: platform.database.url,
    tenantId: TENANT,
    acceptedIssueIds,
    ackWindowSeconds: plan.ackWindowSeconds,
    faults,
    recoveryGraceMs: 5_000,
  };
  // The last reports climb for four windows; then every consumer must have caught up.
  await sleep(plan.ackWindowSeconds * 4 * 1000 + 2_000);
  let unsettled: string | null = null;
  try {
    await eventually(
      'every outbox drained and analytics caught up',
      async () => settled(expectations).catch(() => false),
      180_000,
      1_000,
    );
  } catch (error) {
    // Checked all the same: the invariants say what is missing where.
    unsettled = `${(error as Error).message}; left: ${JSON.stringify(await settlingState(expectations).catch((e: Error) => e.message))}`;
  }
  const checked = await checkInvariants(expectations);
  const deadLetters = await deadLettersOf(platform.topicPrefix);
  const findings = {
    ...checked,
    problems: [
      ...(unsettled ? [unsettled] : []),
      ...checked.problems,
      ...Object.entries(deadLetters)
        .filter(([, n]) => n > 0)
        .map(([group, n]) => `${n} dead letter(s) in ${group} (read them with npm run dlq -- list --group ${group})`),
    ],
  };
  const failed = countBy([...sent, ...signUps].flatMap((s: Submission) => s.failedAttempts.map(String)));
  return {
    findings,
    faults,
    clients: {
      reportsSent: sent.length,
      reportsAccepted: acceptedIssueIds.length,
      reportsRefused: sent.filter((s) => !s.accepted).length,
      refusedWith: countBy(sent.filter((s) => !s.accepted).map((s) => `${s.status} ${s.body?.code ?? ''}`.trim())),
      signUpsSent: signUps.length,
      signUpsAnswered: signUps.filter((s) => s.status === 201).length,
      failedAttempts: failed,
      acceptedWithinMs: percentiles(sent.filter((s) => s.accepted).map((s) => s.answeredAt - s.startedAt)),
    },
  };
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** The figures as the closing note and the console show them. */
/** Dead letters per consumer group of this run (high watermark − low: its dead-letter topics are never consumed). */
async function deadLettersOf(prefix: string): Promise<Record<string, number>> {
  return withAdmin(adminConnection(), async (admin) => {
    const counts: Record<string, number> = {};
    for (const { group } of allSubscriptions) {
      const offsets = await admin.fetchTopicOffsets(`${prefix}${deadLetterTopicOf(group)}`);
      counts[group] = offsets.reduce((total, o) => total + Number(BigInt(o.high) - BigInt(o.low)), 0);
    }
    return counts;
  });
}

export function describeChaos(report: ChaosReport): string {
  const { findings, faults, clients } = report;
  const f = findings.figures;
  const lines = [
    `reports: ${clients.reportsSent} sent, ${clients.reportsAccepted} accepted (201), ${clients.reportsRefused} not accepted ${JSON.stringify(clients.refusedWith)}; answered within p50 ${clients.acceptedWithinMs.p50} ms, p99 ${clients.acceptedWithinMs.p99} ms, max ${clients.acceptedWithinMs.max} ms`,
    `answers clients retried past: ${JSON.stringify(clients.failedAttempts)} (0 = connection failed or cut)`,
    `sign-ups: ${clients.signUpsSent} sent, ${f.signUps.confirmed} confirmed for ${f.signUps.capacity} places, ${f.signUps.waitlisted} waitlisted`,
    ...faults.map(
      (x) =>
        `fault: ${x.kind} ${x.target} at +${Math.round((x.at - faults.reduce((m, y) => Math.min(m, y.at), x.at)) / 1000)} s, over after ${((x.recoveredAt - x.at) / 1000).toFixed(1)} s${x.httpBackMs !== undefined ? `, HTTP answering ${(x.httpBackMs / 1000).toFixed(2)} s after its restart` : ''}${x.cpuToAnswerMs !== undefined ? ` (having used ${(x.cpuToAnswerMs / 1000).toFixed(2)} s of CPU)` : ''}`,
    ),
    `stored: ${f.issuesStored} of ${f.reportsAccepted} accepted in issue-dispatch, ${f.countedInAnalytics} counted in analytics; ${f.committedUnacknowledged} stored that no client saw accepted`,
    `escalations: ${f.escalations} in issue-dispatch, ${f.escalationsInAnalytics} in analytics, ${f.duplicateEscalations} duplicated, ${f.overdueUnfired} deadlines passed unfired, ${f.outboxLeft} events left in outboxes`,
    `escalation lateness during faults: p50 ${f.latenessMs.duringFaults.p50} ms, p99 ${f.latenessMs.duringFaults.p99} ms, max ${f.latenessMs.duringFaults.max} ms (${f.latenessMs.duringFaults.count} escalations)`,
    `escalation lateness otherwise: p50 ${f.latenessMs.otherwise.p50} ms, p99 ${f.latenessMs.otherwise.p99} ms, max ${f.latenessMs.otherwise.max} ms (${f.latenessMs.otherwise.count} escalations)`,
    `problems: ${findings.problems.length === 0 ? 'none' : findings.problems.join('; ')}`,
  ];
  return lines.join('\n');
}

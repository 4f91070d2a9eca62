import { Client } from 'pg';

/** What the services' databases hold of the run's work, read straight from their schemas in the scope's database. */
export interface WorkCounts {
  /** issue-dispatch: issues, and of them those routed and dispatched (not waiting in the dispatch centre's queue). */
  readonly issues: number;
  readonly dispatched: number;
  /** volunteer-coordination: tasks opened for issues, those nobody could be found for, and offers made for issues. */
  readonly tasks: number;
  readonly unfilled: number;
  readonly offers: number;
  /** issue-dispatch: history rows written from TaskOffered (its volunteer-history consumer group). */
  readonly offeredHistory: number;
  /** analytics: one fact row per issue, one per offer. */
  readonly issueFacts: number;
  readonly offerFacts: number;
}

export async function countWork(client: Client): Promise<WorkCounts> {
  const { rows } = await client.query<Record<keyof WorkCounts, string>>(`
    SELECT (SELECT count(*) FROM issue_dispatch.issues) AS "issues",
           (SELECT count(*) FROM issue_dispatch.issues WHERE state = 'dispatched') AS "dispatched",
           (SELECT count(*) FROM volunteer_coordination.volunteer_tasks WHERE source = 'issue') AS "tasks",
           (SELECT count(*) FROM volunteer_coordination.volunteer_tasks WHERE source = 'issue' AND state = 'unfilled') AS "unfilled",
           (SELECT count(*) FROM volunteer_coordination.task_offers WHERE issue_id IS NOT NULL) AS "offers",
           (SELECT count(*) FROM issue_dispatch.issue_history WHERE action = 'volunteer-offered') AS "offeredHistory",
           (SELECT count(*) FROM analytics.issue_facts) AS "issueFacts",
           (SELECT count(*) FROM analytics.offer_facts) AS "offerFacts"`);
  const row = rows[0];
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as unknown as WorkCounts;
}

/**
 * The run's reports must have gone all the way: every accepted report an issue dispatched in issue-dispatch and a
 * fact in analytics; every accepted help report a task, an offer to a volunteer, a history row back in issue-dispatch
 * and an offer fact in analytics. Counted as the difference from before the first step (the set-up's own reports).
 * Returns the mismatches, empty when the work flowed.
 */
export function checkWork(
  before: WorkCounts,
  after: WorkCounts,
  sent: { accepted: number; helpAccepted: number },
): string[] {
  const delta = (key: keyof WorkCounts) => after[key] - before[key];
  const expected: Array<[keyof WorkCounts, number, string]> = [
    ['issues', sent.accepted, 'issues in issue-dispatch'],
    ['dispatched', sent.accepted, 'issues dispatched (routed to a grid)'],
    ['issueFacts', sent.accepted, 'analytics issue_facts rows'],
    ['tasks', sent.helpAccepted, 'volunteer tasks opened for help reports'],
    ['unfilled', 0, 'tasks nobody could be offered'],
    ['offers', sent.helpAccepted, 'task offers made for help reports'],
    ['offeredHistory', sent.helpAccepted, "'volunteer-offered' rows in the issues' history"],
    ['offerFacts', sent.helpAccepted, 'analytics offer_facts rows'],
  ];
  return expected
    .filter(([key, want]) => delta(key) !== want)
    .map(([key, want, what]) => `${what}: ${delta(key)}, expected ${want}`);
}

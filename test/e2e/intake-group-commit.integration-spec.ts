import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { IssueDispatched, IssueReported, Topics } from '@gridline/contracts';
import { eventually, httpClient } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { buildIntakeDistrict, IntakeDistrict } from '../support/intake-district';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/**
 * Reports arriving together are committed together (ADR 0036): one transaction, one multi-row INSERT per table.
 * Each request is answered after its own rows committed, with its own case, correlation and events; a report the
 * database refuses inside a group fails alone while its neighbours commit; a report that is bad input is refused
 * with its 4xx before any group, whatever arrives beside it.
 */
describe('intake: group commit of concurrent reports', () => {
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let district: IntakeDistrict;
  let resident: ReturnType<typeof httpClient>;

  const report = (description: string, correlationId: string, extra: Record<string, unknown> = {}) =>
    resident.post(
      '/v1/tenants/erqi/issues',
      { category: 'street-lighting', gridId: district.grid.micro47, description, reporter: { name: '居民' }, ...extra },
      { 'x-correlation-id': correlationId },
    );

  beforeAll(async () => {
    platform = await startPlatform('intake-groups', ['grid-registry', 'issue-dispatch']);
    recorder = await new EventRecorder(EventRecorder.kafka()).start([platform.topic(Topics.issueEvents.name)]);
    district = await buildIntakeDistrict(platform);
    resident = httpClient(platform.services['issue-dispatch'].baseUrl, await as.resident('erqi', 'resident:group'));
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  /**
   * Runs `body` while the database refuses a report described '毒丸' (as a constraint added by a later migration would):
   * the request checks do not know the rule, so the report is refused only inside its group's statement.
   */
  async function withPoisonRefused(body: () => Promise<void>): Promise<void> {
    await platform.database.query(`
      CREATE FUNCTION issue_dispatch.refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.description = '毒丸' THEN RAISE EXCEPTION 'poison report refused' USING ERRCODE = 'check_violation'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_poison BEFORE INSERT ON issue_dispatch.issues FOR EACH ROW EXECUTE FUNCTION issue_dispatch.refuse_poison();`);
    try {
      await body();
    } finally {
      await platform.database.query(
        `DROP TRIGGER refuse_poison ON issue_dispatch.issues; DROP FUNCTION issue_dispatch.refuse_poison();`,
      );
    }
  }

  it('commits concurrent reports in shared transactions, each answered with its own case, history, timer and events', async () => {
    const burst = Array.from({ length: 40 }, (_, i) => ({
      description: `路灯不亮 第${i}盏`,
      correlationId: `group-${randomUUID()}`,
    }));
    const answers = await Promise.all(
      burst.map(({ description, correlationId }) => report(description, correlationId)),
    );
    expect(answers.map((a) => a.status)).toEqual(burst.map(() => 201));
    const ids = answers.map((a) => a.body.id as string);
    expect(new Set(ids).size).toBe(burst.length);
    expect(answers.map((a) => a.body.description)).toEqual(burst.map((b) => b.description));

    // Each case was committed before its 201: all there, each with its own rows, its correlation kept.
    const rows = await platform.database.query<{
      id: string;
      correlation_id: string;
      description: string;
      history: number;
      timers: number;
      tx: string;
    }>(
      `SELECT i.id::text, i.correlation_id, i.description, i.xmin::text AS tx,
              (SELECT count(*)::int FROM issue_dispatch.issue_history h WHERE h.issue_id = i.id) AS history,
              (SELECT count(*)::int FROM issue_dispatch.durable_timers t WHERE t.aggregate_id = i.id::text) AS timers
         FROM issue_dispatch.issues i WHERE i.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const [i, id] of ids.entries()) {
      expect(byId.get(id)).toMatchObject({
        correlation_id: burst[i].correlationId,
        description: burst[i].description,
        history: 2,
        timers: 1,
      });
    }
    // Shared transactions: fewer transactions wrote them than there are cases (each group's rows carry one xmin).
    const transactions = new Set(rows.map((row) => row.tx)).size;
    process.stdout.write(`40 concurrent reports committed by ${transactions} transactions\n`);
    expect(transactions).toBeLessThan(burst.length);

    // Each case's events, once each, under its own request's correlation id.
    await eventually('every case reported and dispatched on Kafka', async () =>
      ids.every((id) =>
        [IssueReported.type, IssueDispatched.type].every((type) => recorder.events(type).some((e) => e.subject === id)),
      ),
    );
    for (const [i, id] of ids.entries()) {
      const events = recorder
        .events()
        .filter((e) => e.subject === id && (e.type === IssueReported.type || e.type === IssueDispatched.type));
      expect(events.map((e) => [e.type, e.correlationid])).toEqual([
        [IssueReported.type, burst[i].correlationId],
        [IssueDispatched.type, burst[i].correlationId],
      ]);
    }
  });

  it('fails only the report the database refuses inside a group; its neighbours commit and nothing of it is stored', async () => {
    // A rule the database enforces and the request checks do not know (as a constraint added by a later migration
    // would be): the report is refused only inside the transaction, so it is refused inside a group.
    await withPoisonRefused(async () => {
      const burst = Array.from({ length: 30 }, (_, i) => ({
        description: i === 7 ? '毒丸' : `井盖松动 ${i}`,
        correlationId: `poison-${randomUUID()}`,
      }));
      const answers = await Promise.all(
        burst.map(({ description, correlationId }) => report(description, correlationId)),
      );
      expect(answers.map((a) => a.status)).toEqual(burst.map((_, i) => (i === 7 ? 500 : 201)));
      expect(answers[7].body).toMatchObject({ code: 'INTERNAL' });

      const stored = await platform.database.query<{ description: string; history: number; timers: number }>(
        `SELECT i.description,
                (SELECT count(*)::int FROM issue_dispatch.issue_history h WHERE h.issue_id = i.id) AS history,
                (SELECT count(*)::int FROM issue_dispatch.durable_timers t WHERE t.aggregate_id = i.id::text) AS timers
           FROM issue_dispatch.issues i WHERE i.correlation_id = ANY($1::text[])`,
        [burst.map((b) => b.correlationId)],
      );
      expect(stored.map((row) => row.description).sort()).toEqual(
        burst
          .filter((_, i) => i !== 7)
          .map((b) => b.description)
          .sort(),
      );
      expect(stored.every((row) => row.history === 2 && row.timers === 1)).toBe(true);
      // Nothing announced for the refused report: no event carries its correlation id.
      const poisonEvents = await platform.database.query(
        `SELECT 1 FROM issue_dispatch.outbox WHERE headers->>'ce_correlationid' = $1`,
        [burst[7].correlationId],
      );
      expect(poisonEvents).toHaveLength(0);
      await eventually('the others dispatched on Kafka', async () =>
        answers
          .filter((a) => a.status === 201)
          .every((a) => recorder.events(IssueDispatched.type).some((e) => e.subject === a.body.id)),
      );
      expect(recorder.events().some((e) => e.correlationid === burst[7].correlationId)).toBe(false);
    });
  });

  it('refuses bad reports in a burst with their own 4xx and takes the good ones beside them', async () => {
    const kinds = ['good', 'unknown-category', 'good', 'unknown-grid', 'good', 'no-reporter', 'good'] as const;
    const bodies: Record<(typeof kinds)[number], Record<string, unknown>> = {
      good: {},
      'unknown-category': { category: 'no-such-category' },
      'unknown-grid': { gridId: randomUUID() },
      'no-reporter': { reporter: undefined },
    };
    const answers = await Promise.all(
      kinds.map((kind, i) => report(`burst ${kind} ${i}`, `burst-${randomUUID()}`, bodies[kind])),
    );
    expect(answers.map((a) => [a.status, a.body.code ?? null])).toEqual([
      [201, null],
      [422, 'UNKNOWN_CATEGORY'],
      [201, null],
      [422, 'UNKNOWN_GRID'],
      [201, null],
      [400, 'VALIDATION_FAILED'],
      [201, null],
    ]);
  });
  /**
   * Holds every write to the issues table while the first report waits, so that the rest arrive during its commit
   * and go together in the next group.
   */
  async function burstInOneGroup<T>(first: () => Promise<T>, rest: Array<() => Promise<T>>): Promise<T[]> {
    const holder = new Client({ connectionString: platform.database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN; LOCK TABLE issue_dispatch.issues IN EXCLUSIVE MODE');
      const leading = first();
      await eventually('the first report waiting for the lock', async () => {
        const [waiting] = await platform.database.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'issue_dispatch.issues'::regclass`,
        );
        return waiting.n > 0;
      });
      const following = rest.map((send) => send());
      // Requests on their way in still have to be routed: give them time to queue behind the held group.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await holder.query('COMMIT');
      return await Promise.all([leading, ...following]);
    } finally {
      await holder.end();
    }
  }

  it('offers each report of a burst at one address the earlier ones of its own group, and never one the database refused', async () => {
    await withPoisonRefused(async () => {
      const address = `群报测试路${randomUUID().slice(0, 8)}号`;
      const atAddress = (description: string) => () => report(description, `dup-${randomUUID()}`, { address });
      const seed = await atAddress('第一次报告')();
      expect(seed.status).toBe(201);
      const answers = await burstInOneGroup(
        atAddress('同一处 0'),
        Array.from({ length: 11 }, (_, i) => atAddress(i === 4 ? '毒丸' : `同一处 ${i + 1}`)),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map((_, i) => (i === 5 ? 500 : 201)));

      const stored = [seed, ...answers.filter((a) => a.status === 201)].map((a) => ({
        id: a.body.id as string,
        reportedAt: a.body.reportedAt as string,
      }));
      const offeredIds = (answer: (typeof answers)[number]) =>
        (answer.body.possibleDuplicates as Array<{ issueId: string; matchedBy: string }>).map((d) => {
          expect(d.matchedBy).toBe('place');
          return d.issueId;
        });
      let offeredInGroup = 0;
      for (const answer of answers.filter((a) => a.status === 201)) {
        const own = { id: answer.body.id as string, reportedAt: answer.body.reportedAt as string };
        // What the rule allows: every stored report at the address not after this one; the five newest of them.
        const allowed = stored.filter((other) => other.id !== own.id && other.reportedAt <= own.reportedAt);
        const offered = offeredIds(answer);
        expect(offered.length).toBe(Math.min(5, allowed.length));
        expect(offered.every((id) => allowed.some((other) => other.id === id))).toBe(true);
        const oldestOffered = allowed
          .filter((other) => offered.includes(other.id))
          .reduce((oldest, other) => (other.reportedAt < oldest ? other.reportedAt : oldest), own.reportedAt);
        expect(allowed.filter((other) => !offered.includes(other.id)).every((o) => o.reportedAt <= oldestOffered)).toBe(
          true,
        );
        offeredInGroup += offered.filter((id) => id !== seed.body.id && id !== answers[0].body.id).length;
      }
      // The ten after the first committed in a group of their own (the first alone before them), so their offers of
      // one another came from that group's own cases, not from the read beside its write.
      expect(offeredInGroup).toBeGreaterThan(0);
    });
  });
});

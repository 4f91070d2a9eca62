import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { isoWeekday, localDateAt } from '@gridline/calendar';
import {
  CloudEvent,
  deadLetterTopicOf,
  HoursCredited,
  TaskAccepted,
  TaskCompleted,
  TaskOffered,
  Topics,
} from '@gridline/contracts';
import { eventually, httpClient, sleep } from '@gridline/testing';
import { syntheticEvent } from '../support/synthetic-event';
import { EventRecorder } from '../support/event-recorder';
import { createDistricts, createGrids } from '../support/grid-fixture';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

const SHANGHAI = 'Asia/Shanghai';
const HISTORY_GROUP = 'issue-dispatch.volunteer-history';

/**
 * Closing the loops between volunteers and cases, on the real services: the help a volunteer gives an issue
 * shows in the issue's history in issue-dispatch (by event, from volunteer-coordination's task-offers topic,
 * never by a call), redelivered or foreign events add nothing, and a service-event shift lands in the hours
 * ledger exactly once.
 */
describe('volunteer help in the issue history, and service-day hours in the ledger', () => {
  const tenantId = 'vh-a';
  const otherTenant = 'vh-b';
  const base = `/v1/tenants/${tenantId}`;
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let deadLetters: EventRecorder;
  let producer: Producer;
  let dispatch: ReturnType<typeof httpClient>;
  let vc: ReturnType<typeof httpClient>;
  let grid: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startPlatform('vol-history', ['grid-registry', 'issue-dispatch', 'volunteer-coordination']);
    const registryUrl = platform.services['grid-registry'].baseUrl;
    const admin = await as.districtAdmin(tenantId);
    dispatch = httpClient(platform.services['issue-dispatch'].baseUrl, admin);
    vc = httpClient(platform.services['volunteer-coordination'].baseUrl, admin);
    recorder = await new EventRecorder(EventRecorder.kafka()).start(
      [Topics.taskOffers.name, Topics.volunteerEvents.name].map((t) => platform.topic(t)),
    );
    deadLetters = await new EventRecorder(EventRecorder.kafka()).start([
      platform.topic(deadLetterTopicOf(HISTORY_GROUP)),
    ]);
    producer = EventRecorder.kafka().producer();
    await producer.connect();

    await createDistricts(registryUrl, [
      [tenantId, '410103'],
      [otherTenant, '410105'],
    ]);
    grid = await createGrids(registryUrl, tenantId, {
      street: { level: 'street', parent: null, name: '大学路街道' },
      community: { level: 'community', parent: 'street', name: '桃源社区' },
      level3: { level: 'grid', parent: 'community', name: '第一网格' },
      micro47: { level: 'micro', parent: 'level3', name: '47号院' },
    });
    const slow = { micro: 3600, grid: 3600, community: 3600, street: 3600, district: 3600, city: 3600 };
    await eventually(
      'dispatch to know the district',
      async () =>
        (await dispatch.put(`${base}/categories/minor-injury`, { name: 'minor-injury', ackWithinSeconds: slow }))
          .status === 200,
    );
    await eventually(
      'volunteers to know the district',
      async () => (await vc.put(`${base}/help-categories/minor-injury`, { skill: 'first-aid' })).status === 200,
    );
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await deadLetters?.stop();
    await platform?.shutdown();
  });

  async function register(body: Record<string, unknown>): Promise<string> {
    const response = await eventually('volunteers to know the grid', async () => {
      const r = await vc.post(`${base}/volunteers`, body);
      return r.status === 201 ? r : undefined;
    });
    return response.body.id;
  }

  const history = async (issueId: string, client = dispatch): Promise<any[]> => {
    const response = await client.get(`${base}/issues/${issueId}/history`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const volunteerRows = async (issueId: string) =>
    (await history(issueId)).filter((h) => String(h.action).startsWith('volunteer-'));
  const historyCount = async (issueId: string) =>
    (
      await platform.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM issue_dispatch.issue_history WHERE issue_id = $1`,
        [issueId],
      )
    )[0].n;
  const recorded = async (type: string, match: (data: any) => boolean) =>
    (await recorder.waitForEvent(type, (e) => e.type === type && match(e.data))) as CloudEvent<any>;

  /** Publishes on the task-offers topic as volunteer-coordination would, then waits until the history consumer handled it. */
  async function publishAndAwait(
    message: { key: string | null; value: string | null; headers: Record<string, string> },
    eventId: string,
  ): Promise<void> {
    await producer.send({ topic: platform.topic(Topics.taskOffers.name), messages: [message] });
    await eventually(
      `the history consumer to handle ${eventId}`,
      async () =>
        (
          await platform.database.query(
            `SELECT 1 FROM issue_dispatch.inbox WHERE consumer_group = $1 AND event_id = $2`,
            [HISTORY_GROUP, eventId],
          )
        ).length === 1,
    );
  }

  function synthetic(type: string, subject: string, data: object, tenant = tenantId) {
    return syntheticEvent(type, subject, data, { tenant });
  }

  let issueId = '';
  let volunteerId = '';
  let completion: CloudEvent<any>;

  it('shows an issue task from offer to completion in the issue history, by volunteer id only, in time order', async () => {
    volunteerId = await register({
      name: '党员王',
      phone: '13900000047',
      kind: 'party-member',
      homeGridId: grid.micro47,
      skills: [{ skill: 'first-aid', level: 2 }],
    });
    const reporter = dispatch.as(await as.resident(tenantId, 'resident-wang'));
    const reported = await eventually('dispatch to know the grid', async () => {
      const r = await reporter.post(`${base}/issues`, {
        category: 'minor-injury',
        gridId: grid.micro47,
        description: '老人摔倒 需要帮助',
        reporter: { name: '王阿姨', phone: '13700000001' },
      });
      return r.status === 201 ? r : undefined;
    });
    issueId = reported.body.id;
    const offer = await recorded(TaskOffered.type, (d) => d.issueId === issueId);
    expect(offer.data.volunteerId).toBe(volunteerId);
    const offerId = offer.data.offerId;
    const leader = vc.as(await as.leader(tenantId, grid.level3));
    expect((await vc.post(`${base}/offers/${offerId}/accept`)).body.status).toBe('accepted');
    expect((await vc.post(`${base}/offers/${offerId}/check-in`)).body.status).toBe('checked-in');
    expect((await vc.post(`${base}/offers/${offerId}/check-out`)).body.status).toBe('checked-out');
    expect((await leader.post(`${base}/offers/${offerId}/complete`, { hours: 1.5 })).body.status).toBe('completed');
    completion = await recorded(TaskCompleted.type, (d) => d.offerId === offerId);

    const steps = [
      'volunteer-offered',
      'volunteer-accepted',
      'volunteer-checked-in',
      'volunteer-checked-out',
      'volunteer-completed',
    ];
    await eventually(
      'the volunteer steps in the issue history',
      async () => (await volunteerRows(issueId)).length === steps.length,
    );
    const rows = await history(issueId);
    expect(rows.map((h) => h.action)).toEqual(['reported', 'dispatched', ...steps]);
    const times = rows.map((h) => new Date(h.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const actor = `volunteer:${volunteerId}`;
    expect(rows.slice(2)).toEqual(
      steps.map((action) =>
        expect.objectContaining({ action, actor, actorRole: 'volunteer', holderGridId: grid.micro47 }),
      ),
    );
    expect(rows.find((h) => h.action === 'volunteer-offered').reason).toContain('skill first-aid');
    expect(rows.find((h) => h.action === 'volunteer-completed').reason).toBe('1.5 h credited');
    const text = JSON.stringify(rows);
    for (const personal of ['党员王', '13900000047']) expect(text).not.toContain(personal);
    // The reporter sees the help on their own case; the history stays append-only.
    expect((await history(issueId, reporter)).map((h) => h.action)).toContain('volunteer-completed');
    await expect(
      platform.database.query(
        `DELETE FROM issue_dispatch.issue_history WHERE issue_id = $1 AND action = 'volunteer-completed'`,
        [issueId],
      ),
    ).rejects.toThrow(/append-only/);
  });

  it('adds no row when a volunteer event is delivered again', async () => {
    const before = await historyCount(issueId);
    const original = recorder.messages.find((m) => m.event?.id === completion.id)!;
    await producer.send({
      topic: platform.topic(Topics.taskOffers.name),
      messages: [{ key: original.key, value: original.value, headers: original.headers }],
    });
    // A later event on the same key proves the duplicate was read, not just not yet.
    const marker = synthetic(TaskAccepted.type, issueId, {
      ...completion.data,
      hours: undefined,
      offerId: randomUUID(),
      issueId: randomUUID(),
    });
    await publishAndAwait(marker.message, marker.id);
    expect(await historyCount(issueId)).toBe(before);
    expect((await volunteerRows(issueId)).filter((h) => h.action === 'volunteer-completed')).toHaveLength(1);
  });

  it("ignores events for another district's issue, an unknown issue or a direct request, without dead-lettering them", async () => {
    const before = await historyCount(issueId);
    const step = {
      offerId: randomUUID(),
      taskId: randomUUID(),
      volunteerId: randomUUID(),
      gridId: grid.micro47,
      at: new Date().toISOString(),
    };
    const foreign = synthetic(TaskAccepted.type, issueId, { ...step, tenantId: otherTenant, issueId }, otherTenant);
    const unknown = synthetic(TaskAccepted.type, issueId, { ...step, tenantId, issueId: randomUUID() });
    const request = synthetic(TaskAccepted.type, step.taskId, { ...step, tenantId, issueId: null });
    for (const { id, message } of [foreign, unknown, request]) await publishAndAwait(message, id);
    expect(await historyCount(issueId)).toBe(before);
    await sleep(500);
    expect(deadLetters.events()).toEqual([]);
  });

  it('appends every step of one batch, skipping only the event for an unknown issue among them', async () => {
    const before = await historyCount(issueId);
    const step = (offerId: string, issue: string) => ({
      offerId,
      taskId: randomUUID(),
      volunteerId,
      gridId: grid.micro47,
      at: new Date().toISOString(),
      tenantId,
      issueId: issue,
    });
    const first = synthetic(TaskAccepted.type, issueId, step(randomUUID(), issueId));
    const unknown = synthetic(TaskAccepted.type, issueId, step(randomUUID(), randomUUID()));
    const last = synthetic(TaskAccepted.type, issueId, step(randomUUID(), issueId));
    // One send, one key: the three arrive together, in this order, on one partition.
    await producer.send({
      topic: platform.topic(Topics.taskOffers.name),
      messages: [first.message, unknown.message, last.message],
    });
    await eventually(
      'the history consumer to handle all three',
      async () =>
        (
          await platform.database.query(
            `SELECT 1 FROM issue_dispatch.inbox WHERE consumer_group = $1 AND event_id = ANY($2)`,
            [HISTORY_GROUP, [first.id, unknown.id, last.id]],
          )
        ).length === 3,
    );
    expect(await historyCount(issueId)).toBe(before + 2);
    const accepted = (await volunteerRows(issueId)).filter((h) => h.action === 'volunteer-accepted');
    expect(accepted.slice(-2)).toEqual([
      expect.objectContaining({ actor: `volunteer:${volunteerId}`, holderGridId: grid.micro47 }),
      expect.objectContaining({ actor: `volunteer:${volunteerId}`, holderGridId: grid.micro47 }),
    ]);
    expect(deadLetters.events()).toEqual([]);
  });

  it('credits a service-day shift to the hours ledger once, with the shift as its source, and totals include it', async () => {
    // An occurrence today that starts about a minute from now and lasts one minute, with a first-aid shift.
    const start = new Date(Math.ceil((Date.now() + 45_000) / 60_000) * 60_000);
    const end = new Date(start.getTime() + 60_000);
    const date = localDateAt(start, SHANGHAI);
    const hhmm = (instant: Date) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: SHANGHAI,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(instant);
    const created = await vc.post(`${base}/service-events`, {
      title: '三九便民服务日 义诊',
      gridId: grid.community,
      placeText: '桃源社区党群服务中心',
      recurrence: { frequency: 'weekly', weekdays: [isoWeekday(date)] },
      startsOn: date,
      until: date,
      startTime: hhmm(start),
      endTime: hhmm(end),
      residentSlots: [{ service: 'clinic', capacity: 40 }],
      volunteerShifts: [{ skill: 'first-aid', count: 2 }],
    });
    expect(created.status).toBe(201);
    const occurrenceId = created.body.occurrences[0].id;
    const signUps = `${base}/service-occurrences/${occurrenceId}/sign-ups`;
    const shift = await vc.post(signUps, { role: 'volunteer', volunteerId });
    expect([shift.status, shift.body.status]).toEqual([201, 'confirmed']);
    const totalBefore = (await vc.get(`${base}/hours/totals?by=volunteer&volunteerId=${volunteerId}`)).body.hours;
    expect(totalBefore).toBe(1.5); // the issue task above

    expect((await vc.post(`${signUps}/${shift.body.id}/check-in`, {})).status).toBe(200);
    await sleep(Math.max(0, end.getTime() - Date.now() + 1_000));
    const out = await vc.post(`${signUps}/${shift.body.id}/check-out`, {});
    expect([out.status, out.body.attendedMinutes]).toEqual([200, 1]);
    const again = await vc.post(`${signUps}/${shift.body.id}/check-out`, {});
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_CHECKED_OUT']);

    const entries = (await vc.get(`${base}/hours/entries?volunteerId=${volunteerId}`)).body.items;
    const shiftEntries = entries.filter((e: any) => e.kind === 'service-shift');
    expect(shiftEntries).toEqual([
      expect.objectContaining({
        signUpId: shift.body.id,
        occurrenceId,
        hours: 0.02,
        gridId: grid.community,
        taskId: null,
        offerId: null,
      }),
    ]);
    const totals = (await vc.get(`${base}/hours/totals?by=volunteer&volunteerId=${volunteerId}`)).body;
    expect(totals.totals).toEqual([{ key: volunteerId, hours: 1.52, entries: 2 }]);
    const credited = await recorded(
      HoursCredited.type,
      (d) => d.kind === 'service-shift' && d.volunteerId === volunteerId,
    );
    expect(credited.data).toMatchObject({
      occurrenceId,
      hours: 0.02,
      taskId: null,
      offerId: null,
      gridId: grid.community,
    });

    // The database refuses a second credit of the same shift, whatever the code does.
    await expect(
      platform.database.query(
        `INSERT INTO volunteer_coordination.hours_entries (id, tenant_id, volunteer_id, minutes, kind, sign_up_id, occurrence_id, grid_id, occurred_at, recorded_by)
       SELECT $1, tenant_id, volunteer_id, minutes, kind, sign_up_id, occurrence_id, grid_id, occurred_at, 'test' FROM volunteer_coordination.hours_entries WHERE sign_up_id = $2`,
        [randomUUID(), shift.body.id],
      ),
    ).rejects.toThrow(/unique|duplicate/i);
    // Another district sees none of it.
    const other = vc.as(await as.districtAdmin(otherTenant));
    expect((await other.get(`/v1/tenants/${otherTenant}/hours/totals?by=volunteer`)).body.totals).toEqual([]);
  }, 240_000);
});

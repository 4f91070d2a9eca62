import { randomUUID } from 'node:crypto';
import { addDays, daysBetween, instantOfLocalTime, isoWeekday, localDateAt } from '@gridline/calendar';
import {
  ServiceAttendanceRecorded,
  ServiceEventReminder,
  ServiceEventSeriesCreated,
  ServiceOccurrenceScheduled,
  ServiceShiftCompleted,
  ServiceSignedUp,
  ServiceWaitlistPromoted,
  Topics,
} from '@gridline/contracts';
import { eventually, httpClient, sleep } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { createDistricts, createGrids } from '../support/grid-fixture';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

const SHANGHAI = 'Asia/Shanghai';

/**
 * Recurring service events on the real services: grid-registry feeds volunteer-coordination's grid replica;
 * sign-ups race over HTTP against PostgreSQL; reminders come from durable timers; events are read off Kafka.
 */
describe('service events: recurrence, a race-proof sign-up, waitlist, attendance and reminders', () => {
  const tenantId = 'erqi';
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let admin: ReturnType<typeof httpClient>;
  let volunteersUrl: string;
  const grid: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startPlatform('svc-events', ['grid-registry', 'volunteer-coordination']);
    const registryUrl = platform.services['grid-registry'].baseUrl;
    volunteersUrl = platform.services['volunteer-coordination'].baseUrl;
    recorder = new EventRecorder(EventRecorder.kafka());
    await recorder.start([platform.topic(Topics.serviceEvents.name), platform.topic(Topics.reminders.name)]);
    await createDistricts(registryUrl, [
      ['erqi', '410103'],
      ['jinshui', '410105'],
    ]);
    Object.assign(
      grid,
      await createGrids(registryUrl, tenantId, {
        street: { level: 'street', parent: null, name: '大学路街道' },
        community: { level: 'community', parent: 'street', name: '桃源社区' },
        gridA: { level: 'grid', parent: 'community', name: '第一网格' },
        gridB: { level: 'grid', parent: 'community', name: '第二网格' },
      }),
    );
    grid.jinshuiStreet = (
      await createGrids(registryUrl, 'jinshui', { street: { level: 'street', parent: null, name: '丰产路街道' } })
    ).street;
    admin = httpClient(volunteersUrl, await as.districtAdmin(tenantId));
    await eventually('volunteer-coordination to know the level-3 grids', async () => {
      const r = await admin.post(`/v1/tenants/${tenantId}/volunteers`, {
        name: '黄科大学生',
        homeGridId: grid.gridB,
        skills: ['first-aid'],
      });
      return r.status === 201;
    });
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  const clinicBody = (overrides: object = {}) => ({
    title: '三九便民服务日 义诊',
    gridId: grid.community,
    placeText: '桃源社区党群服务中心',
    recurrence: { frequency: 'monthly', daysOfMonth: [9, 19, 29] },
    startTime: '08:30',
    endTime: '11:30',
    residentSlots: [{ service: 'clinic', capacity: 40 }],
    volunteerShifts: [{ skill: 'first-aid', count: 3 }],
    ...overrides,
  });

  async function countRows(table: string, where = 'true'): Promise<number> {
    const [{ n }] = await platform.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM volunteer_coordination.${table} WHERE ${where}`,
    );
    return n;
  }
  /** Series events published so far (the relay empties the outbox, so count them on the topic). */
  const seriesEvents = async () =>
    recorder.events(ServiceEventSeriesCreated.type).length + recorder.events(ServiceOccurrenceScheduled.type).length;

  it('materialises the 9th, 19th and 29th of the next 60 days at 08:30 Shanghai time, and every Saturday', async () => {
    const created = await admin.post(`/v1/tenants/${tenantId}/service-events`, clinicBody({ horizonDays: 60 }));
    expect(created.status).toBe(201);
    const now = new Date();
    const today = localDateAt(now, SHANGHAI);
    const expected = Array.from({ length: 61 }, (_, i) => addDays(today, i)).filter(
      (date) => [9, 19, 29].includes(Number(date.slice(8))) && instantOfLocalTime(date, '08:30', SHANGHAI) > now,
    );
    expect(daysBetween(today, expected[expected.length - 1])).toBeLessThanOrEqual(60);
    expect(created.body.occurrences.map((o: any) => o.date)).toEqual(expected);
    for (const o of created.body.occurrences) {
      expect([o.startsAt, o.endsAt]).toEqual([`${o.date}T00:30:00.000Z`, `${o.date}T03:30:00.000Z`]);
      expect(o.pools).toEqual([
        { role: 'resident', name: 'clinic', capacity: 40, taken: 0, available: 40, waitlisted: 0 },
        { role: 'volunteer', name: 'first-aid', capacity: 3, taken: 0, available: 3, waitlisted: 0 },
      ]);
    }
    const seriesId = created.body.series.id;
    await eventually(
      'an OccurrenceScheduled event per occurrence',
      async () =>
        recorder.events(ServiceOccurrenceScheduled.type).filter((e) => (e.data as any).seriesId === seriesId).length ===
        expected.length,
    );

    const saturdays = await admin.post(
      `/v1/tenants/${tenantId}/service-events`,
      clinicBody({
        title: '周末微课堂',
        recurrence: { frequency: 'weekly', weekdays: [6] },
        startTime: '09:00',
        endTime: '10:30',
        horizonDays: 28,
        residentSlots: [{ service: 'class', capacity: 30 }],
        volunteerShifts: [{ skill: 'tutoring', count: 2 }],
      }),
    );
    expect(saturdays.status).toBe(201);
    expect(saturdays.body.occurrences.length).toBeGreaterThanOrEqual(4);
    expect(
      saturdays.body.occurrences.every(
        (o: any) => isoWeekday(o.date) === 6 && o.startsAt === `${o.date}T01:00:00.000Z`,
      ),
    ).toBe(true);
    const listed = await httpClient(volunteersUrl, await as.resident(tenantId)).get(
      `/v1/tenants/${tenantId}/service-occurrences?seriesId=${saturdays.body.series.id}`,
    );
    expect(listed.body.items.map((o: any) => o.id)).toEqual(saturdays.body.occurrences.map((o: any) => o.id));
  });

  /** A daily half-hour clinic with `capacity` resident places; its first occurrence still open for sign-up. */
  async function nextDailyClinic(title: string, startTime: string, capacity: number): Promise<{ id: string }> {
    const endTime = `${startTime.slice(0, 2)}:30`;
    const created = await admin.post(
      `/v1/tenants/${tenantId}/service-events`,
      clinicBody({
        title,
        recurrence: { frequency: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] },
        horizonDays: 3,
        startTime,
        endTime,
        residentSlots: [{ service: 'clinic', capacity }],
        volunteerShifts: [],
      }),
    );
    expect(created.status).toBe(201);
    return created.body.occurrences.find((o: any) => new Date(o.startsAt).getTime() > Date.now() + 30 * 60_000);
  }

  it('confirms exactly 100 of 1,000 residents signing up at the same moment for 100 places, waitlists 900 in order, and promotes them in order on cancellation', async () => {
    const occurrence = await nextDailyClinic('专家义诊', '23:00', 100);
    const residents = await Promise.all(Array.from({ length: 1000 }, (_, i) => as.resident(tenantId, `resident-${i}`)));

    const started = Date.now();
    const answers = await Promise.all(
      residents.map((t) =>
        httpClient(volunteersUrl, t).post(`/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`, {
          role: 'resident',
        }),
      ),
    );
    const elapsedMs = Date.now() - started;
    process.stdout.write(`1,000 concurrent sign-ups answered in ${elapsedMs} ms\n`);

    expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.body])).toEqual([]);
    const confirmed = answers.filter((a) => a.body.status === 'confirmed');
    const waitlisted = answers.filter((a) => a.body.status === 'waitlisted');
    expect(confirmed).toHaveLength(100);
    expect(waitlisted).toHaveLength(900);
    expect(waitlisted.map((a) => a.body.waitlistPosition).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 900 }, (_, i) => i + 1),
    );

    const [pool] = await platform.database.query<{ taken: number; waitlisted: number; capacity: number }>(
      `SELECT taken, waitlisted, capacity FROM volunteer_coordination.occurrence_pools WHERE occurrence_id = $1`,
      [occurrence.id],
    );
    expect(pool).toEqual({ taken: 100, waitlisted: 900, capacity: 100 });
    const byStatus = await platform.database.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM volunteer_coordination.service_sign_ups WHERE occurrence_id = $1 GROUP BY status ORDER BY status`,
      [occurrence.id],
    );
    expect(byStatus).toEqual([
      { status: 'confirmed', n: 100 },
      { status: 'waitlisted', n: 900 },
    ]);
    await eventually(
      '1,000 SignedUp events',
      async () =>
        recorder.events(ServiceSignedUp.type).filter((e) => (e.data as any).occurrenceId === occurrence.id).length ===
        1000,
      60_000,
    );
    // Each answer's own event, though a group of sign-ups commits its events together.
    const eventOf = new Map(
      recorder
        .events(ServiceSignedUp.type)
        .map((e) => e.data as { signUpId: string; status: string; waitlistPosition: number | null })
        .map((data) => [data.signUpId, [data.status, data.waitlistPosition]]),
    );
    expect(answers.map((a) => eventOf.get(a.body.id))).toEqual(
      answers.map((a) => [a.body.status, a.body.waitlistPosition]),
    );
    const published = JSON.stringify(
      recorder.messages.filter((m) => m.topic === platform.topic(Topics.serviceEvents.name)).map((m) => m.value),
    );
    expect(published).not.toContain('resident-1');

    // Cancellations hand the place to the first on the waitlist, in order.
    const byPosition = [...waitlisted].sort((a, b) => a.body.waitlistPosition - b.body.waitlistPosition);
    const cancelAs = (index: number, signUpId: string) =>
      httpClient(volunteersUrl, residents[index]).post(
        `/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups/${signUpId}/cancel`,
        {},
      );
    const indexOf = (answer: (typeof answers)[number]) => answers.indexOf(answer);
    for (const leaving of confirmed.slice(0, 3)) {
      const cancelled = await cancelAs(indexOf(leaving), leaving.body.id);
      expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);
    }
    const promotions = await eventually('three promotions', async () => {
      const found = recorder
        .events(ServiceWaitlistPromoted.type)
        .filter((e) => (e.data as any).occurrenceId === occurrence.id);
      return found.length === 3 ? found : undefined;
    });
    expect(promotions.map((e) => (e.data as any).signUpId)).toEqual(byPosition.slice(0, 3).map((a) => a.body.id));
    expect(promotions.map((e) => (e.data as any).replacingSignUpId)).toEqual(
      confirmed.slice(0, 3).map((a) => a.body.id),
    );
    const fourth = byPosition[3];
    const nowFirst = await httpClient(volunteersUrl, residents[indexOf(fourth)]).get(
      `/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups/${fourth.body.id}`,
    );
    expect([nowFirst.body.status, nowFirst.body.waitlistPosition]).toEqual(['waitlisted', 1]);
    const promotedView = await httpClient(volunteersUrl, residents[indexOf(byPosition[0])]).get(
      `/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups/${byPosition[0].body.id}`,
    );
    expect([promotedView.body.status, promotedView.body.waitlistPosition]).toEqual(['confirmed', null]);

    // Leaving the waitlist frees no place and promotes nobody.
    const last = byPosition[899];
    expect((await cancelAs(indexOf(last), last.body.id)).status).toBe(200);
    const again = await cancelAs(indexOf(last), last.body.id);
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_CANCELLED']);
    const [after] = await platform.database.query(
      `SELECT taken, waitlisted FROM volunteer_coordination.occurrence_pools WHERE occurrence_id = $1`,
      [occurrence.id],
    );
    expect(after).toEqual({ taken: 100, waitlisted: 896 });
    const [live] = await platform.database.query<{ confirmed: number; waitlisted: number }>(
      `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
         FROM volunteer_coordination.service_sign_ups WHERE occurrence_id = $1`,
      [occurrence.id],
    );
    expect(live).toEqual({ confirmed: 100, waitlisted: 896 });

    // The same person twice: refused, counters untouched — and a cancelled person may come back.
    const twice = await httpClient(volunteersUrl, residents[indexOf(confirmed[50])]).post(
      `/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`,
      { role: 'resident' },
    );
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_SIGNED_UP']);
    const comeback = await httpClient(volunteersUrl, residents[indexOf(confirmed[0])]).post(
      `/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`,
      { role: 'resident' },
    );
    expect([comeback.status, comeback.body.status, comeback.body.waitlistPosition]).toEqual([201, 'waitlisted', 897]);
    const [final] = await platform.database.query(
      `SELECT taken, waitlisted FROM volunteer_coordination.occurrence_pools WHERE occurrence_id = $1`,
      [occurrence.id],
    );
    expect(final).toEqual({ taken: 100, waitlisted: 897 });
  }, 300_000);

  it('answers each sign-up of a group on its own: the same person three times at once gets one place and two 409s, the rest are untouched', async () => {
    const occurrence = await nextDailyClinic('理发', '22:00', 20);
    const others = await Promise.all(Array.from({ length: 47 }, (_, i) => as.resident(tenantId, `haircut-${i}`)));
    const repeated = await as.resident(tenantId, 'haircut-eager');
    const tokens = [...others.slice(0, 15), repeated, ...others.slice(15, 30), repeated, ...others.slice(30), repeated];
    const answers = await Promise.all(
      tokens.map((t) =>
        httpClient(volunteersUrl, t).post(`/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`, {
          role: 'resident',
        }),
      ),
    );

    const eager = answers.filter((_, i) => tokens[i] === repeated);
    expect(eager.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(eager.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual([
      'ALREADY_SIGNED_UP',
      'ALREADY_SIGNED_UP',
    ]);
    expect(answers.filter((_, i) => tokens[i] !== repeated).map((a) => a.status)).toEqual(Array(47).fill(201));
    const accepted = answers.filter((a) => a.status === 201);
    expect(accepted.filter((a) => a.body.status === 'confirmed')).toHaveLength(20);
    expect(
      accepted
        .filter((a) => a.body.status === 'waitlisted')
        .map((a) => a.body.waitlistPosition)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    const [pool] = await platform.database.query(
      `SELECT taken, waitlisted FROM volunteer_coordination.occurrence_pools WHERE occurrence_id = $1`,
      [occurrence.id],
    );
    expect(pool).toEqual({ taken: 20, waitlisted: 28 });
    const [rows] = await platform.database.query<{ n: number; seqs: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT waitlist_seq)::int AS seqs FROM volunteer_coordination.service_sign_ups WHERE occurrence_id = $1`,
      [occurrence.id],
    );
    expect(rows).toEqual({ n: 48, seqs: 28 });
  }, 120_000);

  it('answers each of a burst that shares one read of the occurrence on its own: a wrong pool or occurrence gets its 4xx, the rest their places', async () => {
    const occurrence = await nextDailyClinic('量血压', '21:00', 5);
    const residents = await Promise.all(Array.from({ length: 24 }, (_, i) => as.resident(tenantId, `pressure-${i}`)));
    const missingOccurrence = randomUUID();
    // Interleaved: good sign-ups, a pool the occurrence does not have, and an occurrence the district does not have.
    const requests = residents.map((token, i) => ({
      token,
      occurrenceId: i % 8 === 7 ? missingOccurrence : occurrence.id,
      body: i % 8 === 3 ? { role: 'resident', pool: 'dentist' } : { role: 'resident' },
    }));
    const answers = await Promise.all(
      requests.map(({ token, occurrenceId, body }) =>
        httpClient(volunteersUrl, token).post(
          `/v1/tenants/${tenantId}/service-occurrences/${occurrenceId}/sign-ups`,
          body,
        ),
      ),
    );

    const byKind = (kind: (i: number) => boolean) => answers.filter((_, i) => kind(i));
    expect(byKind((i) => i % 8 === 7).map((a) => [a.status, a.body.code])).toEqual(
      Array(3).fill([404, 'OCCURRENCE_NOT_FOUND']),
    );
    expect(byKind((i) => i % 8 === 3).map((a) => [a.status, a.body.code])).toEqual(
      Array(3).fill([422, 'UNKNOWN_POOL']),
    );
    const good = byKind((i) => i % 8 !== 3 && i % 8 !== 7);
    expect(good.map((a) => a.status)).toEqual(Array(18).fill(201));
    expect(good.filter((a) => a.body.status === 'confirmed')).toHaveLength(5);
    const [pool] = await platform.database.query(
      `SELECT taken, waitlisted FROM volunteer_coordination.occurrence_pools WHERE occurrence_id = $1`,
      [occurrence.id],
    );
    expect(pool).toEqual({ taken: 5, waitlisted: 13 });
    const [rows] = await platform.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM volunteer_coordination.service_sign_ups WHERE occurrence_id = ANY($1::uuid[])`,
      [[occurrence.id, missingOccurrence]],
    );
    expect(rows).toEqual({ n: 18 });
  }, 120_000);

  it('reminds participants before the start, refuses sign-up once it started, and turns check-in and check-out into attendance and volunteer hours', async () => {
    // An occurrence today that starts two minutes from now and lasts one minute, with a one-minute reminder.
    const start = new Date(Math.ceil((Date.now() + 75_000) / 60_000) * 60_000);
    const end = new Date(start.getTime() + 60_000);
    const date = localDateAt(start, SHANGHAI);
    const hhmm = (instant: Date) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: SHANGHAI,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(instant);
    const created = await admin.post(
      `/v1/tenants/${tenantId}/service-events`,
      clinicBody({
        title: '磨刀服务',
        recurrence: { frequency: 'weekly', weekdays: [isoWeekday(date)] },
        startsOn: date,
        until: date,
        startTime: hhmm(start),
        endTime: hhmm(end),
        reminderLeadMinutes: [1],
        residentSlots: [{ service: 'knife-grinding', capacity: 10 }],
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body.occurrences).toHaveLength(1);
    const occurrence = created.body.occurrences[0];
    expect(occurrence.startsAt).toBe(start.toISOString());

    const resident = httpClient(volunteersUrl, await as.resident(tenantId, 'resident-knives'));
    const mine = await resident.post(`/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`, {
      role: 'resident',
    });
    expect([mine.status, mine.body.status]).toEqual([201, 'confirmed']);
    const volunteer = (await admin.get(`/v1/tenants/${tenantId}/volunteers`)).body.items[0];
    const leaderB = httpClient(volunteersUrl, await as.leader(tenantId, grid.gridB));
    const outside = await leaderB.post(`/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`, {
      role: 'volunteer',
      volunteerId: volunteer.id,
    });
    expect([outside.status, outside.body.code]).toEqual([403, 'OUTSIDE_YOUR_GRID']);
    const shift = await admin.post(`/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`, {
      role: 'volunteer',
      volunteerId: volunteer.id,
    });
    expect([shift.status, shift.body.status, shift.body.pool]).toEqual([201, 'confirmed', 'first-aid']);
    const residentAsStaff = await resident.post(
      `/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`,
      { role: 'volunteer', volunteerId: volunteer.id },
    );
    expect([residentAsStaff.status, residentAsStaff.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);

    const reminders = await eventually(
      'a reminder for each participant, one minute ahead',
      async () => {
        const found = recorder
          .events(ServiceEventReminder.type)
          .filter((e) => (e.data as any).occurrenceId === occurrence.id);
        return found.length === 2 ? found : undefined;
      },
      150_000,
      500,
    );
    const firstReminderAt = Math.min(...reminders.map((e) => new Date(e.time).getTime()));
    expect(firstReminderAt).toBeGreaterThanOrEqual(start.getTime() - 60_000);
    expect(firstReminderAt).toBeLessThan(start.getTime());
    expect(reminders.map((e) => (e.data as any).leadMinutes)).toEqual([1, 1]);
    expect(reminders.map((e) => [(e.data as any).residentSubject, (e.data as any).volunteerId]).sort()).toEqual(
      [
        ['resident-knives', null],
        [null, volunteer.id],
      ].sort(),
    );

    const base = `/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`;
    expect((await resident.post(`${base}/${mine.body.id}/check-in`, {})).status).toBe(200);
    expect((await admin.post(`${base}/${shift.body.id}/check-in`, {})).status).toBe(200);
    const twice = await resident.post(`${base}/${mine.body.id}/check-in`, {});
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_CHECKED_IN']);

    await sleep(Math.max(0, start.getTime() - Date.now() + 1_000));
    const beforeLate = await countRows('service_sign_ups');
    const late = await httpClient(volunteersUrl, await as.resident(tenantId, 'resident-late')).post(base, {
      role: 'resident',
    });
    expect([late.status, late.body.code]).toEqual([409, 'OCCURRENCE_STARTED']);
    expect(await countRows('service_sign_ups')).toBe(beforeLate);
    const lateCancel = await resident.post(`${base}/${mine.body.id}/cancel`, {});
    expect([lateCancel.status, lateCancel.body.code]).toEqual([409, 'OCCURRENCE_STARTED']);

    await sleep(Math.max(0, end.getTime() - Date.now() + 1_000));
    const out = await resident.post(`${base}/${mine.body.id}/check-out`, {});
    expect([out.status, out.body.attendedMinutes]).toEqual([200, 1]);
    const volunteerOut = await admin.post(`${base}/${shift.body.id}/check-out`, {});
    expect([volunteerOut.status, volunteerOut.body.attendedMinutes]).toEqual([200, 1]);

    const completed = await recorder.waitForEvent(
      'the shift completed',
      (e) => e.type === ServiceShiftCompleted.type && (e.data as any).signUpId === shift.body.id,
    );
    expect(completed.data).toMatchObject({
      volunteerId: volunteer.id,
      skill: 'first-aid',
      gridId: grid.community,
      date,
      minutes: 1,
      hours: 0.02,
    });
    await eventually(
      'attendance of both',
      async () =>
        recorder.events(ServiceAttendanceRecorded.type).filter((e) => (e.data as any).occurrenceId === occurrence.id)
          .length === 2,
    );
  }, 300_000);

  it('answers bad series and sign-ups with a 4xx naming the problem, and stores nothing', async () => {
    const stored = async () => [
      await countRows('service_event_series'),
      await countRows('service_occurrences'),
      await seriesEvents(),
    ];
    const rowsSoFar = (await countRows('service_event_series')) + (await countRows('service_occurrences'));
    await eventually(
      'every series and occurrence so far to be published',
      async () => (await seriesEvents()) === rowsSoFar,
    );
    const before = await stored();
    const problems = [
      [clinicBody({ recurrence: undefined }), 400, 'recurrence'],
      [clinicBody({ recurrence: { frequency: 'monthly', daysOfMonth: [] } }), 400, 'recurrence.daysOfMonth'],
      [clinicBody({ recurrence: { frequency: 'weekly', weekdays: [0] } }), 400, 'recurrence.weekdays'],
      [clinicBody({ startTime: '11:30', endTime: '08:30' }), 400, 'endTime'],
      [clinicBody({ residentSlots: [{ service: 'clinic', capacity: 0 }] }), 400, 'residentSlots.0.capacity'],
      [clinicBody({ volunteerShifts: [{ skill: 'first-aid', count: -1 }] }), 400, 'volunteerShifts.0.count'],
      [clinicBody({ until: '2020-01-01', startsOn: '2025-01-01' }), 400, 'until'],
      [clinicBody({ timeZone: 'Mars/Base' }), 400, 'timeZone'],
      [clinicBody({ startsOn: '2025-02-30' }), 400, 'startsOn'],
      [clinicBody({ gridId: grid.jinshuiStreet }), 422, 'gridId'],
    ] as const;
    for (const [body, status, field] of problems) {
      const r = await admin.post(`/v1/tenants/${tenantId}/service-events`, body);
      expect([field, r.status, r.body.details?.map((d: any) => d.field)]).toEqual([
        field,
        status,
        expect.arrayContaining([field]),
      ]);
    }
    await sleep(1_000);
    expect(await stored()).toEqual(before);

    const occurrence = (await admin.get(`/v1/tenants/${tenantId}/service-occurrences`)).body.items.find(
      (o: any) => o.pools.some((p: any) => p.name === 'first-aid') && o.pools.some((p: any) => p.name === 'clinic'),
    );
    const resident = httpClient(volunteersUrl, await as.resident(tenantId, 'resident-bad'));
    const unknownPool = await resident.post(`/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`, {
      role: 'resident',
      pool: 'massage',
    });
    expect([unknownPool.status, unknownPool.body.code]).toEqual([422, 'UNKNOWN_POOL']);
    const unknownVolunteer = await admin.post(`/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`, {
      role: 'volunteer',
      volunteerId: '00000000-0000-4000-8000-000000000000',
    });
    expect([unknownVolunteer.status, unknownVolunteer.body.code]).toEqual([422, 'VOLUNTEER_NOT_FOUND']);
    const unskilled = (
      await admin.post(`/v1/tenants/${tenantId}/volunteers`, {
        name: '理发师',
        homeGridId: grid.gridA,
        skills: ['haircut'],
      })
    ).body;
    const lacking = await admin.post(`/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`, {
      role: 'volunteer',
      volunteerId: unskilled.id,
    });
    expect([lacking.status, lacking.body.code]).toEqual([422, 'VOLUNTEER_LACKS_SKILL']);
    const noRole = await resident.post(`/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`, {});
    expect([noRole.status, noRole.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const [{ n }] = await platform.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM volunteer_coordination.service_sign_ups WHERE occurrence_id = $1`,
      [occurrence.id],
    );
    expect(n).toBe(0);
  });

  it('keeps every district to its own events, grids and sign-ups', async () => {
    const occurrence = (await admin.get(`/v1/tenants/${tenantId}/service-occurrences`)).body.items[0];
    const jinshuiAdmin = httpClient(volunteersUrl, await as.districtAdmin('jinshui'));
    const attempts = [
      await jinshuiAdmin.get(`/v1/tenants/${tenantId}/service-occurrences`),
      await jinshuiAdmin.post(`/v1/tenants/${tenantId}/service-events`, clinicBody()),
      await httpClient(volunteersUrl, await as.resident('jinshui', 'jinshui-resident')).post(
        `/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`,
        { role: 'resident' },
      ),
    ];
    expect(attempts.map((r) => [r.status, r.body.code])).toEqual(Array(3).fill([403, 'FORBIDDEN_DISTRICT']));
    // An erqi occurrence looked up under jinshui's path is absent, even for the city.
    const city = httpClient(volunteersUrl, await as.cityAdmin());
    const elsewhere = await city.post(`/v1/tenants/jinshui/service-occurrences/${occurrence.id}/sign-ups`, {
      role: 'resident',
    });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([404, 'OCCURRENCE_NOT_FOUND']);
    expect((await city.get(`/v1/tenants/jinshui/service-occurrences/${occurrence.id}`)).status).toBe(404);
    // A leader of a sibling grid cannot set up events in another grid; a resident cannot read others' sign-ups.
    const leaderA = httpClient(volunteersUrl, await as.leader(tenantId, grid.gridA));
    const sibling = await leaderA.post(`/v1/tenants/${tenantId}/service-events`, clinicBody({ gridId: grid.gridB }));
    expect([sibling.status, sibling.body.code]).toEqual([403, 'OUTSIDE_YOUR_GRID']);
    expect(
      (
        await leaderA.post(
          `/v1/tenants/${tenantId}/service-events`,
          clinicBody({ gridId: grid.gridA, horizonDays: 10 }),
        )
      ).status,
    ).toBe(201);
    const someone = httpClient(volunteersUrl, await as.resident(tenantId, 'resident-owner'));
    const theirs = await someone.post(`/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`, {
      role: 'resident',
      pool: occurrence.pools.find((p: any) => p.role === 'resident').name,
    });
    expect(theirs.status).toBe(201);
    const nosy = httpClient(volunteersUrl, await as.resident(tenantId, 'resident-nosy'));
    const peek = await nosy.get(
      `/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups/${theirs.body.id}`,
    );
    expect([peek.status, peek.body.code]).toEqual([404, 'SIGN_UP_NOT_FOUND']);
    expect(
      (
        await nosy.post(
          `/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups/${theirs.body.id}/cancel`,
          {},
        )
      ).status,
    ).toBe(404);
    expect((await nosy.get(`/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups`)).status).toBe(403);
    expect(
      (await someone.get(`/v1/tenants/${tenantId}/service-occurrences/${occurrence.id}/sign-ups/${theirs.body.id}`))
        .status,
    ).toBe(200);
  });
});

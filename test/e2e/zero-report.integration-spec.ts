import { randomUUID } from 'node:crypto';
import { GridCheckedIn, GridCheckInMissed, Topics } from '@gridline/contracts';
import { eventually, httpClient, sleep } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // Asia/Shanghai: UTC+8 all year, no DST
const MINUTE = 60_000;
const BIG_DISTRICT_GRIDS = 5_000;

/** Local date and HH:mm in Shanghai, computed here independently of the service's Intl-based clock. */
function shanghai(instant: number): { date: string; time: string } {
  const iso = new Date(instant + SHANGHAI_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/**
 * The daily zero-report (零上报) with grid-registry as a real process on the real database and broker: a district
 * sets a cut-off a minute or two ahead, some grids check in, and at the cut-off exactly the others are recorded
 * and announced as missed — once, across a restart and a re-fired timer. A second district of 5,000 micro-grids
 * shares the cut-off to measure the set-based cut-off and the relay.
 */
describe('zero-report (零上报)', () => {
  const tenantId = 'zr-erqi';
  const otherTenant = 'zr-jinshui';
  const bigTenant = 'zr-big';
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let city: ReturnType<typeof httpClient>;
  let admin: ReturnType<typeof httpClient>;
  let dispatcher: ReturnType<typeof httpClient>;
  let leaderOfM1: ReturnType<typeof httpClient>;
  const grids: Record<'street' | 'community' | 'level3' | 'm1' | 'm2' | 'm3' | 'm4', string> = {} as never;
  let m1Leader: string;
  let foreignGrid: string;
  let cutoffAt: number;
  let today: string;

  beforeAll(async () => {
    platform = await startPlatform('zero-report', ['grid-registry']);
    const base = httpClient(platform.services['grid-registry'].baseUrl);
    city = base.as(await as.cityAdmin());
    admin = base.as(await as.districtAdmin(tenantId));
    dispatcher = base.as(await as.dispatcher(tenantId));
    recorder = await new EventRecorder(EventRecorder.kafka()).start([platform.topic(Topics.checkInEvents.name)]);
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  async function grid(
    tenant: string,
    body: Record<string, unknown>,
  ): Promise<{ gridId: string; code: string; leader: { memberId: string } | null }> {
    const response = await city.post(`/v1/tenants/${tenant}/grids`, body);
    expect(response.status).toBe(201);
    return response.body;
  }

  const checkIn = (
    client: ReturnType<typeof httpClient>,
    gridId: string,
    body: Record<string, unknown>,
    tenant = tenantId,
  ) => client.post(`/v1/tenants/${tenant}/grids/${gridId}/check-ins`, body);

  const missedEvents = (tenant: string) => recorder.events(GridCheckInMissed.type).filter((e) => e.tenantid === tenant);

  it('sets a district cut-off (local HH:mm in Asia/Shanghai) and plans one durable timer for it', async () => {
    for (const [id, code, name] of [
      [tenantId, '410103', '二七区'],
      [otherTenant, '410105', '金水区'],
      [bigTenant, '410199', '大区'],
    ]) {
      expect((await city.post('/v1/tenants', { tenantId: id, divisionCode: code, name })).status).toBe(201);
    }
    grids.street = (await grid(tenantId, { level: 'street', parentId: null, name: '淮河路街道' })).gridId;
    grids.community = (await grid(tenantId, { level: 'community', parentId: grids.street, name: '桃源社区' })).gridId;
    grids.level3 = (await grid(tenantId, { level: 'grid', parentId: grids.community, name: '第一网格' })).gridId;
    const m1 = await grid(tenantId, {
      level: 'micro',
      parentId: grids.level3,
      name: '47号院',
      leader: { name: '刘鸣', phone: '13800000010' },
    });
    grids.m1 = m1.gridId;
    m1Leader = m1.leader!.memberId;
    grids.m2 = (await grid(tenantId, { level: 'micro', parentId: grids.level3, name: '汝河路22号院' })).gridId;
    grids.m3 = (await grid(tenantId, { level: 'micro', parentId: grids.level3, name: '48号院' })).gridId;
    grids.m4 = (await grid(tenantId, { level: 'micro', parentId: grids.level3, name: '49号院' })).gridId;
    const foreignStreet = (await grid(otherTenant, { level: 'street', parentId: null, name: '经八路街道' })).gridId;
    foreignGrid = (await grid(otherTenant, { level: 'community', parentId: foreignStreet, name: '经八路社区' })).gridId;
    leaderOfM1 = httpClient(platform.services['grid-registry'].baseUrl, await as.leader(tenantId, grids.m1));

    // A cut-off a minute or two ahead: HH:mm has minute precision, so round "now + 1 min" up to the minute. Near
    // local midnight that would be tomorrow's cut-off; wait for the new day instead.
    if (shanghai(Date.now() + 2 * MINUTE).date !== shanghai(Date.now()).date) await sleep(3 * MINUTE);
    cutoffAt = Math.ceil((Date.now() + MINUTE) / MINUTE) * MINUTE;
    today = shanghai(Date.now()).date;
    const cutoff = shanghai(cutoffAt).time;

    const refused: Array<[string, Record<string, unknown>, string]> = [
      ['a time that is not HH:mm', { cutoff: '25:00', enabled: true }, 'cutoff'],
      ['an unknown time zone', { cutoff, timeZone: 'Asia/Zhengzhou', enabled: true }, 'timeZone'],
      ['no levels at all', { cutoff, levels: [], enabled: true }, 'levels'],
      ['an unknown level', { cutoff, levels: ['building'], enabled: true }, 'levels'],
    ];
    for (const [what, body, field] of refused) {
      const response = await admin.put(`/v1/tenants/${tenantId}/zero-report-policy`, body);
      expect({
        what,
        status: response.status,
        code: response.body.code,
        fields: response.body.details.map((d: { field: string }) => d.field),
      }).toEqual({ what, status: 400, code: 'VALIDATION_FAILED', fields: expect.arrayContaining([field]) });
    }
    expect((await leaderOfM1.put(`/v1/tenants/${tenantId}/zero-report-policy`, { cutoff, enabled: true })).status).toBe(
      403,
    );
    expect((await dispatcher.get(`/v1/tenants/${tenantId}/zero-report-policy`)).body.code).toBe(
      'ZERO_REPORT_POLICY_NOT_FOUND',
    );

    // First a policy with a different cut-off, then the real one: the second PUT re-plans the timer.
    expect(
      (await admin.put(`/v1/tenants/${tenantId}/zero-report-policy`, { cutoff: '23:59', enabled: true })).status,
    ).toBe(200);
    const set = await admin.put(`/v1/tenants/${tenantId}/zero-report-policy`, {
      cutoff,
      levels: ['micro', 'community'],
      enabled: true,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      cutoff,
      timeZone: 'Asia/Shanghai',
      levels: ['community', 'micro'],
      enabled: true,
      version: 2,
      nextCutoff: { date: today, at: new Date(cutoffAt).toISOString() },
    });
    expect((await dispatcher.get(`/v1/tenants/${tenantId}/zero-report-policy`)).body).toEqual(set.body);
    const timers = await platform.database.query<{ due: Date; date: string; version: number }>(
      `SELECT due_at AS due, payload->>'date' AS date, (payload->>'policyVersion')::int AS version
         FROM grid_registry.durable_timers WHERE kind = 'zero-report.cutoff' AND aggregate_id = $1`,
      [tenantId],
    );
    expect(timers).toEqual([{ due: new Date(cutoffAt), date: today, version: 2 }]);

    // The scale district: 5,000 micro-grids under one community, inserted straight into the table (creating them
    // through the API would take most of the test's time budget), with the same cut-off.
    const bigStreet = (await grid(bigTenant, { level: 'street', parentId: null, name: '大街道' })).gridId;
    const bigCommunity = await grid(bigTenant, { level: 'community', parentId: bigStreet, name: '大社区' });
    await platform.database.query(
      `INSERT INTO grid_registry.grids (id, tenant_id, parent_id, level, code, name, version, created_at, updated_at)
       SELECT gen_random_uuid(), $1, $2, 'micro', $3 || lpad(i::text, 4, '0'), '微网格' || i, 1, now(), now()
         FROM generate_series(1, $4::int) AS i`,
      [bigTenant, bigCommunity.gridId, bigCommunity.code, BIG_DISTRICT_GRIDS],
    );
    const bigAdmin = httpClient(platform.services['grid-registry'].baseUrl, await as.districtAdmin(bigTenant));
    expect(
      (await bigAdmin.put(`/v1/tenants/${bigTenant}/zero-report-policy`, { cutoff, levels: ['micro'], enabled: true }))
        .status,
    ).toBe(200);
  }, 300_000);

  it('takes one check-in per grid for today, and refuses bad ones without storing or emitting anything', async () => {
    expect(Date.now()).toBeLessThan(cutoffAt - 10_000);
    const nothing = await checkIn(leaderOfM1, grids.m1, { nothingToReport: true, reportedBy: { memberId: m1Leader } });
    expect(nothing.status).toBe(201);
    expect(nothing.body).toMatchObject({
      gridId: grids.m1,
      date: today,
      nothingToReport: true,
      matters: [],
      reportedBy: { memberId: m1Leader, name: '刘鸣' },
    });
    const matters = [
      { category: '环境卫生', description: '3号楼楼道堆放杂物，已提醒住户清理' },
      { description: '路灯不亮' },
    ];
    const withMatters = await checkIn(dispatcher, grids.m2, {
      date: today,
      nothingToReport: false,
      matters,
      reportedBy: { name: '王芳' },
    });
    expect(withMatters.status).toBe(201);
    expect(withMatters.body.matters).toEqual([matters[0], { category: null, description: '路灯不亮' }]);

    // The same check-in again (a retried request) is answered with the first; a different one is a conflict.
    const retried = await checkIn(leaderOfM1, grids.m1, { nothingToReport: true, reportedBy: { memberId: m1Leader } });
    expect([retried.status, retried.body.checkInId]).toEqual([201, nothing.body.checkInId]);
    const second = await checkIn(leaderOfM1, grids.m1, {
      nothingToReport: false,
      matters: [{ description: '又发现一件事' }],
      reportedBy: { memberId: m1Leader },
    });
    expect([second.status, second.body.code]).toEqual([409, 'ALREADY_CHECKED_IN']);

    const yesterday = shanghai(Date.now() - 24 * 60 * MINUTE).date;
    const cases: Array<
      [string, ReturnType<typeof httpClient>, string, Record<string, unknown>, number, string, string?]
    > = [
      [
        'matters with nothing to report',
        dispatcher,
        grids.m3,
        { nothingToReport: true, matters: [{ description: 'x' }], reportedBy: { name: '王芳' } },
        422,
        'MATTERS_NOT_ALLOWED',
        'matters',
      ],
      [
        'something to report but no matters',
        dispatcher,
        grids.m3,
        { nothingToReport: false, reportedBy: { name: '王芳' } },
        422,
        'MATTERS_REQUIRED',
        'matters',
      ],
      [
        'an empty list of matters',
        dispatcher,
        grids.m3,
        { nothingToReport: false, matters: [], reportedBy: { name: '王芳' } },
        422,
        'MATTERS_REQUIRED',
        'matters',
      ],
      [
        'yesterday',
        dispatcher,
        grids.m3,
        { date: yesterday, nothingToReport: true, reportedBy: { name: '王芳' } },
        422,
        'CHECK_IN_DATE_NOT_TODAY',
        'date',
      ],
      [
        'a day that does not exist',
        dispatcher,
        grids.m3,
        { date: '2025-02-30', nothingToReport: true, reportedBy: { name: '王芳' } },
        400,
        'VALIDATION_FAILED',
        'date',
      ],
      ['no reporter', dispatcher, grids.m3, { nothingToReport: true, reportedBy: {} }, 400, 'VALIDATION_FAILED'],
      [
        'a matter of 501 characters',
        dispatcher,
        grids.m3,
        { nothingToReport: false, matters: [{ description: '事'.repeat(501) }], reportedBy: { name: '王芳' } },
        400,
        'VALIDATION_FAILED',
        'matters.0.description',
      ],
      [
        'an unknown member',
        dispatcher,
        grids.m3,
        { nothingToReport: true, reportedBy: { memberId: randomUUID() } },
        422,
        'UNKNOWN_MEMBER',
        'reportedBy.memberId',
      ],
      [
        'an unknown grid',
        dispatcher,
        randomUUID(),
        { nothingToReport: true, reportedBy: { name: '王芳' } },
        404,
        'GRID_NOT_FOUND',
      ],
      [
        "another district's grid",
        dispatcher,
        foreignGrid,
        { nothingToReport: true, reportedBy: { name: '王芳' } },
        404,
        'GRID_NOT_FOUND',
      ],
      [
        'a sibling of the leader’s grid',
        leaderOfM1,
        grids.m3,
        { nothingToReport: true, reportedBy: { memberId: m1Leader } },
        403,
        'OUTSIDE_YOUR_GRID',
      ],
    ];
    for (const [what, client, gridId, body, status, code, field] of cases) {
      const response = await checkIn(client, gridId, body);
      expect({ what, status: response.status, code: response.body.code }).toEqual({ what, status, code });
      if (field) expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const [{ n }] = await platform.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM grid_registry.check_ins',
    );
    expect(n).toBe(2);

    await eventually('the two check-in events', async () => recorder.events(GridCheckedIn.type).length >= 2);
    await sleep(500);
    const checkedIn = recorder.events(GridCheckedIn.type);
    expect(checkedIn.map((e) => e.data)).toEqual(
      expect.arrayContaining([
        { tenantId, gridId: grids.m1, date: today, nothingToReport: true, matterCount: 0 },
        { tenantId, gridId: grids.m2, date: today, nothingToReport: false, matterCount: 2 },
      ]),
    );
    expect(checkedIn).toHaveLength(2);
    const published = JSON.stringify(recorder.messages.map((m) => m.value));
    for (const personal of ['刘鸣', '王芳', '楼道', '13800000010']) expect(published).not.toContain(personal);

    const pending = await dispatcher.get(`/v1/tenants/${tenantId}/zero-report/missing`);
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ date: today, status: 'pending', cutoffAt: new Date(cutoffAt).toISOString() });
    // Only the policy's levels (community, micro) owe a check-in: the street and the level-3 grid are not listed.
    expect(pending.body.grids.map((g: { gridId: string; status: string }) => [g.gridId, g.status])).toEqual([
      [grids.community, 'pending'],
      [grids.m3, 'pending'],
      [grids.m4, 'pending'],
    ]);
  });

  it('at the cut-off records and announces exactly the grids without a check-in, and closes the day', async () => {
    const missed = await eventually(
      'three missed check-ins',
      async () => missedEvents(tenantId).length >= 3 && missedEvents(tenantId),
      cutoffAt - Date.now() + 30_000,
      100,
    );
    const firstSeenAt = Date.now();
    expect(firstSeenAt).toBeGreaterThanOrEqual(cutoffAt);
    expect(missed.map((e) => e.data)).toEqual(
      expect.arrayContaining([
        { tenantId, gridId: grids.community, date: today, level: 'community' },
        { tenantId, gridId: grids.m3, date: today, level: 'micro' },
        { tenantId, gridId: grids.m4, date: today, level: 'micro' },
      ]),
    );
    expect(missed).toHaveLength(3);
    const keyOf = (gridId: string) =>
      recorder.messages.find((m) => m.event?.type === GridCheckInMissed.type && m.event.subject === gridId)?.key;
    expect(keyOf(grids.m3)).toBe(grids.m3);

    const after = await dispatcher.get(`/v1/tenants/${tenantId}/zero-report/missing?date=${today}`);
    expect(after.body.status).toBe('missed');
    expect(after.body.grids).toEqual([
      { gridId: grids.community, name: '桃源社区', code: expect.any(String), level: 'community', status: 'missed' },
      { gridId: grids.m3, name: '48号院', code: expect.any(String), level: 'micro', status: 'missed' },
      { gridId: grids.m4, name: '49号院', code: expect.any(String), level: 'micro', status: 'missed' },
    ]);

    const late = await checkIn(dispatcher, grids.m3, { nothingToReport: true, reportedBy: { name: '王芳' } });
    expect([late.status, late.body.code]).toEqual([422, 'CHECK_IN_AFTER_CUTOFF']);

    const history = await dispatcher.get(`/v1/tenants/${tenantId}/grids/${grids.m3}/check-ins`);
    expect(history.body).toEqual([{ date: today, status: 'missed', recordedAt: expect.any(String) }]);
    const m1History = await leaderOfM1.get(
      `/v1/tenants/${tenantId}/grids/${grids.m1}/check-ins?from=${today}&to=${today}`,
    );
    expect(m1History.body).toMatchObject([
      { date: today, status: 'checked-in', checkIn: { checkInId: expect.any(String), nothingToReport: true } },
    ]);
    const badRange = await dispatcher.get(
      `/v1/tenants/${tenantId}/grids/${grids.m1}/check-ins?from=${today}&to=${yesterdayOf(today)}`,
    );
    expect([badRange.status, badRange.body.code, badRange.body.details]).toEqual([
      400,
      'VALIDATION_FAILED',
      [{ field: 'from', reason: 'from must not be after to' }],
    ]);

    // The next cut-off is planned for tomorrow, once — the big district's as soon as its own (larger) cut-off commits.
    const tomorrow = shanghai(cutoffAt + 24 * 60 * MINUTE).date;
    const nextTimers = () =>
      platform.database.query<{ tenant: string; date: string }>(
        `SELECT aggregate_id AS tenant, payload->>'date' AS date FROM grid_registry.durable_timers WHERE kind = 'zero-report.cutoff' ORDER BY 1`,
      );
    await eventually(
      'the big district to close its day too',
      async () => (await nextTimers()).every((timer) => timer.date === tomorrow),
      60_000,
      100,
    );
    expect(await nextTimers()).toEqual([
      { tenant: bigTenant, date: tomorrow },
      { tenant: tenantId, date: tomorrow },
    ]);
    expect((await dispatcher.get(`/v1/tenants/${tenantId}/zero-report-policy`)).body.nextCutoff.date).toBe(tomorrow);

    // Scale: 5,000 micro-grids missed at the same cut-off, one INSERT … SELECT … RETURNING and 5,000 outbox rows.
    await eventually(
      `${BIG_DISTRICT_GRIDS} missed events of the big district`,
      async () => missedEvents(bigTenant).length >= BIG_DISTRICT_GRIDS,
      60_000,
      100,
    );
    const allRelayedAt = Date.now();
    const [closing] = await platform.database.query<{ missed: number; processing: number; lag: number }>(
      `SELECT missed_count AS missed, processing_ms AS processing, (extract(epoch FROM closed_at - cutoff_at) * 1000)::int AS lag
         FROM grid_registry.check_in_day_closings WHERE tenant_id = $1`,
      [bigTenant],
    );
    expect(closing.missed).toBe(BIG_DISTRICT_GRIDS);
    expect(new Set(missedEvents(bigTenant).map((e) => e.subject)).size).toBe(BIG_DISTRICT_GRIDS);
    console.log(
      `zero-report cut-off for ${BIG_DISTRICT_GRIDS} grids: closed ${closing.lag} ms after the cut-off instant, ` +
        `${closing.processing} ms in the cut-off transaction (insert + ${BIG_DISTRICT_GRIDS} outbox rows); ` +
        `all ${BIG_DISTRICT_GRIDS} events on Kafka ${allRelayedAt - cutoffAt} ms after the cut-off`,
    );
  }, 240_000);

  it('emits nothing again when grid-registry restarts or the same cut-off timer fires a second time', async () => {
    const before = recorder.events(GridCheckInMissed.type).length;
    const service = platform.services['grid-registry'];
    await service.stop();
    // A duplicate of the cut-off that already ran (same date, same policy version), due now.
    await platform.database.query(
      `INSERT INTO grid_registry.durable_timers (tenant_id, kind, aggregate_id, due_at, payload)
       SELECT tenant_id, 'zero-report.cutoff', tenant_id, now(), jsonb_build_object('date', $2::text, 'policyVersion', version)
         FROM grid_registry.zero_report_policies WHERE tenant_id = $1`,
      [tenantId, today],
    );
    await service.start();
    await eventually('the duplicate timer to fire', async () => {
      const [{ n }] = await platform.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM grid_registry.durable_timers WHERE kind = 'zero-report.cutoff' AND payload->>'date' = $1`,
        [today],
      );
      return n === 0;
    });
    await sleep(3_000);
    expect(recorder.events(GridCheckInMissed.type)).toHaveLength(before);
    const [{ n }] = await platform.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM grid_registry.missed_check_ins WHERE tenant_id = $1`,
      [tenantId],
    );
    expect(n).toBe(3);
    const pending = await platform.database.query<{ tenant: string }>(
      `SELECT aggregate_id AS tenant FROM grid_registry.durable_timers WHERE kind = 'zero-report.cutoff' ORDER BY 1`,
    );
    expect(pending).toEqual([{ tenant: bigTenant }, { tenant: tenantId }]);
  });
});

function yesterdayOf(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 24 * 60 * MINUTE).toISOString().slice(0, 10);
}

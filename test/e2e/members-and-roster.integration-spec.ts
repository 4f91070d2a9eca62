import {
  DutyRosterChanged,
  GridStateChanged,
  MemberContactsChanged,
  MemberStateChanged,
  Topics,
} from '@gridline/contracts';
import { eventually, httpClient, HttpResult } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

type Client = ReturnType<typeof httpClient>;

/**
 * People and roles per grid and the weekly duty roster, with grid-registry as a real process on the real
 * database and broker: members of several roles, one active leader, memberships ended (never deleted), a roster
 * with a night split at 24:00 and who is on duty at a few instants; bad requests answer 4xx with a code and store
 * nothing; phones appear on the internal contacts topic only (and on the logged contact route: personal-data spec).
 */
describe('members and duty roster', () => {
  const tenantId = 'mr-erqi';
  const otherTenant = 'mr-jinshui';
  const phones = {
    leader: '13800000101',
    worker: '13800000102',
    hub: '13800000103',
    volunteer: '13800000104',
    foreign: '13800000105',
  };
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let baseUrl: string;
  let city: Client;
  let admin: Client;
  let resident: Client;
  const grids = { street: '', community: '', m1: '', m2: '', foreign: '' };
  const members = { leader: '', worker: '', hub: '', volunteer: '', merchant: '', foreign: '' };

  beforeAll(async () => {
    platform = await startPlatform('members', ['grid-registry']);
    baseUrl = platform.services['grid-registry'].baseUrl;
    const base = httpClient(baseUrl);
    city = base.as(await as.cityAdmin());
    admin = base.as(await as.districtAdmin(tenantId));
    resident = base.as(await as.resident(tenantId));
    recorder = await new EventRecorder(EventRecorder.kafka()).start(
      [Topics.memberState, Topics.memberContacts, Topics.dutyRoster, Topics.gridState].map((topic) =>
        platform.topic(topic.name),
      ),
    );
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  /** The harness client has no DELETE; this one does. */
  async function del(token: string, path: string): Promise<HttpResult> {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async function grid(tenant: string, body: Record<string, unknown>): Promise<string> {
    const response = await city.post(`/v1/tenants/${tenant}/grids`, body);
    expect(response.status).toBe(201);
    return response.body.gridId;
  }

  const membersPath = (gridId: string, tenant = tenantId) => `/v1/tenants/${tenant}/grids/${gridId}/members`;
  const rosterPath = (gridId: string, tenant = tenantId) => `/v1/tenants/${tenant}/grids/${gridId}/roster`;
  const onDutyAt = async (at: string) => {
    const response = await admin.get(`/v1/tenants/${tenantId}/grids/${grids.m1}/on-duty?at=${encodeURIComponent(at)}`);
    expect(response.status).toBe(200);
    return response.body as {
      weekday: number;
      localTime: string;
      timeZone: string;
      onDuty: Array<{ memberId: string; from: string; to: string }>;
    };
  };
  const memberRows = async () =>
    (await platform.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM grid_registry.members`))[0].n;

  it('adds members of several roles; a second leader is refused', async () => {
    for (const [id, code, name] of [
      [tenantId, '410103', '二七区'],
      [otherTenant, '410105', '金水区'],
    ]) {
      expect((await city.post('/v1/tenants', { tenantId: id, divisionCode: code, name })).status).toBe(201);
    }
    grids.street = await grid(tenantId, { level: 'street', parentId: null, name: '淮河路街道' });
    grids.community = await grid(tenantId, { level: 'community', parentId: grids.street, name: '桃源社区' });
    grids.m1 = await grid(tenantId, { level: 'micro', parentId: grids.community, name: '47号院' });
    grids.m2 = await grid(tenantId, { level: 'micro', parentId: grids.community, name: '48号院' });
    const foreignStreet = await grid(otherTenant, { level: 'street', parentId: null, name: '经八路街道' });
    grids.foreign = await grid(otherTenant, { level: 'community', parentId: foreignStreet, name: '经八路社区' });

    const leader = await admin.post(membersPath(grids.m1), { name: '刘鸣', phone: phones.leader, role: 'leader' });
    expect(leader.status).toBe(201);
    expect(leader.body).toMatchObject({
      tenantId,
      gridId: grids.m1,
      name: '刘鸣',
      role: 'leader',
      hasPhone: true,
      active: true,
      endedAt: null,
      version: 1,
    });
    expect(leader.body).not.toHaveProperty('phone');
    members.leader = leader.body.memberId;
    // The first leader added here is the grid's leader too.
    expect((await admin.get(`/v1/tenants/${tenantId}/grids/${grids.m1}`)).body.leader).toEqual({
      memberId: members.leader,
      name: '刘鸣',
    });

    // The community's worker may add people to the micro-grids below it.
    const communityWorker = httpClient(baseUrl, await as.worker(tenantId, grids.community));
    const worker = await communityWorker.post(membersPath(grids.m1), {
      name: '王芳',
      phone: phones.worker,
      role: 'worker',
    });
    expect(worker.status).toBe(201);
    members.worker = worker.body.memberId;
    members.hub = (
      await admin.post(membersPath(grids.m1), {
        name: '张建国',
        phone: phones.hub,
        role: 'party-hub',
        note: '3号楼一单元',
      })
    ).body.memberId;
    members.volunteer = (
      await admin.post(membersPath(grids.m1), { name: '李娜', phone: phones.volunteer, role: 'volunteer' })
    ).body.memberId;
    members.merchant = (await admin.post(membersPath(grids.m1), { name: '老王烩面', role: 'merchant' })).body.memberId;
    const jinshuiAdmin = httpClient(baseUrl, await as.districtAdmin(otherTenant));
    members.foreign = (
      await jinshuiAdmin.post(membersPath(grids.foreign, otherTenant), {
        name: '赵强',
        phone: phones.foreign,
        role: 'worker',
      })
    ).body.memberId;
    expect(Object.values(members).every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);

    const second = await admin.post(membersPath(grids.m1), { name: '孙磊', role: 'leader' });
    expect(second).toMatchObject({ status: 409, body: { code: 'LEADER_EXISTS' } });

    const list = await admin.get(membersPath(grids.m1));
    expect(list.status).toBe(200);
    expect(list.body.map((m: { role: string }) => m.role)).toEqual([
      'leader',
      'worker',
      'party-hub',
      'volunteer',
      'merchant',
    ]);
    expect(JSON.stringify(list.body)).not.toMatch(/1380000010/);
    expect(list.body.find((m: { role: string }) => m.role === 'party-hub')).toMatchObject({
      name: '张建国',
      note: '3号楼一单元',
      hasPhone: true,
    });
  });

  it('refuses bad member requests with a code and stores nothing', async () => {
    const before = await memberRows();
    const leaderOfM1 = httpClient(baseUrl, await as.leader(tenantId, grids.m1));
    const refused: Array<[string, Promise<HttpResult>, number, string]> = [
      [
        "another district's grid",
        admin.post(membersPath(grids.foreign), { name: '钱多', role: 'worker' }),
        404,
        'GRID_NOT_FOUND',
      ],
      [
        'an unknown grid',
        admin.post(membersPath('00000000-0000-4000-8000-000000000000'), { name: '钱多', role: 'worker' }),
        404,
        'GRID_NOT_FOUND',
      ],
      ['a resident', resident.post(membersPath(grids.m1), { name: '钱多', role: 'volunteer' }), 403, 'FORBIDDEN_ROLE'],
      [
        'a leader above their grid',
        leaderOfM1.post(membersPath(grids.community), { name: '钱多', role: 'worker' }),
        403,
        'OUTSIDE_YOUR_GRID',
      ],
      [
        'a leader beside themselves',
        leaderOfM1.post(membersPath(grids.m2), { name: '钱多', role: 'worker' }),
        403,
        'OUTSIDE_YOUR_GRID',
      ],
      ['an unknown role', admin.post(membersPath(grids.m1), { name: '钱多', role: 'mayor' }), 400, 'VALIDATION_FAILED'],
      [
        'a bad phone',
        admin.post(membersPath(grids.m1), { name: '钱多', role: 'worker', phone: 'call me' }),
        400,
        'VALIDATION_FAILED',
      ],
      ['a blank name', admin.post(membersPath(grids.m1), { name: '  ', role: 'worker' }), 400, 'VALIDATION_FAILED'],
    ];
    for (const [what, call, status, code] of refused) {
      const response = await call;
      expect({ what, status: response.status, code: response.body.code }).toEqual({ what, status, code });
    }
    expect((await resident.get(membersPath(grids.m1))).status).toBe(403);
    expect(await memberRows()).toBe(before);
  });

  it('sets a weekly roster and answers who is on duty at a few instants (Asia/Shanghai)', async () => {
    const shifts = [
      { memberId: members.worker, weekday: 1, from: '08:00', to: '12:00' },
      { memberId: members.worker, weekday: 1, from: '12:00', to: '18:00' },
      { memberId: members.hub, weekday: 1, from: '09:00', to: '17:00' },
      // A night across midnight, split at 24:00.
      { memberId: members.volunteer, weekday: 1, from: '22:00', to: '24:00' },
      { memberId: members.volunteer, weekday: 2, from: '00:00', to: '06:00' },
    ];
    const set = await admin.put(rosterPath(grids.m1), { shifts });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ gridId: grids.m1, timeZone: 'Asia/Shanghai', version: 1 });
    expect(set.body.shifts).toHaveLength(5);
    // The same roster in another order changes nothing.
    expect((await admin.put(rosterPath(grids.m1), { shifts: [...shifts].reverse() })).body.version).toBe(1);

    // 2025-06-30 is a Monday.
    const morning = await onDutyAt('2025-06-30T02:30:00Z'); // 10:30 in Shanghai
    expect(morning).toMatchObject({ weekday: 1, localTime: '10:30', timeZone: 'Asia/Shanghai' });
    expect(morning.onDuty.map((d) => d.memberId).sort()).toEqual([members.worker, members.hub].sort());
    // Back-to-back shifts: at 12:00 the worker's afternoon shift counts, not the morning one.
    expect((await onDutyAt('2025-06-30T12:00:00+08:00')).onDuty).toEqual([
      expect.objectContaining({ memberId: members.hub, from: '09:00', to: '17:00' }),
      expect.objectContaining({ memberId: members.worker, from: '12:00', to: '18:00' }),
    ]);
    expect((await onDutyAt('2025-06-30T23:15:00+08:00')).onDuty).toEqual([
      expect.objectContaining({ memberId: members.volunteer, name: '李娜', role: 'volunteer' }),
    ]);
    expect((await onDutyAt('2025-07-01T01:00:00+08:00')).onDuty).toEqual([
      expect.objectContaining({ memberId: members.volunteer, from: '00:00', to: '06:00' }),
    ]);
    expect((await onDutyAt('2025-07-01T10:00:00+08:00')).onDuty).toEqual([]);
    expect((await admin.get(`/v1/tenants/${tenantId}/grids/${grids.m1}/on-duty?at=yesterday`)).body.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('refuses a bad roster with a code and keeps the one it had', async () => {
    const ok = { memberId: members.worker, weekday: 3, from: '08:00', to: '12:00' };
    const refused: Array<[string, Promise<HttpResult>, number, string, string?]> = [
      [
        'end before start',
        admin.put(rosterPath(grids.m1), { shifts: [ok, { ...ok, weekday: 4, from: '18:00', to: '09:00' }] }),
        422,
        'SHIFT_ENDS_BEFORE_START',
        'shifts[1].to',
      ],
      [
        'a member of another grid',
        admin.put(rosterPath(grids.m2), { shifts: [ok] }),
        422,
        'NOT_A_MEMBER_OF_GRID',
        'shifts[0].memberId',
      ],
      [
        'a member of another district',
        admin.put(rosterPath(grids.m1), { shifts: [{ ...ok, memberId: members.foreign }] }),
        422,
        'NOT_A_MEMBER_OF_GRID',
        'shifts[0].memberId',
      ],
      [
        'overlapping shifts',
        admin.put(rosterPath(grids.m1), { shifts: [ok, { ...ok, from: '11:00', to: '13:00' }] }),
        422,
        'SHIFTS_OVERLAP',
        'shifts[1]',
      ],
      ["another district's grid", admin.put(rosterPath(grids.foreign), { shifts: [] }), 404, 'GRID_NOT_FOUND'],
      ['a resident', resident.put(rosterPath(grids.m1), { shifts: [] }), 403, 'FORBIDDEN_ROLE'],
      [
        'weekday 8',
        admin.put(rosterPath(grids.m1), { shifts: [{ ...ok, weekday: 8 }] }),
        400,
        'VALIDATION_FAILED',
        'shifts.0.weekday',
      ],
      [
        'a time that is not HH:mm',
        admin.put(rosterPath(grids.m1), { shifts: [{ ...ok, to: '8pm' }] }),
        400,
        'VALIDATION_FAILED',
        'shifts.0.to',
      ],
    ];
    for (const [what, call, status, code, field] of refused) {
      const response = await call;
      expect({ what, status: response.status, code: response.body.code }).toEqual({ what, status, code });
      if (field) expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await admin.get(rosterPath(grids.m1))).body).toMatchObject({ version: 1 });
    expect(await platform.database.query(`SELECT grid_id FROM grid_registry.duty_rosters`)).toEqual([
      { grid_id: grids.m1 },
    ]);
  });

  it("ends a membership without deleting it: the row stays, the phone waits for the district's retention period, the roster loses the shifts", async () => {
    const ended = await del(await as.districtAdmin(tenantId), `${membersPath(grids.m1)}/${members.volunteer}`);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      memberId: members.volunteer,
      active: false,
      hasPhone: true,
      phoneErasedAt: null,
      version: 2,
    });
    expect(ended.body.endedAt).not.toBeNull();
    // Again: the same answer, nothing new.
    expect((await del(await as.districtAdmin(tenantId), `${membersPath(grids.m1)}/${members.volunteer}`)).body).toEqual(
      ended.body,
    );

    const [row] = await platform.database.query<{ name: string; phone: string | null; ended: boolean }>(
      `SELECT name, phone, ended_at IS NOT NULL AS ended FROM grid_registry.members WHERE id = $1`,
      [members.volunteer],
    );
    // Erased by a timer 180 days (the default period) after the end: personal-data.integration-spec.ts.
    expect(row).toEqual({ name: '李娜', phone: phones.volunteer, ended: true });
    expect((await admin.get(membersPath(grids.m1))).body.map((m: { memberId: string }) => m.memberId)).not.toContain(
      members.volunteer,
    );
    const history = (await admin.get(`${membersPath(grids.m1)}?includeEnded=true`)).body;
    expect(history.find((m: { memberId: string }) => m.memberId === members.volunteer)).toMatchObject({
      active: false,
    });

    const roster = (await admin.get(rosterPath(grids.m1))).body;
    expect(roster.version).toBe(2);
    expect(roster.shifts.map((s: { memberId: string }) => s.memberId)).not.toContain(members.volunteer);
    expect((await onDutyAt('2025-06-30T23:15:00+08:00')).onDuty).toEqual([]);

    const admin2 = await as.districtAdmin(tenantId);
    expect((await del(admin2, `${membersPath(grids.m1)}/${members.leader}`)).body.code).toBe('LEADER_MUST_BE_REPLACED');
    expect(await del(admin2, `${membersPath(grids.m1)}/${members.foreign}`)).toMatchObject({
      status: 404,
      body: { code: 'MEMBER_NOT_FOUND' },
    });
    expect(await del(admin2, `${membersPath(grids.m2)}/${members.worker}`)).toMatchObject({
      status: 404,
      body: { code: 'MEMBER_NOT_FOUND' },
    });
    expect((await del(await as.resident(tenantId), `${membersPath(grids.m1)}/${members.worker}`)).status).toBe(403);
    expect(
      (
        await platform.database.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM grid_registry.members WHERE ended_at IS NOT NULL`,
        )
      )[0].n,
    ).toBe(1);
  });

  it('publishes members and rosters without a phone; phones only on the internal contacts topic', async () => {
    const publicTopics = new Set(
      [Topics.memberState, Topics.dutyRoster, Topics.gridState].map((t) => platform.topic(t.name)),
    );
    const contactsTopic = platform.topic(Topics.memberContacts.name);
    // The last events of the run: the ended volunteer's state and contacts, and the roster without them.
    await recorder.waitForEvent(
      'the ended volunteer on the member-state topic',
      (e) =>
        e.type === MemberStateChanged.type &&
        e.subject === members.volunteer &&
        (e.data as { active: boolean }).active === false,
    );
    await recorder.waitForEvent(
      'the ended volunteer on the contacts topic',
      (e) =>
        e.type === MemberContactsChanged.type &&
        e.subject === members.volunteer &&
        (e.data as { active: boolean }).active === false,
    );
    await recorder.waitForEvent(
      'the roster without the volunteer',
      (e) => e.type === DutyRosterChanged.type && (e.data as { version: number }).version === 2,
    );

    const everyPhone = new RegExp(Object.values(phones).join('|'));
    const publicMessages = recorder.messages.filter((m) => publicTopics.has(m.topic));
    expect(publicMessages.length).toBeGreaterThan(0);
    expect(publicMessages.filter((m) => everyPhone.test(`${m.value} ${JSON.stringify(m.headers)}`))).toEqual([]);
    const contacts = recorder.messages.filter((m) => m.topic === contactsTopic);
    for (const phone of [phones.leader, phones.worker, phones.hub, phones.volunteer])
      expect(contacts.some((m) => m.value?.includes(phone))).toBe(true);

    const states = recorder.events(MemberStateChanged.type).filter((e) => e.tenantid === tenantId);
    const stateOf = (id: string) =>
      states.filter((e) => e.subject === id).map((e) => e.data as Record<string, unknown>);
    expect(stateOf(members.leader)).toEqual([
      { memberId: members.leader, tenantId, gridId: grids.m1, role: 'leader', name: '刘鸣', active: true, version: 1 },
    ]);
    expect(stateOf(members.worker)[0]).toMatchObject({ role: 'worker', name: '王芳' });
    // Residents' names are private: a party-member hub, merchant or volunteer is published without one.
    for (const id of [members.hub, members.merchant, members.volunteer])
      expect(stateOf(id).every((d) => !('name' in d))).toBe(true);
    expect(stateOf(members.volunteer).map((d) => [d.active, d.version])).toEqual([
      [true, 1],
      [false, 2],
    ]);
    const volunteerContacts = recorder
      .events(MemberContactsChanged.type)
      .filter((e) => e.subject === members.volunteer)
      .map((e) => e.data);
    expect(volunteerContacts).toEqual([
      expect.objectContaining({ name: '李娜', phone: phones.volunteer, active: true }),
      expect.objectContaining({ name: '李娜', phone: phones.volunteer, active: false }),
    ]);
    const rosters = recorder
      .events(DutyRosterChanged.type)
      .filter((e) => e.subject === grids.m1)
      .map((e) => e.data as { version: number; shifts: unknown[] });
    expect(rosters.map((r) => [r.version, r.shifts.length])).toEqual([
      [1, 5],
      [2, 3],
    ]);
    await eventually('the grid state naming its leader', async () =>
      recorder
        .events(GridStateChanged.type)
        .find(
          (e) =>
            e.subject === grids.m1 &&
            (e.data as { leader: { memberId: string } | null }).leader?.memberId === members.leader,
        ),
    );
  });
});

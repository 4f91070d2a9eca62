import {
  HoursCredited,
  IssueDispatched,
  IssueEscalated,
  OfferDeclined,
  OfferExpired,
  RequestOffered,
  RequestUnfilled,
  TaskAccepted,
  TaskCheckedIn,
  TaskCheckedOut,
  TaskCompleted,
  TaskOffered,
  TaskUnmatched,
  Topics,
  VolunteerRegistered,
} from '@gridline/contracts';
import { CloudEvent } from '@gridline/contracts';
import { eventually, httpClient, sleep } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as, token } from '../support/tokens';

/**
 * Volunteer coordination on the real broker and database, with grid-registry feeding the grid replica and
 * issue-dispatch producing the issue events: registration and its bad input, ranking by closeness, decline and
 * expiry handing the place on (expiry across a restart), nobody left, a grid leader's direct request,
 * accept → check-in → check-out → complete → hours, corrections, totals, CSV, and tenancy from the wrong side.
 */
describe('volunteers: registration, matching, offers and the hours ledger', () => {
  const tenantId = 'vol-a';
  const otherTenant = 'vol-b';
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let registry: ReturnType<typeof httpClient>;
  let dispatch: ReturnType<typeof httpClient>;
  let vc: ReturnType<typeof httpClient>;
  const grid: Record<string, string> = {};
  const base = `/v1/tenants/${tenantId}`;

  beforeAll(async () => {
    platform = await startPlatform('volunteers', ['grid-registry', 'issue-dispatch', 'volunteer-coordination']);
    const admin = await as.districtAdmin(tenantId);
    registry = httpClient(platform.services['grid-registry'].baseUrl, admin);
    dispatch = httpClient(platform.services['issue-dispatch'].baseUrl, admin);
    vc = httpClient(platform.services['volunteer-coordination'].baseUrl, admin);
    recorder = await new EventRecorder(EventRecorder.kafka()).start(
      [Topics.issueEvents.name, Topics.taskOffers.name, Topics.volunteerEvents.name].map((t) => platform.topic(t)),
    );

    const city = registry.as(await as.cityAdmin());
    expect((await city.post('/v1/tenants', { tenantId, divisionCode: '410103', name: '二七区' })).status).toBe(201);
    expect(
      (await city.post('/v1/tenants', { tenantId: otherTenant, divisionCode: '410105', name: '金水区' })).status,
    ).toBe(201);
    const create = async (key: string, body: Record<string, unknown>, district = tenantId, client = registry) => {
      const response = await client.post(`/v1/tenants/${district}/grids`, body);
      expect({ key, status: response.status, body: response.status === 201 ? null : response.body }).toEqual({
        key,
        status: 201,
        body: null,
      });
      grid[key] = response.body.gridId;
    };
    await create('street', { level: 'street', parentId: null, name: '大学路街道' });
    await create('community', { level: 'community', parentId: grid.street, name: '桃源社区' });
    await create('level3', { level: 'grid', parentId: grid.community, name: '第一网格' });
    await create('level3b', { level: 'grid', parentId: grid.community, name: '第二网格' });
    await create('micro47', { level: 'micro', parentId: grid.level3, name: '47号院' });
    await create('micro48', { level: 'micro', parentId: grid.level3, name: '48号院' });
    await create('micro90', { level: 'micro', parentId: grid.level3b, name: '90号院' });
    const otherAdmin = registry.as(await as.districtAdmin(otherTenant));
    await create('otherStreet', { level: 'street', parentId: null, name: '花园路街道' }, otherTenant, otherAdmin);
    await create(
      'otherCommunity',
      { level: 'community', parentId: grid.otherStreet, name: '花园社区' },
      otherTenant,
      otherAdmin,
    );
    await create(
      'otherMicro',
      { level: 'micro', parentId: grid.otherCommunity, name: '1号院' },
      otherTenant,
      otherAdmin,
    );

    // Acknowledgement windows long enough that nothing escalates during the test.
    const slow = { micro: 3600, grid: 3600, community: 3600, street: 3600, district: 3600, city: 3600 };
    for (const [category, skill] of [
      ['elderly-help', 'elderly-care'],
      ['minor-injury', 'first-aid'],
      ['leaking-pipe', 'plumbing'],
    ]) {
      await eventually(
        `dispatch to know ${tenantId}`,
        async () =>
          (await dispatch.put(`${base}/categories/${category}`, { name: category, ackWithinSeconds: slow })).status ===
          200,
      );
      await eventually(
        `volunteers to know ${tenantId}`,
        async () => (await vc.put(`${base}/help-categories/${category}`, { skill })).status === 200,
      );
    }
    await eventually(
      'dispatch to take the quick category',
      async () =>
        (
          await dispatch.put(`${base}/categories/power-cut`, {
            name: 'power-cut',
            ackWithinSeconds: { ...slow, micro: 6 },
          })
        ).status === 200,
    );
    expect((await vc.put(`${base}/help-categories/power-cut`, { skill: 'electrical' })).status).toBe(200);
    await eventually(
      'volunteers to know the last grid',
      async () => (await vc.get(`${base}/volunteers`)).status === 200 && (await registerable(grid.micro90)),
    );
    await eventually(
      'volunteers to know the other district',
      async () => await registerable(grid.otherMicro, otherTenant),
    );
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  /** The replica has the grid once a registration naming an unknown team gets past the grid check (and stores nothing). */
  async function registerable(gridId: string, district = tenantId): Promise<boolean> {
    const probe = await vc.as(await as.cityAdmin()).post(`/v1/tenants/${district}/volunteers`, {
      name: 'probe',
      homeGridId: gridId,
      skills: ['first-aid'],
      teamId: '00000000-0000-4000-8000-00000000beef',
    });
    return probe.status === 422 && probe.body.code === 'UNKNOWN_TEAM';
  }

  async function register(body: Record<string, unknown>): Promise<string> {
    const response = await vc.post(`${base}/volunteers`, body);
    expect(response.status).toBe(201);
    return response.body.id;
  }

  async function report(category: string, gridId: string): Promise<string> {
    const resident = dispatch.as(await as.resident(tenantId));
    const response = await eventually('dispatch to know the grid', async () => {
      const r = await resident.post(`${base}/issues`, {
        category,
        gridId,
        description: `需要帮助 ${category}`,
        reporter: { name: '王阿姨', phone: '13700000001' },
      });
      return r.status === 201 ? r : undefined;
    });
    return response.body.id;
  }

  const ofIssue = (type: string, issueId: string) => recorder.events(type).filter((e) => e.subject === issueId);
  const waitFor = async (
    what: string,
    type: string,
    match: (e: CloudEvent<any>) => boolean,
    timeoutMs?: number,
  ): Promise<CloudEvent<any>> =>
    recorder.waitForEvent(what, (e) => e.type === type && match(e as CloudEvent<any>), timeoutMs);
  const count = async (sql: string, params: unknown[] = []) =>
    (
      await platform.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM volunteer_coordination.${sql}`,
        params,
      )
    )[0].n;

  it('registers a volunteer with kind, skill levels, certificate, availability, cap, consent and team — and publishes no name or phone', async () => {
    const team = await vc.post(`${base}/teams`, { name: '黄河科技学院 社工2301班', kind: 'university-class' });
    expect(team.status).toBe(201);
    const response = await vc.post(`${base}/volunteers`, {
      name: '李同学',
      phone: '13900000042',
      kind: 'student',
      homeGridId: grid.micro90,
      skills: [
        'tutoring',
        { skill: 'first-aid', level: 'skilled', certificateId: 'RC-42', certificateExpiresOn: '2030-01-01' },
      ],
      availability: {
        weekly: [{ weekday: 6, from: '09:00', to: '12:00' }],
        exceptions: [{ kind: 'unavailable', fromDate: '2030-07-01', toDate: '2030-07-14' }],
      },
      weeklyTaskCap: 2,
      consentToContact: true,
      teamId: team.body.id,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'student',
      teamId: team.body.id,
      skills: ['tutoring', 'first-aid'],
      skillClaims: [
        { skill: 'tutoring', level: 1, certificateId: null },
        { skill: 'first-aid', level: 2, certificateId: 'RC-42', certificateExpiresOn: '2030-01-01' },
      ],
      weeklyTaskCap: 2,
      consentToContact: true,
    });
    expect(JSON.stringify(response.body)).not.toContain('13900000042');
    const registered = await waitFor(
      'registration announced',
      VolunteerRegistered.type,
      (e) => e.data.volunteerId === response.body.id,
    );
    expect(registered.data).toMatchObject({ kind: 'student', teamId: team.body.id, homeGridId: grid.micro90 });
    expect(JSON.stringify(registered.data)).not.toMatch(/13900000042|李同学/);
    expect((await vc.get(`${base}/teams/${team.body.id}`)).body.members).toBe(1);
    // Staff see the phone only because the volunteer consented; a sibling grid's leader does not.
    expect((await vc.get(`${base}/volunteers/${response.body.id}/contact`)).body.phone).toBe('13900000042');
    const sibling = await vc
      .as(await as.leader(tenantId, grid.level3))
      .get(`${base}/volunteers/${response.body.id}/contact`);
    expect(sibling.status).toBe(403);
    // The read that showed the phone is on the auditor's log, once; the refused one is not.
    const log = await vc.as(await as.auditor(tenantId)).get(`${base}/contact-access-log?memberId=${response.body.id}`);
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        memberId: response.body.id,
        fields: ['name', 'phone'],
        purpose: 'volunteer-contact',
        route: 'GET /v1/tenants/:tenantId/volunteers/:volunteerId/contact',
      }),
    ]);
    expect((await vc.get(`${base}/contact-access-log`)).status).toBe(403);
  });

  it('lets the volunteer or their grid change availability, cap and consent, refusing bad windows without changing anything', async () => {
    const id = await register({
      name: '赵同学',
      homeGridId: grid.micro90,
      skills: ['tutoring'],
      accountSubject: 'resident:zhao',
    });
    const patch = async (bearer: string, body: unknown) => {
      const response = await fetch(`${platform.services['volunteer-coordination'].baseUrl}${base}/volunteers/${id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    const himself = await token({ sub: 'resident:zhao', tenant: tenantId, roles: [{ role: 'resident' }] });
    const weekends = {
      weekly: [
        { weekday: 6, from: '09:00', to: '17:00' },
        { weekday: 7, from: '09:00', to: '12:00' },
      ],
    };
    const changed = await patch(himself, { availability: weekends, weeklyTaskCap: 1, consentToContact: true });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      availability: { weekly: weekends.weekly, exceptions: [] },
      weeklyTaskCap: 1,
      consentToContact: true,
    });

    const backwards = await patch(himself, {
      availability: { weekly: [{ weekday: 6, from: '17:00', to: '09:00' }] },
      weeklyTaskCap: 5,
    });
    expect([backwards.status, backwards.body.code, backwards.body.details[0].field]).toEqual([
      422,
      'INVALID_AVAILABILITY',
      'availability.weekly[0].to',
    ]);
    expect((await patch(await as.resident(tenantId, 'resident:not-zhao'), { weeklyTaskCap: 5 })).status).toBe(404);
    expect((await patch(await as.leader(tenantId, grid.level3), { weeklyTaskCap: 5 })).body.code).toBe(
      'OUTSIDE_YOUR_GRID',
    );
    expect((await vc.get(`${base}/volunteers/${id}`)).body).toMatchObject({
      weeklyTaskCap: 1,
      availability: { weekly: weekends.weekly },
    });
    expect((await patch(await as.leader(tenantId, grid.level3b), { weeklyTaskCap: 4 })).body.weeklyTaskCap).toBe(4);
  });

  it('refuses bad registrations with a 4xx naming the problem, and stores nothing', async () => {
    const before = await count('volunteers');
    // The outbox's sequence counts every event ever written, even after the relay deleted the sent rows.
    const eventsWritten = async () =>
      (
        await platform.database.query<{ n: number }>(
          'SELECT last_value::int AS n FROM volunteer_coordination.outbox_seq_seq',
        )
      )[0].n;
    const outboxBefore = await eventsWritten();
    const valid = { name: '张', homeGridId: grid.micro47, skills: ['first-aid'] };
    const cases: Array<[string, Record<string, unknown>, number, string, string]> = [
      ['unknown skill', { ...valid, skills: ['first-aid', 'frist-aid'] }, 422, 'UNKNOWN_SKILL', 'skills[1].skill'],
      [
        'window ending before it starts',
        { ...valid, availability: { weekly: [{ weekday: 2, from: '18:00', to: '08:00' }] } },
        422,
        'INVALID_AVAILABILITY',
        'availability.weekly[0].to',
      ],
      [
        'exception running backwards',
        {
          ...valid,
          availability: {
            weekly: [],
            exceptions: [{ kind: 'unavailable', fromDate: '2026-07-10', toDate: '2026-07-01' }],
          },
        },
        422,
        'INVALID_AVAILABILITY',
        'availability.exceptions[0].toDate',
      ],
      ["another district's grid", { ...valid, homeGridId: grid.otherMicro }, 422, 'UNKNOWN_GRID', 'homeGridId'],
      ['unknown team', { ...valid, teamId: '00000000-0000-4000-8000-000000000000' }, 422, 'UNKNOWN_TEAM', 'teamId'],
      ['level 4', { ...valid, skills: [{ skill: 'first-aid', level: 4 }] }, 400, 'VALIDATION_FAILED', 'skills.0.level'],
      ['unknown kind', { ...valid, kind: 'alien' }, 400, 'VALIDATION_FAILED', 'kind'],
      ['no skills', { ...valid, skills: [] }, 400, 'VALIDATION_FAILED', 'skills'],
    ];
    for (const [what, body, status, code, field] of cases) {
      const response = await vc.post(`${base}/volunteers`, body);
      expect({ what, status: response.status, code: response.body.code }).toEqual({ what, status, code });
      expect({ what, fields: response.body.details.map((d: { field: string }) => d.field) }).toEqual({
        what,
        fields: expect.arrayContaining([field]),
      });
    }
    expect((await vc.put(`${base}/help-categories/broken-lamp`, { skill: 'lamp-whispering' })).body.code).toBe(
      'UNKNOWN_SKILL',
    );
    expect(await count('volunteers')).toBe(before);
    expect(await eventsWritten()).toBe(outboxBefore);
    expect(await count(`help_categories WHERE category = 'broken-lamp'`)).toBe(0);
  });

  it('offers the best candidate, hands the place on at each decline, and tells the grid when nobody is left', async () => {
    const nearest = await register({ name: '邻居', homeGridId: grid.micro47, skills: ['elderly-care'] });
    const sameLevel3 = await register({ name: '隔壁院', homeGridId: grid.micro48, skills: ['elderly-care'] });
    const sameCommunity = await register({ name: '二网格', homeGridId: grid.micro90, skills: ['elderly-care'] });
    await register({ name: '不会', homeGridId: grid.micro47, skills: ['cooking'] });
    await register({
      name: '出门了',
      homeGridId: grid.micro47,
      skills: ['elderly-care'],
      availability: { weekly: [], exceptions: [{ kind: 'unavailable', fromDate: '2020-01-01', toDate: '2099-12-31' }] },
    });

    const issueId = await report('elderly-help', grid.micro47);
    const first = await waitFor('first offer', TaskOffered.type, (e) => e.data.issueId === issueId);
    expect(first.data).toMatchObject({
      volunteerId: nearest,
      matchedGridId: grid.micro47,
      skill: 'elderly-care',
      issueGridId: grid.micro47,
    });
    expect(Date.parse(first.data.expiresAt) - Date.parse(first.data.offeredAt)).toBe(15 * 60 * 1000); // the default
    expect(JSON.stringify(first.data)).not.toContain('13700000001');

    const declined = await vc.post(`${base}/offers/${first.data.offerId}/decline`, { reason: '在上班' });
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe('declined');
    expect((await vc.post(`${base}/offers/${first.data.offerId}/accept`)).body.code).toBe('ILLEGAL_TRANSITION');
    const second = await waitFor(
      'second offer',
      TaskOffered.type,
      (e) => e.data.issueId === issueId && e.data.volunteerId !== nearest,
    );
    expect(second.data).toMatchObject({ volunteerId: sameLevel3, matchedGridId: grid.level3 });
    await waitFor('decline announced', OfferDeclined.type, (e) => e.data.offerId === first.data.offerId);

    await vc.post(`${base}/offers/${second.data.offerId}/decline`, {});
    const third = await waitFor(
      'third offer',
      TaskOffered.type,
      (e) => e.data.issueId === issueId && e.data.volunteerId === sameCommunity,
    );
    expect(third.data.matchedGridId).toBe(grid.community);
    await vc.post(`${base}/offers/${third.data.offerId}/decline`, {});

    const unmatched = await waitFor('nobody left', TaskUnmatched.type, (e) => e.data.issueId === issueId);
    expect(unmatched.data).toMatchObject({ issueGridId: grid.micro47, skill: 'elderly-care', asked: 3 });
    const [task] = (await vc.get(`${base}/tasks?issueId=${issueId}`)).body;
    expect(task).toMatchObject({ state: 'unfilled', source: 'issue', needed: 1 });
    expect(task.offers.map((o: { volunteerId: string; status: string }) => [o.volunteerId, o.status])).toEqual([
      [nearest, 'declined'],
      [sameLevel3, 'declined'],
      [sameCommunity, 'declined'],
    ]);
    // Every step of the case carries the issue's correlation id, keyed by the issue.
    const dispatched = (await waitFor('dispatched', IssueDispatched.type, (e) => e.subject === issueId)).correlationid;
    const steps = [
      ...ofIssue(TaskOffered.type, issueId),
      ...ofIssue(OfferDeclined.type, issueId),
      ...ofIssue(TaskUnmatched.type, issueId),
    ];
    expect(steps).toHaveLength(7);
    expect(steps.every((e) => e.correlationid === dispatched)).toBe(true);
    expect(ofIssue(TaskUnmatched.type, issueId)).toHaveLength(1);
  });

  it('tries an unfilled issue again when it escalates, and finds a volunteer who registered meanwhile', async () => {
    const issueId = await report('power-cut', grid.micro47);
    const unmatched = await waitFor('nobody at first', TaskUnmatched.type, (e) => e.data.issueId === issueId);
    expect(unmatched.data).toMatchObject({ skill: 'electrical', asked: 0 });
    const electrician = await register({
      name: '电工',
      homeGridId: grid.micro48,
      skills: [{ skill: 'electrical', level: 3 }],
    });
    await waitFor('the escalation', IssueEscalated.type, (e) => e.subject === issueId);
    const offer = await waitFor('an offer after the escalation', TaskOffered.type, (e) => e.data.issueId === issueId);
    expect(offer.data).toMatchObject({
      volunteerId: electrician,
      issueGridId: grid.micro47,
      matchedGridId: grid.level3,
    });
    const tasks = (await vc.get(`${base}/tasks?issueId=${issueId}`)).body;
    expect(tasks).toHaveLength(1); // the same task, tried again
    expect(tasks[0].state).toBe('open');
  });

  it('lets an unanswered offer lapse and asks the next candidate, even across a restart of volunteer-coordination', async () => {
    expect((await vc.put(`${base}/volunteer-settings`, { offerExpirySeconds: 4 })).status).toBe(200);
    const first = await register({
      name: '水管工',
      homeGridId: grid.micro47,
      skills: [{ skill: 'plumbing', level: 3 }],
    });
    const next = await register({ name: '水管工二', homeGridId: grid.micro48, skills: ['plumbing'] });
    const issueId = await report('leaking-pipe', grid.micro47);
    const offer = await waitFor('the offer', TaskOffered.type, (e) => e.data.issueId === issueId);
    expect(offer.data.volunteerId).toBe(first);
    expect(Date.parse(offer.data.expiresAt) - Date.parse(offer.data.offeredAt)).toBe(4000);
    // Offers made from now on get the longer window again; this one keeps its 4 seconds.
    expect((await vc.put(`${base}/volunteer-settings`, { offerExpirySeconds: 900 })).status).toBe(200);

    const service = platform.services['volunteer-coordination'];
    await service.crash();
    expect(await count(`durable_timers WHERE aggregate_id = $1`, [offer.data.offerId])).toBe(1);
    await sleep(6_000); // the offer's deadline passes while the service is down
    expect(ofIssue(OfferExpired.type, issueId)).toHaveLength(0);
    await service.start();

    const expired = await waitFor('the lapse', OfferExpired.type, (e) => e.data.offerId === offer.data.offerId, 30_000);
    expect(expired.data.volunteerId).toBe(first);
    const nextOffer = await waitFor(
      'the next offer',
      TaskOffered.type,
      (e) => e.data.issueId === issueId && e.data.volunteerId === next,
    );
    expect((await vc.post(`${base}/offers/${offer.data.offerId}/accept`)).body.code).toBe('ILLEGAL_TRANSITION');
    // Answering stops the offer's timer with the answer, in one transaction.
    expect(await count(`durable_timers WHERE aggregate_id = $1`, [nextOffer.data.offerId])).toBe(1);
    expect((await vc.post(`${base}/offers/${nextOffer.data.offerId}/accept`)).status).toBe(200);
    expect(await count(`durable_timers WHERE aggregate_id = $1`, [nextOffer.data.offerId])).toBe(0);
    await sleep(2_000); // time for a duplicate firing of the first timer to show up
    expect(ofIssue(OfferExpired.type, issueId)).toHaveLength(1);
    expect(await count(`durable_timers WHERE aggregate_id = $1`, [offer.data.offerId])).toBe(0);
    expect((await vc.get(`${base}/offers/${nextOffer.data.offerId}`)).body.status).toBe('accepted');
    expect((await vc.get(`${base}/tasks?issueId=${issueId}`)).body[0].state).toBe('filled');
  });

  let completedVolunteer = '';
  let teamId = '';
  let creditEntry = '';

  it('takes an accepted task through check-in, check-out and completion, and credits the hours', async () => {
    teamId = (await vc.post(`${base}/teams`, { name: '桃源社区党支部', kind: 'party-branch' })).body.id;
    completedVolunteer = await register({
      name: '党员王',
      kind: 'party-member',
      homeGridId: grid.micro47,
      skills: [{ skill: 'first-aid', level: 2 }],
      teamId,
      accountSubject: 'resident:wang',
    });
    const issueId = await report('minor-injury', grid.micro47);
    const offer = await waitFor('the offer', TaskOffered.type, (e) => e.data.issueId === issueId);
    expect(offer.data.volunteerId).toBe(completedVolunteer);
    const offerId = offer.data.offerId;

    // The volunteer answers with their own account; completion is for the grid to confirm.
    const self = vc.as(await token({ sub: 'resident:wang', tenant: tenantId, roles: [{ role: 'resident' }] }));
    const stranger = vc.as(await as.resident(tenantId, 'resident:someone-else'));
    expect((await stranger.post(`${base}/offers/${offerId}/accept`)).status).toBe(404);
    expect((await self.post(`${base}/offers/${offerId}/check-in`)).body.code).toBe('ILLEGAL_TRANSITION');
    expect((await self.post(`${base}/offers/${offerId}/accept`)).body.status).toBe('accepted');
    expect((await self.post(`${base}/offers/${offerId}/check-in`)).body.status).toBe('checked-in');
    expect((await self.post(`${base}/offers/${offerId}/check-out`)).body.status).toBe('checked-out');
    expect((await self.post(`${base}/offers/${offerId}/complete`, {})).status).toBe(403);
    const leader = vc.as(await as.leader(tenantId, grid.level3));
    expect((await leader.post(`${base}/offers/${offerId}/complete`, { hours: 0.001 })).status).toBe(400);
    const completed = await leader.post(`${base}/offers/${offerId}/complete`, { hours: 1.5 });
    expect(completed.status).toBe(200);
    expect(completed.body.status).toBe('completed');
    expect((await leader.post(`${base}/offers/${offerId}/complete`, { hours: 1.5 })).body.code).toBe(
      'ILLEGAL_TRANSITION',
    );

    for (const type of [TaskAccepted.type, TaskCheckedIn.type, TaskCheckedOut.type])
      await waitFor(type, type, (e) => e.data.offerId === offerId);
    const done = await waitFor('completion', TaskCompleted.type, (e) => e.data.offerId === offerId);
    expect(done.subject).toBe(issueId); // issue-dispatch can put it in the issue's history by key
    expect(done.data).toMatchObject({ issueId, volunteerId: completedVolunteer, gridId: grid.micro47, hours: 1.5 });
    const credited = await waitFor('hours credited', HoursCredited.type, (e) => e.data.offerId === offerId);
    expect(credited.data).toMatchObject({
      volunteerId: completedVolunteer,
      hours: 1.5,
      kind: 'task',
      gridId: grid.micro47,
      teamId,
      issueId,
    });
    creditEntry = credited.data.entryId;
    const entries = (await vc.get(`${base}/hours/entries?volunteerId=${completedVolunteer}`)).body.items;
    expect(entries).toEqual([expect.objectContaining({ id: creditEntry, hours: 1.5, kind: 'task', offerId })]);
  });

  it('books corrections as new entries with a reason, never below zero, and keeps the ledger append-only', async () => {
    const correction = await vc.post(`${base}/hours/corrections`, {
      volunteerId: completedVolunteer,
      hours: -0.5,
      reason: '提前离开, 按"实际"计',
      correctsEntryId: creditEntry,
    });
    expect(correction.status).toBe(201);
    expect(correction.body).toMatchObject({
      kind: 'correction',
      hours: -0.5,
      correctsEntryId: creditEntry,
      gridId: grid.micro47,
      teamId,
    });
    const before = await count('hours_entries');
    const tooMuch = await vc.post(`${base}/hours/corrections`, {
      volunteerId: completedVolunteer,
      hours: -1.25,
      reason: '多扣了',
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('CORRECTION_NOT_ALLOWED');
    expect(
      (await vc.post(`${base}/hours/corrections`, { volunteerId: completedVolunteer, hours: -1, reason: 'x' })).status,
    ).toBe(400); // reason too short
    expect(
      (
        await vc
          .as(await as.leader(tenantId, grid.level3))
          .post(`${base}/hours/corrections`, { volunteerId: completedVolunteer, hours: 1, reason: '加点' })
      ).status,
    ).toBe(403);
    expect(await count('hours_entries')).toBe(before);
    await expect(
      platform.database.query(`UPDATE volunteer_coordination.hours_entries SET minutes = 600 WHERE id = $1`, [
        creditEntry,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      platform.database.query(`DELETE FROM volunteer_coordination.hours_entries WHERE id = $1`, [creditEntry]),
    ).rejects.toThrow(/append-only/);
    await waitFor(
      'correction announced',
      HoursCredited.type,
      (e) => e.data.kind === 'correction' && e.data.correctsEntryId === creditEntry,
    );
  });

  it('totals hours by volunteer, team and grid (a grid counts the grids below it), and exports the ledger as CSV', async () => {
    const byVolunteer = (await vc.get(`${base}/hours/totals?by=volunteer`)).body;
    expect(byVolunteer.totals).toEqual([{ key: completedVolunteer, hours: 1, entries: 2 }]);
    expect((await vc.get(`${base}/hours/totals?by=team`)).body.totals).toEqual([{ key: teamId, hours: 1, entries: 2 }]);
    expect((await vc.get(`${base}/hours/totals?by=grid&gridId=${grid.community}`)).body).toMatchObject({
      hours: 1,
      totals: [{ key: grid.micro47, hours: 1 }],
    });
    expect((await vc.get(`${base}/hours/totals?by=grid&gridId=${grid.level3b}`)).body).toMatchObject({
      hours: 0,
      totals: [],
    });
    expect((await vc.get(`${base}/hours/totals?from=2000-01-01&to=2000-01-31`)).body.hours).toBe(0);
    expect((await vc.get(`${base}/hours/totals?by=street`)).status).toBe(400);

    const response = await fetch(`${platform.services['volunteer-coordination'].baseUrl}${base}/hours/export`, {
      headers: { authorization: `Bearer ${await as.districtAdmin(tenantId)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe(
      'entry_id,occurred_at_local,volunteer_id,volunteer_name,team,grid_id,kind,hours,task_id,issue_id,corrects_entry_id,reason,recorded_by',
    );
    expect(lines).toHaveLength(4); // header, two entries, the final CRLF
    expect(lines[1]).toContain(`,党员王,桃源社区党支部,${grid.micro47},task,1.5,`);
    expect(lines[2]).toContain(',correction,-0.5,');
    expect(lines[2]).toContain(',"提前离开, 按""实际""计",');

    // The same ledger with its days and local times in another zone; a zone that does not exist is refused.
    const newYork = await fetch(
      `${platform.services['volunteer-coordination'].baseUrl}${base}/hours/export?timeZone=America%2FNew_York`,
      { headers: { authorization: `Bearer ${await as.districtAdmin(tenantId)}` } },
    );
    const localTime = (line: string) => new Date(`${line.split(',')[1].replace(' ', 'T')}:00Z`).getTime();
    const hoursBehind = (localTime(lines[1]) - localTime((await newYork.text()).split('\r\n')[1])) / 3_600_000;
    expect([12, 13]).toContain(hoursBehind);
    expect((await vc.get(`${base}/hours/totals?timeZone=Mars%2FOlympus_Mons`)).status).toBe(400);
  });

  it("fills a grid leader's direct request for several volunteers, then says how many places stay open", async () => {
    const saturday = nextSaturdayInShanghai();
    const morning = await register({
      name: '梯子一',
      homeGridId: grid.micro47,
      skills: ['ladder'],
      availability: { weekly: [{ weekday: 6, from: '08:00', to: '12:00' }] },
    });
    const anytime = await register({ name: '梯子二', homeGridId: grid.micro48, skills: ['ladder'] });
    await register({
      name: '梯子三',
      homeGridId: grid.micro90,
      skills: ['ladder'],
      availability: { weekly: [{ weekday: 7, from: '08:00', to: '12:00' }] },
    });
    const leader = vc.as(await as.leader(tenantId, grid.level3));
    const body = {
      skill: 'ladder',
      count: 2,
      gridId: grid.micro47,
      startsAt: `${saturday}T09:00:00+08:00`,
      endsAt: `${saturday}T11:30:00+08:00`,
      note: '清理楼道',
    };

    expect((await vc.as(await as.leader(tenantId, grid.level3b)).post(`${base}/help-requests`, body)).status).toBe(403);
    expect((await leader.post(`${base}/help-requests`, { ...body, skill: 'juggling' })).body.code).toBe(
      'UNKNOWN_SKILL',
    );
    expect(
      (await leader.post(`${base}/help-requests`, { ...body, endsAt: `${saturday}T08:00:00+08:00` })).body.code,
    ).toBe('INVALID_WINDOW');
    expect((await leader.post(`${base}/help-requests`, { ...body, endsAt: `${saturday}T23:30:00Z` })).body.code).toBe(
      'INVALID_WINDOW',
    ); // past local midnight
    expect((await leader.post(`${base}/help-requests`, { ...body, gridId: grid.otherMicro })).body.code).toBe(
      'UNKNOWN_GRID',
    );
    expect(await count(`volunteer_tasks WHERE source = 'request'`)).toBe(0);

    const created = await leader.post(`${base}/help-requests`, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ source: 'request', needed: 2, state: 'open', issueId: null });
    expect(created.body.offers.map((o: { volunteerId: string }) => o.volunteerId).sort()).toEqual(
      [morning, anytime].sort(),
    );
    const taskId = created.body.id;
    const offers = await eventually('both offers', async () => {
      const found = recorder.events(RequestOffered.type).filter((e) => e.subject === taskId);
      return found.length === 2 ? found : undefined;
    });
    expect(offers.map((e) => (e.data as any).startsAt)).toEqual([
      new Date(body.startsAt).toISOString(),
      new Date(body.startsAt).toISOString(),
    ]);

    const offerOf = (volunteerId: string) =>
      created.body.offers.find((o: { volunteerId: string }) => o.volunteerId === volunteerId).id;
    expect((await leader.post(`${base}/offers/${offerOf(morning)}/accept`)).status).toBe(200);
    expect((await leader.post(`${base}/offers/${offerOf(anytime)}/decline`, {})).status).toBe(200);
    // The Sunday-only volunteer is not asked: nobody is left for the second place.
    const unfilled = await waitFor('request unfilled', RequestUnfilled.type, (e) => e.data.taskId === taskId);
    expect(unfilled.data).toMatchObject({ gridId: grid.micro47, needed: 2, assigned: 1, asked: 2 });
    expect((await vc.get(`${base}/tasks/${taskId}`)).body.state).toBe('unfilled');
  });

  it('keeps every district to itself', async () => {
    const otherAdmin = vc.as(await as.districtAdmin(otherTenant));
    const city = vc.as(await as.cityAdmin());
    expect((await otherAdmin.get(`${base}/volunteers/${completedVolunteer}`)).body.code).toBe('FORBIDDEN_DISTRICT');
    expect(
      (
        await otherAdmin.post(`${base}/hours/corrections`, {
          volunteerId: completedVolunteer,
          hours: 1,
          reason: '越权操作',
        })
      ).body.code,
    ).toBe('FORBIDDEN_DISTRICT');
    expect((await city.get(`/v1/tenants/${otherTenant}/volunteers/${completedVolunteer}`)).body.code).toBe(
      'VOLUNTEER_NOT_FOUND',
    );
    const foreign = await otherAdmin.post(`/v1/tenants/${otherTenant}/hours/corrections`, {
      volunteerId: completedVolunteer,
      hours: 1,
      reason: '越权操作',
    });
    expect([foreign.status, foreign.body.code]).toEqual([422, 'UNKNOWN_VOLUNTEER']);
    const anOffer = (await vc.get(`${base}/offers?volunteerId=${completedVolunteer}`)).body.items[0].id;
    expect((await otherAdmin.post(`/v1/tenants/${otherTenant}/offers/${anOffer}/decline`, {})).body.code).toBe(
      'OFFER_NOT_FOUND',
    );
    expect((await otherAdmin.get(`/v1/tenants/${otherTenant}/hours/totals`)).body.totals).toEqual([]);
    expect(
      (
        await otherAdmin.post(`/v1/tenants/${otherTenant}/volunteers`, {
          name: '越界',
          homeGridId: grid.micro47,
          skills: ['first-aid'],
        })
      ).body.code,
    ).toBe('UNKNOWN_GRID');
    expect(
      (
        await otherAdmin.post(`/v1/tenants/${otherTenant}/volunteers`, {
          name: '越界',
          homeGridId: grid.otherMicro,
          skills: ['first-aid'],
          teamId,
        })
      ).body.code,
    ).toBe('UNKNOWN_TEAM');
    expect(
      (await vc.as(await as.leader(tenantId, grid.micro90)).post(`${base}/offers/${anOffer}/check-in`)).body.code,
    ).toBe('OUTSIDE_YOUR_GRID');
    expect(await count(`volunteers WHERE tenant_id = $1`, [otherTenant])).toBe(0);
  });
});

/** The date (YYYY-MM-DD) of a Saturday in Shanghai at least two days away. */
function nextSaturdayInShanghai(): string {
  const shanghaiNow = Date.now() + 8 * 60 * 60 * 1000;
  for (let days = 2; ; days += 1) {
    const day = new Date(shanghaiNow + days * 24 * 60 * 60 * 1000);
    if (day.getUTCDay() === 6) return day.toISOString().slice(0, 10);
  }
}

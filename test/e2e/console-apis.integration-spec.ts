import { randomUUID } from 'node:crypto';
import { eventually, httpClient } from '@gridline/testing';
import { rectangle } from '../support/geometry';
import { createDistricts, createGrids } from '../support/grid-fixture';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as, token } from '../support/tokens';

/**
 * The read routes a district's web console stands on, each answered by one service from its own data: the map of
 * grid boundaries and who is on duty (grid-registry), a case with the buttons its reader may press and the dispatch
 * centre's queue (issue-dispatch), overdue tools and service-day fill (volunteer-coordination), and today's
 * zero-report compliance (grid-registry). Each refuses another district, unknown ids and bad parameters.
 */
describe('console read APIs', () => {
  const tenantId = 'erqi';
  const other = 'jinshui';
  let platform: PlatformUnderTest;
  let registryUrl: string;
  let dispatchUrl: string;
  let volunteersUrl: string;
  let grid: Record<string, string>;
  const reporter = 'test:erqi:resident:console';

  beforeAll(async () => {
    platform = await startPlatform('console-apis', ['grid-registry', 'issue-dispatch', 'volunteer-coordination']);
    registryUrl = platform.services['grid-registry'].baseUrl;
    dispatchUrl = platform.services['issue-dispatch'].baseUrl;
    volunteersUrl = platform.services['volunteer-coordination'].baseUrl;
    await createDistricts(registryUrl, [
      [tenantId, '410103'],
      [other, '410105'],
    ]);
    grid = await createGrids(registryUrl, tenantId, {
      street: { level: 'street', parent: null, name: '大学路街道' },
      community: { level: 'community', parent: 'street', name: '桃源社区' },
      level3: { level: 'grid', parent: 'community', name: '第一网格' },
      microA: { level: 'micro', parent: 'level3', name: '47号院' },
      microB: { level: 'micro', parent: 'level3', name: '汝河路22号院' },
    });
    await createGrids(registryUrl, other, { street: { level: 'street', parent: null, name: '丰产路街道' } });
    const admin = httpClient(dispatchUrl, await as.districtAdmin(tenantId));
    const ten = { micro: 600, grid: 600, community: 600, street: 600, district: 600, city: 600 };
    await eventually(
      'issue-dispatch to know the district',
      async () =>
        (
          await admin.put(`/v1/tenants/${tenantId}/categories/steady`, {
            name: '常规',
            ackWithinSeconds: ten,
            resolveWithinSeconds: ten,
          })
        ).status === 200,
    );
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  const otherDispatcher = () => as.dispatcher(other);

  describe('grid-registry: the boundary map', () => {
    beforeAll(async () => {
      const registry = httpClient(registryUrl, await as.districtAdmin(tenantId));
      for (const [key, boundary] of Object.entries({
        community: rectangle(113.6, 34.7, 113.62, 34.72),
        microA: rectangle(113.6, 34.7, 113.605, 34.705),
      })) {
        expect((await registry.put(`/v1/tenants/${tenantId}/grids/${grid[key]}/boundary`, boundary)).status).toBe(200);
      }
    });

    it('answers the district’s grids with a boundary as one GeoJSON FeatureCollection, without personal data', async () => {
      const map = await httpClient(registryUrl, await as.resident(tenantId)).get(`/v1/tenants/${tenantId}/boundaries`);
      expect(map.status).toBe(200);
      expect(map.body.type).toBe('FeatureCollection');
      expect(map.body.features).toEqual([
        {
          type: 'Feature',
          id: grid.community,
          bbox: [113.6, 34.7, 113.62, 34.72],
          geometry: rectangle(113.6, 34.7, 113.62, 34.72),
          properties: {
            gridId: grid.community,
            name: '桃源社区',
            level: 'community',
            kind: null,
            parentId: grid.street,
          },
        },
        {
          type: 'Feature',
          id: grid.microA,
          bbox: [113.6, 34.7, 113.605, 34.705],
          geometry: rectangle(113.6, 34.7, 113.605, 34.705),
          properties: { gridId: grid.microA, name: '47号院', level: 'micro', kind: null, parentId: grid.level3 },
        },
      ]);
    });

    it('narrows to a subtree with `under`, and refuses another district, an unknown grid and a malformed id', async () => {
      const dispatcher = httpClient(registryUrl, await as.dispatcher(tenantId));
      const below = await dispatcher.get(`/v1/tenants/${tenantId}/boundaries?under=${grid.level3}`);
      expect(below.body.features.map((f: any) => f.properties.gridId)).toEqual([grid.microA]);
      expect((await dispatcher.get(`/v1/tenants/${tenantId}/boundaries?under=${grid.microB}`)).body.features).toEqual(
        [],
      );
      const foreign = await dispatcher.as(await otherDispatcher()).get(`/v1/tenants/${tenantId}/boundaries`);
      expect([foreign.status, foreign.body.code]).toEqual([403, 'FORBIDDEN_DISTRICT']);
      const unknown = await dispatcher.get(`/v1/tenants/${tenantId}/boundaries?under=${randomUUID()}`);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'GRID_NOT_FOUND']);
      const malformed = await dispatcher.get(`/v1/tenants/${tenantId}/boundaries?under=47`);
      expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('shows a dispatcher who is on duty on a grid by name and role, never their phone', async () => {
      const admin = httpClient(registryUrl, await as.districtAdmin(tenantId));
      const member = await admin.post(`/v1/tenants/${tenantId}/grids/${grid.microA}/members`, {
        name: '王芳',
        phone: '13912345678',
        role: 'worker',
      });
      expect(member.status).toBe(201);
      const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        memberId: member.body.memberId,
        weekday,
        from: '00:00',
        to: '24:00',
      }));
      expect((await admin.put(`/v1/tenants/${tenantId}/grids/${grid.microA}/roster`, { shifts: allWeek })).status).toBe(
        200,
      );
      const onDuty = await httpClient(registryUrl, await as.dispatcher(tenantId)).get(
        `/v1/tenants/${tenantId}/grids/${grid.microA}/on-duty`,
      );
      expect(onDuty.status).toBe(200);
      expect(onDuty.body.onDuty).toEqual([
        expect.objectContaining({ memberId: member.body.memberId, name: '王芳', role: 'worker' }),
      ]);
      expect(JSON.stringify(onDuty.body)).not.toContain('13912345678');
      const foreign = await httpClient(registryUrl, await otherDispatcher()).get(
        `/v1/tenants/${tenantId}/grids/${grid.microA}/on-duty`,
      );
      expect(foreign.status).toBe(403);
    });
  });

  describe('issue-dispatch: a case’s actions and the centre’s queue', () => {
    async function report(body: Record<string, unknown>): Promise<any> {
      const client = httpClient(dispatchUrl, await as.resident(tenantId, reporter));
      return eventually('a report to be taken', async () => {
        const r = await client.post(`/v1/tenants/${tenantId}/issues`, {
          category: 'steady',
          description: '楼道灯不亮',
          reporter: { name: '王女士', phone: '13700000000' },
          ...body,
        });
        return r.status === 201 ? r.body : undefined;
      });
    }
    const actionsOf = async (issueId: string, who: string) => {
      const r = await httpClient(dispatchUrl, who).get(`/v1/tenants/${tenantId}/issues/${issueId}`);
      expect(r.status).toBe(200);
      return r.body.actions as string[];
    };

    it('lists what a dispatcher, the grid’s leader and worker, a leader above, the reporter and a city viewer may do, and the API agrees', async () => {
      const { id: issueId } = await report({ gridId: grid.microA });
      const dispatcher = await as.dispatcher(tenantId);
      const leader = await as.leader(tenantId, grid.microA);
      const worker = await as.worker(tenantId, grid.microA);
      const above = await as.leader(tenantId, grid.community);
      expect(await actionsOf(issueId, dispatcher)).toEqual(['acknowledge', 'return', 'escalate']);
      expect(await actionsOf(issueId, leader)).toEqual(['acknowledge', 'return', 'escalate']);
      expect(await actionsOf(issueId, await as.cityViewer())).toEqual([]);
      expect(await actionsOf(issueId, await as.resident(tenantId, reporter))).toEqual([]);

      const case_ = httpClient(dispatchUrl, worker);
      const version = async () => (await case_.get(`/v1/tenants/${tenantId}/issues/${issueId}`)).body.version;
      expect(
        (
          await case_.post(`/v1/tenants/${tenantId}/issues/${issueId}/acknowledge`, {
            expectedVersion: await version(),
          })
        ).status,
      ).toBe(200);
      expect(await actionsOf(issueId, leader)).toEqual([
        'start-work',
        'request-extension',
        'return',
        'escalate',
        'reassign',
        'park',
      ]);
      expect(await actionsOf(issueId, worker)).toEqual(['start-work', 'request-extension', 'return', 'escalate']);
      expect(await actionsOf(issueId, above)).toEqual(['start-work', 'return', 'escalate', 'reassign', 'park']);
      expect(await actionsOf(issueId, dispatcher)).toEqual(['start-work', 'return', 'escalate', 'reassign', 'park']);
      expect(await actionsOf(issueId, await as.cityViewer())).toEqual([]);

      // What is listed is accepted; what is not is refused for the reason the rule gives.
      const notListed = await case_.post(`/v1/tenants/${tenantId}/issues/${issueId}/park`, {
        expectedVersion: await version(),
        reason: '等待物业',
      });
      expect([notListed.status, notListed.body.code]).toEqual([403, 'OUTSIDE_YOUR_GRID']);
      const closing = await httpClient(dispatchUrl, dispatcher).post(
        `/v1/tenants/${tenantId}/issues/${issueId}/close`,
        { expectedVersion: await version() },
      );
      expect([closing.status, closing.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
      const parked = await httpClient(dispatchUrl, leader).post(`/v1/tenants/${tenantId}/issues/${issueId}/park`, {
        expectedVersion: await version(),
        reason: '等待物业',
      });
      expect(parked.status).toBe(200);
      expect(await actionsOf(issueId, leader)).toEqual(['unpark']);
      expect(await actionsOf(issueId, worker)).toEqual([]);
    });

    it('refuses a case to another district, to a grid outside it, and an unknown or malformed id', async () => {
      const { id: issueId } = await report({ gridId: grid.microA });
      const foreign = await httpClient(dispatchUrl, await otherDispatcher()).get(
        `/v1/tenants/${tenantId}/issues/${issueId}`,
      );
      expect([foreign.status, foreign.body.code]).toEqual([403, 'FORBIDDEN_DISTRICT']);
      const sibling = await httpClient(dispatchUrl, await as.leader(tenantId, grid.microB)).get(
        `/v1/tenants/${tenantId}/issues/${issueId}`,
      );
      expect([sibling.status, sibling.body.code]).toEqual([403, 'OUTSIDE_YOUR_GRID']);
      const dispatcher = httpClient(dispatchUrl, await as.dispatcher(tenantId));
      expect((await dispatcher.get(`/v1/tenants/${tenantId}/issues/${randomUUID()}`)).status).toBe(404);
      expect((await dispatcher.get(`/v1/tenants/${tenantId}/issues/not-an-id`)).status).toBe(400);
    });

    it('pages the dispatch centre’s queue with its total, each case’s waiting time and the instant it was read', async () => {
      const queued = [];
      for (const n of [101, 102, 103]) queued.push(await report({ address: `桃源路${n}号院` }));
      expect(queued.map((q) => q.state)).toEqual(['reported', 'reported', 'reported']);
      const dispatcher = httpClient(dispatchUrl, await as.dispatcher(tenantId));
      expect(await actionsOf(queued[0].id, await as.dispatcher(tenantId))).toEqual(['accept', 'reject']);
      expect(await actionsOf(queued[0].id, await as.cityViewer())).toEqual([]);

      const first = await dispatcher.get(`/v1/tenants/${tenantId}/issues/queue?limit=2`);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0, asOf: expect.any(String) });
      expect(first.body.items.map((i: any) => i.id)).toEqual([queued[0].id, queued[1].id]);
      for (const item of first.body.items) {
        expect(item.queuedSince).toBe(item.reportedAt);
        expect(item.waitingSeconds).toBe(
          Math.floor((Date.parse(first.body.asOf) - Date.parse(item.queuedSince)) / 1000),
        );
        expect(JSON.stringify(item)).not.toContain('13700000000');
      }
      const second = await dispatcher.get(`/v1/tenants/${tenantId}/issues/queue?limit=2&offset=2`);
      expect(second.body.items.map((i: any) => i.id)).toEqual([queued[2].id]);
      expect((await dispatcher.get(`/v1/tenants/${tenantId}/issues/queue`)).body.limit).toBe(50);

      for (const bad of ['limit=201', 'limit=0', 'offset=-1', 'limit=ten']) {
        const r = await dispatcher.get(`/v1/tenants/${tenantId}/issues/queue?${bad}`);
        expect([bad, r.status, r.body.code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
      }
      const foreign = await dispatcher.as(await otherDispatcher()).get(`/v1/tenants/${tenantId}/issues/queue`);
      expect([foreign.status, foreign.body.code]).toEqual([403, 'FORBIDDEN_DISTRICT']);
      const leader = await dispatcher
        .as(await as.leader(tenantId, grid.community))
        .get(`/v1/tenants/${tenantId}/issues/queue`);
      expect([leader.status, leader.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    });
  });

  describe('volunteer-coordination: overdue tools and service-day fill', () => {
    it('lists the district’s overdue loans across tool rooms, naming the borrower only by display name', async () => {
      const keeper = httpClient(volunteersUrl, await as.leader(tenantId, grid.community));
      const room = `/v1/tenants/${tenantId}/tool-rooms/${grid.community}`;
      const toolId = await eventually('volunteer-coordination to know the community', async () => {
        const r = await keeper.post(`${room}/tools`, { name: '人字梯 2m', kind: 'ladder' });
        return r.status === 201 ? (r.body.id as string) : undefined;
      });
      const spareId = (await keeper.post(`${room}/tools`, { name: '电钻', kind: 'drill' })).body.id;
      const borrower = httpClient(
        volunteersUrl,
        await token({ sub: 'test:erqi:resident:li', tenant: tenantId, roles: [{ role: 'resident' }], name: '李阿姨' }),
      );
      const late = await borrower.post(`${room}/tools/${toolId}/loans`, {
        dueAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      const onTime = await borrower.post(`${room}/tools/${spareId}/loans`, {
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect([late.status, onTime.status]).toEqual([201, 201]);
      // Lent three hours ago and due two hours ago: overdue without waiting for the clock.
      await platform.database.query(
        `UPDATE volunteer_coordination.tool_loans SET lent_at = now() - interval '3 hours', due_at = now() - interval '2 hours' WHERE id = $1`,
        [late.body.id],
      );

      const dispatcher = httpClient(volunteersUrl, await as.dispatcher(tenantId));
      const overdue = await dispatcher.get(`/v1/tenants/${tenantId}/tool-loans?overdue=true`);
      expect(overdue.status).toBe(200);
      expect(overdue.body.items).toEqual([
        {
          loanId: late.body.id,
          tool: { id: toolId, name: '人字梯 2m', kind: 'ladder' },
          toolRoomGridId: grid.community,
          borrowerName: '李阿姨',
          dueAt: expect.any(String),
          overdueSeconds: expect.any(Number),
        },
      ]);
      expect(overdue.body.items[0].overdueSeconds).toBeGreaterThanOrEqual(7200);
      expect(overdue.body.items[0].overdueSeconds).toBeLessThan(7300);
      expect(JSON.stringify(overdue.body)).not.toContain('test:erqi:resident:li');
      expect(overdue.body.next).toBeNull();
      const open = await dispatcher.get(`/v1/tenants/${tenantId}/tool-loans`);
      expect(open.body.items.map((i: any) => i.loanId)).toEqual([late.body.id, onTime.body.id]);
      expect(
        (await dispatcher.get(`/v1/tenants/${tenantId}/tool-loans?overdue=false`)).body.items.map((i: any) => [
          i.loanId,
          i.overdueSeconds,
        ]),
      ).toEqual([[onTime.body.id, 0]]);

      const bad = await dispatcher.get(`/v1/tenants/${tenantId}/tool-loans?overdue=soon`);
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const foreign = await dispatcher
        .as(await otherDispatcher())
        .get(`/v1/tenants/${tenantId}/tool-loans?overdue=true`);
      expect([foreign.status, foreign.body.code]).toEqual([403, 'FORBIDDEN_DISTRICT']);
      const nowhere = await dispatcher.as(await as.cityAdmin()).get(`/v1/tenants/nowhere/tool-loans?overdue=true`);
      expect([nowhere.status, nowhere.body.code]).toEqual([404, 'TENANT_NOT_FOUND']);
      const resident = await borrower.get(`/v1/tenants/${tenantId}/tool-loans?overdue=true`);
      expect([resident.status, resident.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    });

    it('lists a district’s occurrences in a date range with places, confirmed and waitlisted', async () => {
      const admin = httpClient(volunteersUrl, await as.districtAdmin(tenantId));
      const created = await eventually('volunteer-coordination to know the community', async () => {
        const r = await admin.post(`/v1/tenants/${tenantId}/service-events`, {
          title: '周末微课堂',
          gridId: grid.community,
          placeText: '桃源社区党群服务中心',
          recurrence: { frequency: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] },
          startTime: '23:00',
          endTime: '23:30',
          horizonDays: 10,
          residentSlots: [{ service: 'class', capacity: 1 }],
          volunteerShifts: [{ skill: 'tutoring', count: 2 }],
        });
        return r.status === 201 ? r.body : undefined;
      });
      const [first, second, third] = created.occurrences;
      const residentA = httpClient(volunteersUrl, await as.resident(tenantId, 'test:erqi:resident:a'));
      const residentB = httpClient(volunteersUrl, await as.resident(tenantId, 'test:erqi:resident:b'));
      expect(
        (
          await residentA.post(`/v1/tenants/${tenantId}/service-occurrences/${second.id}/sign-ups`, {
            role: 'resident',
          })
        ).body.status,
      ).toBe('confirmed');
      expect(
        (
          await residentB.post(`/v1/tenants/${tenantId}/service-occurrences/${second.id}/sign-ups`, {
            role: 'resident',
          })
        ).body.status,
      ).toBe('waitlisted');

      const dispatcher = httpClient(volunteersUrl, await as.dispatcher(tenantId));
      const range = `from=${encodeURIComponent(second.startsAt)}&to=${encodeURIComponent(third.startsAt)}`;
      const listed = await dispatcher.get(`/v1/tenants/${tenantId}/service-occurrences?${range}`);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((o: any) => [o.id, o.places, o.confirmed, o.waitlisted])).toEqual([
        [second.id, 3, 1, 1],
      ]);
      const wide = await dispatcher.get(
        `/v1/tenants/${tenantId}/service-occurrences?from=${encodeURIComponent(first.startsAt)}&to=${encodeURIComponent(third.endsAt)}`,
      );
      expect(wide.body.items.map((o: any) => o.id)).toEqual([first.id, second.id, third.id]);

      for (const bad of [
        `from=${encodeURIComponent(third.startsAt)}&to=${encodeURIComponent(second.startsAt)}`,
        'to=tomorrow',
      ]) {
        const r = await dispatcher.get(`/v1/tenants/${tenantId}/service-occurrences?${bad}`);
        expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      }
      const foreign = await dispatcher
        .as(await otherDispatcher())
        .get(`/v1/tenants/${tenantId}/service-occurrences?${range}`);
      expect([foreign.status, foreign.body.code]).toEqual([403, 'FORBIDDEN_DISTRICT']);
    });
  });

  describe('grid-registry: zero-report compliance', () => {
    it('counts today’s check-ins against the grids that owe one, grid by grid', async () => {
      const admin = httpClient(registryUrl, await as.districtAdmin(tenantId));
      expect(
        (
          await admin.put(`/v1/tenants/${tenantId}/zero-report-policy`, {
            cutoff: '23:59',
            levels: ['micro'],
            enabled: true,
          })
        ).status,
      ).toBe(200);
      const checkedIn = await httpClient(registryUrl, await as.leader(tenantId, grid.microA)).post(
        `/v1/tenants/${tenantId}/grids/${grid.microA}/check-ins`,
        {
          nothingToReport: true,
          reportedBy: { name: '刘鸣' },
        },
      );
      expect(checkedIn.status).toBe(201);

      const dispatcher = httpClient(registryUrl, await as.dispatcher(tenantId));
      const today = await dispatcher.get(`/v1/tenants/${tenantId}/zero-report/compliance`);
      expect(today.status).toBe(200);
      expect(today.body).toEqual({
        date: checkedIn.body.date,
        closed: false,
        expected: 2,
        reported: 1,
        missing: 1,
        rate: 0.5,
        grids: [
          { gridId: grid.microA, name: '47号院', reported: true },
          { gridId: grid.microB, name: '汝河路22号院', reported: false },
        ],
      });
      expect(
        (await dispatcher.get(`/v1/tenants/${tenantId}/zero-report/compliance?date=${checkedIn.body.date}`)).body
          .reported,
      ).toBe(1);

      const bad = await dispatcher.get(`/v1/tenants/${tenantId}/zero-report/compliance?date=2025-13-01`);
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const foreign = await dispatcher
        .as(await otherDispatcher())
        .get(`/v1/tenants/${tenantId}/zero-report/compliance`);
      expect([foreign.status, foreign.body.code]).toEqual([403, 'FORBIDDEN_DISTRICT']);
      const nowhere = await dispatcher.as(await as.cityAdmin()).get(`/v1/tenants/nowhere/zero-report/compliance`);
      expect([nowhere.status, nowhere.body.code]).toEqual([404, 'TENANT_NOT_FOUND']);
    });
  });
});

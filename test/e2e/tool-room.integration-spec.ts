import { ToolLent, ToolLoanOverdue, ToolLoanOverdueReminder, ToolReturned, Topics } from '@gridline/contracts';
import { eventually, httpClient, sleep } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { createDistricts, createGrids } from '../support/grid-fixture';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/**
 * A community's shared tool room (共享工具房) on the real services: inventory, loans that cannot be doubled even
 * when two arrive at once, returns with condition, and overdue reminders from durable timers.
 */
describe('the shared tool room', () => {
  const tenantId = 'erqi';
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let url: string;
  let keeper: ReturnType<typeof httpClient>;
  let room: string;
  let grid: Record<string, string>;

  beforeAll(async () => {
    platform = await startPlatform('tool-room', ['grid-registry', 'volunteer-coordination']);
    const registryUrl = platform.services['grid-registry'].baseUrl;
    url = platform.services['volunteer-coordination'].baseUrl;
    recorder = new EventRecorder(EventRecorder.kafka());
    await recorder.start([platform.topic(Topics.toolLoans.name), platform.topic(Topics.reminders.name)]);
    await createDistricts(registryUrl, [
      ['erqi', '410103'],
      ['jinshui', '410105'],
    ]);
    grid = await createGrids(registryUrl, tenantId, {
      street: { level: 'street', parent: null, name: '大学路街道' },
      community: { level: 'community', parent: 'street', name: '桃源社区' },
      otherCommunity: { level: 'community', parent: 'street', name: '陇西社区' },
      gridA: { level: 'grid', parent: 'community', name: '第一网格' },
    });
    grid.jinshuiCommunity = (
      await createGrids(registryUrl, 'jinshui', {
        street: { level: 'street', parent: null, name: '丰产路街道' },
        community: { level: 'community', parent: 'street', name: '文化路社区' },
      })
    ).community;
    room = `/v1/tenants/${tenantId}/tool-rooms/${grid.community}`;
    keeper = httpClient(url, await as.leader(tenantId, grid.community));
    await eventually(
      'volunteer-coordination to know the community',
      async () => (await keeper.post(`${room}/tools`, { name: '人字梯 2m', kind: 'ladder' })).status === 201,
    );
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
  async function addTool(name: string, kind: string, condition?: string): Promise<string> {
    const r = await keeper.post(`${room}/tools`, { name, kind, ...(condition ? { condition } : {}) });
    expect(r.status).toBe(201);
    return r.body.id;
  }

  it('keeps an inventory of tools with their condition, readable by residents', async () => {
    await addTool('电钻', 'drill', 'worn');
    await addTool('开锁工具', 'lock-tool');
    const listed = await httpClient(url, await as.resident(tenantId)).get(`${room}/tools`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((t: any) => [t.name, t.kind, t.condition, t.available])).toEqual([
      ['人字梯 2m', 'ladder', 'good', true],
      ['电钻', 'drill', 'worn', true],
      ['开锁工具', 'lock-tool', 'good', true],
    ]);
  });

  it('lends a tool once when ten residents ask at the same moment, and again after it is returned', async () => {
    const toolId = await addTool('疏通器', 'drain-tool');
    const names = ['alice', 'bob', 'carl', 'dina', 'ed', 'fay', 'gus', 'hal', 'ivy', 'jo'];
    const residents = await Promise.all(names.map(async (name) => httpClient(url, await as.resident(tenantId, name))));
    const attempts = await Promise.all(
      residents.map((r) => r.post(`${room}/tools/${toolId}/loans`, { dueAt: inHours(48) })),
    );
    expect(attempts.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(new Set(attempts.filter((a) => a.status === 409).map((a) => a.body.code))).toEqual(
      new Set(['TOOL_ALREADY_LENT']),
    );
    const [{ n }] = await platform.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM volunteer_coordination.tool_loans WHERE tool_id = $1`,
      [toolId],
    );
    expect(n).toBe(1);
    const loan = attempts.find((a) => a.status === 201)!.body;
    const borrower = residents[names.indexOf(loan.borrowerSubject)];
    const third = await httpClient(url, await as.resident(tenantId, 'carol')).post(`${room}/tools/${toolId}/loans`, {
      dueAt: inHours(24),
    });
    expect([third.status, third.body.code]).toEqual([409, 'TOOL_ALREADY_LENT']);

    const someoneElse = await httpClient(url, await as.resident(tenantId, 'carol')).post(
      `${room}/loans/${loan.id}/return`,
      { condition: 'good' },
    );
    expect([someoneElse.status, someoneElse.body.code]).toEqual([404, 'LOAN_NOT_FOUND']);
    const back = await borrower.post(`${room}/loans/${loan.id}/return`, { condition: 'worn' });
    expect([back.status, back.body.returnCondition]).toEqual([200, 'worn']);
    const twice = await borrower.post(`${room}/loans/${loan.id}/return`, { condition: 'worn' });
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_RETURNED']);
    await recorder.waitForEvent('returned', (e) => e.type === ToolReturned.type && (e.data as any).loanId === loan.id);
    const lent = await recorder.waitForEvent(
      'lent',
      (e) => e.type === ToolLent.type && (e.data as any).loanId === loan.id,
    );
    expect(JSON.stringify(lent.data)).not.toContain(loan.borrowerSubject);

    const again = await httpClient(url, await as.resident(tenantId, 'carol')).post(`${room}/tools/${toolId}/loans`, {
      dueAt: inHours(24),
    });
    expect(again.status).toBe(201);
  });

  it('never lends a broken tool, until the keeper records it repaired', async () => {
    const toolId = await addTool('梯子 3m', 'ladder');
    const resident = httpClient(url, await as.resident(tenantId, 'dave'));
    const loan = (await resident.post(`${room}/tools/${toolId}/loans`, { dueAt: inHours(24) })).body;
    expect((await resident.post(`${room}/loans/${loan.id}/return`, { condition: 'broken' })).status).toBe(200);
    const refused = await resident.post(`${room}/tools/${toolId}/loans`, { dueAt: inHours(24) });
    expect([refused.status, refused.body.code]).toEqual([409, 'TOOL_BROKEN']);
    expect((await resident.put(`${room}/tools/${toolId}/condition`, { condition: 'good' })).status).toBe(403);
    expect((await keeper.put(`${room}/tools/${toolId}/condition`, { condition: 'good' })).body.available).toBe(true);
    expect((await resident.post(`${room}/tools/${toolId}/loans`, { dueAt: inHours(24) })).status).toBe(201);
  });

  it('reminds the borrower when a loan is overdue, and not after a return', async () => {
    const overdueTool = await addTool('管钳', 'wrench');
    const returnedTool = await addTool('扳手', 'wrench');
    const resident = httpClient(url, await as.resident(tenantId, 'erin'));
    const soon = () => new Date(Date.now() + 3_000).toISOString();
    const overdue = (await resident.post(`${room}/tools/${overdueTool}/loans`, { dueAt: soon() })).body;
    const onTime = (await resident.post(`${room}/tools/${returnedTool}/loans`, { dueAt: soon() })).body;
    expect((await resident.post(`${room}/loans/${onTime.id}/return`, { condition: 'good' })).status).toBe(200);

    const announced = await recorder.waitForEvent(
      'overdue',
      (e) => e.type === ToolLoanOverdue.type && (e.data as any).loanId === overdue.id,
      30_000,
    );
    expect(announced.data).toMatchObject({ toolId: overdueTool, gridId: grid.community, reminderNumber: 1 });
    expect(JSON.stringify(announced.data)).not.toContain('erin');
    const reminder = await recorder.waitForEvent(
      'reminder',
      (e) => e.type === ToolLoanOverdueReminder.type && (e.data as any).loanId === overdue.id,
    );
    expect(reminder.data).toMatchObject({ borrowerSubject: 'erin', toolName: '管钳', reminderNumber: 1 });
    expect(new Date(reminder.time).getTime()).toBeGreaterThanOrEqual(new Date(overdue.dueAt).getTime());
    await sleep(2_000);
    expect(
      recorder
        .events()
        .filter(
          (e) =>
            (e.data as any)?.loanId === onTime.id &&
            [ToolLoanOverdue.type, ToolLoanOverdueReminder.type].includes(e.type),
        ),
    ).toEqual([]);
    const [{ pending }] = await platform.database.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM volunteer_coordination.durable_timers WHERE aggregate_id = $1`,
      [onTime.id],
    );
    expect(pending).toBe(0);
    const listed = await keeper.get(`${room}/loans?open=true`);
    expect(listed.body.items.find((l: any) => l.id === overdue.id).overdueReminders).toBe(1);
    expect(listed.body.items.some((l: any) => l.id === onTime.id)).toBe(false);
  });

  it('refuses bad loans and tools with a 4xx naming the problem, storing nothing', async () => {
    const toolId = await addTool('水管扳手', 'wrench');
    const resident = httpClient(url, await as.resident(tenantId, 'frank'));
    const count = async () =>
      (
        await platform.database.query<{ n: number }>(
          `SELECT (SELECT count(*) FROM volunteer_coordination.tool_loans) + (SELECT count(*) FROM volunteer_coordination.tools) AS n`,
        )
      )[0].n;
    const before = await count();
    const past = await resident.post(`${room}/tools/${toolId}/loans`, {
      dueAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect([past.status, past.body.code, past.body.details[0].field]).toEqual([422, 'INVALID_DUE_DATE', 'dueAt']);
    const tooFar = await resident.post(`${room}/tools/${toolId}/loans`, { dueAt: inHours(31 * 24) });
    expect([tooFar.status, tooFar.body.code]).toEqual([422, 'INVALID_DUE_DATE']);
    const garbled = await resident.post(`${room}/tools/${toolId}/loans`, { dueAt: 'next tuesday' });
    expect([garbled.status, garbled.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const unknownTool = await resident.post(`${room}/tools/00000000-0000-4000-8000-000000000000/loans`, {
      dueAt: inHours(24),
    });
    expect([unknownTool.status, unknownTool.body.code]).toEqual([404, 'TOOL_NOT_FOUND']);
    const badCondition = await keeper.post(`${room}/tools`, { name: '锤子', kind: 'hammer', condition: 'shiny' });
    expect([badCondition.status, badCondition.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const notCommunity = await keeper.post(`/v1/tenants/${tenantId}/tool-rooms/${grid.gridA}/tools`, {
      name: '锤子',
      kind: 'hammer',
    });
    expect([notCommunity.status, notCommunity.body.code]).toEqual([422, 'NOT_A_COMMUNITY']);
    const byResident = await resident.post(`${room}/tools`, { name: '锤子', kind: 'hammer' });
    expect([byResident.status, byResident.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect(await count()).toBe(before);
  });

  it('keeps each district and community to its own tool room', async () => {
    const toolId = await addTool('电锤', 'drill');
    const jinshuiResident = httpClient(url, await as.resident('jinshui', 'jinshui-resident'));
    const crossing = await jinshuiResident.post(`${room}/tools/${toolId}/loans`, { dueAt: inHours(24) });
    expect([crossing.status, crossing.body.code]).toEqual([403, 'FORBIDDEN_DISTRICT']);
    // The erqi tool under jinshui's own community is absent; an erqi keeper cannot stock jinshui's room.
    const underJinshui = await jinshuiResident.post(
      `/v1/tenants/jinshui/tool-rooms/${grid.jinshuiCommunity}/tools/${toolId}/loans`,
      { dueAt: inHours(24) },
    );
    expect([underJinshui.status, underJinshui.body.code]).toEqual([404, 'TOOL_NOT_FOUND']);
    const erqiGridInJinshui = await httpClient(url, await as.districtAdmin('jinshui')).post(
      `/v1/tenants/jinshui/tool-rooms/${grid.community}/tools`,
      { name: 'x', kind: 'drill' },
    );
    expect([erqiGridInJinshui.status, erqiGridInJinshui.body.code]).toEqual([404, 'TOOL_ROOM_NOT_FOUND']);
    // A keeper of another community cannot stock this one, nor read its loans; the tool is not in the other room.
    const otherKeeper = httpClient(url, await as.leader(tenantId, grid.otherCommunity));
    expect((await otherKeeper.post(`${room}/tools`, { name: 'x', kind: 'drill' })).body.code).toBe('OUTSIDE_YOUR_GRID');
    expect((await otherKeeper.get(`${room}/loans`)).status).toBe(403);
    const wrongRoom = await httpClient(url, await as.resident(tenantId, 'gina')).post(
      `/v1/tenants/${tenantId}/tool-rooms/${grid.otherCommunity}/tools/${toolId}/loans`,
      { dueAt: inHours(24) },
    );
    expect([wrongRoom.status, wrongRoom.body.code]).toEqual([404, 'TOOL_NOT_FOUND']);
    const [{ n }] = await platform.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM volunteer_coordination.tool_loans WHERE tool_id = $1`,
      [toolId],
    );
    expect(n).toBe(0);
  });
});

import { MemberContactsChanged, Topics } from '@gridline/contracts';
import { eventually, httpClient } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/**
 * Personal data (PIPL, docs/adr/0022) on the real services, broker and database: every answer that shows a
 * reporter's contact or a member's phone is logged (who, when, which case or member, which route) and readable
 * only by the district's auditor; contacts are erased the district's period after a case closes or is rejected,
 * or a membership ends, with the case and member kept and the compacted contacts topic ending without the phone;
 * a resident sees and erases their own contact, others' reports look absent; bad input stores nothing.
 */
describe('personal data', () => {
  const tenantId = 'pipl';
  const otherTenant = 'piplx';
  const reporter = 'test:pipl:resident:reporter';
  const contact = { name: '王女士', phone: '13700000042', email: 'wang@example.org' };
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let dispatchUrl: string;
  let registryUrl: string;
  const grid: Record<string, string> = {};

  const dispatch = async (token: Promise<string>) => httpClient(dispatchUrl, await token);
  const registry = async (token: Promise<string>) => httpClient(registryUrl, await token);
  const issuePath = (issueId: string, rest = '') => `/v1/tenants/${tenantId}/issues/${issueId}${rest}`;
  const logPath = (query = '') => `/v1/tenants/${tenantId}/contact-access-log${query}`;

  beforeAll(async () => {
    platform = await startPlatform('pipl', ['grid-registry', 'issue-dispatch']);
    dispatchUrl = platform.services['issue-dispatch'].baseUrl;
    registryUrl = platform.services['grid-registry'].baseUrl;
    recorder = await new EventRecorder(EventRecorder.kafka()).start([platform.topic(Topics.memberContacts.name)]);
    const city = await registry(as.cityAdmin());
    expect((await city.post('/v1/tenants', { tenantId, divisionCode: '410103', name: '二七区' })).status).toBe(201);
    expect(
      (await city.post('/v1/tenants', { tenantId: otherTenant, divisionCode: '410105', name: '金水区' })).status,
    ).toBe(201);
    const make = async (key: string, body: object) => {
      const r = await city.post(`/v1/tenants/${tenantId}/grids`, body);
      expect(r.status).toBe(201);
      grid[key] = r.body.gridId;
    };
    await make('street', { level: 'street', parentId: null, name: '大学路街道' });
    await make('community', { level: 'community', parentId: grid.street, name: '桃源社区' });
    await make('micro', { level: 'micro', parentId: grid.community, name: '47号院' });
    const admin = await dispatch(as.districtAdmin(tenantId));
    const hour = { micro: 3600, grid: 3600, community: 3600, street: 3600, district: 3600, city: 3600 };
    await eventually(
      'dispatch to know the district',
      async () =>
        (
          await admin.put(`/v1/tenants/${tenantId}/categories/lights`, {
            name: '路灯',
            ackWithinSeconds: hour,
            resolveWithinSeconds: hour,
          })
        ).status === 200,
    );
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  async function report(who = reporter): Promise<any> {
    const client = await dispatch(as.resident(tenantId, who));
    return eventually('a report to be dispatched', async () => {
      const r = await client.post(`/v1/tenants/${tenantId}/issues`, {
        category: 'lights',
        gridId: grid.micro,
        description: '楼道灯不亮',
        reporter: contact,
      });
      return r.status === 201 ? r.body : undefined;
    });
  }

  async function act(
    token: Promise<string>,
    issueId: string,
    action: string,
    body: Record<string, unknown> = {},
  ): Promise<any> {
    const centre = await dispatch(as.dispatcher(tenantId));
    const { version } = (await centre.get(issuePath(issueId))).body;
    const r = await (
      await dispatch(token)
    ).post(issuePath(issueId, `/${action}`), { expectedVersion: version, ...body });
    expect([action, r.status, r.body.code]).toEqual([action, 200, undefined]);
    return r.body;
  }

  async function closed(issueId: string): Promise<any> {
    const worker = () => as.worker(tenantId, grid.micro);
    await act(worker(), issueId, 'acknowledge');
    await act(worker(), issueId, 'start-work');
    await act(worker(), issueId, 'resolve');
    await act(as.resident(tenantId, reporter), issueId, 'verify', { passed: true });
    return act(as.dispatcher(tenantId), issueId, 'close');
  }

  const countRows = async (table: string) =>
    (await platform.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  describe('the contact access log', () => {
    let issueId: string;
    let before: Date;

    it('records every answer that shows a reporter’s contact: who, when, which case, which route — and no answer that does not', async () => {
      before = new Date();
      const reported = await report();
      issueId = reported.id;
      expect(reported.contact).toEqual(contact);
      expect((await (await dispatch(as.dispatcher(tenantId))).get(issuePath(issueId))).body.contact).toEqual(contact);
      const leaderView = await (await dispatch(as.leader(tenantId, grid.micro))).get(issuePath(issueId));
      expect([leaderView.status, leaderView.body.contact]).toEqual([200, undefined]);
      expect(
        (await (await dispatch(as.resident(tenantId, reporter))).get(issuePath(issueId, '/contact'))).body.contact,
      ).toEqual(contact);

      const log = await (await dispatch(as.auditor(tenantId))).get(logPath(`?caseId=${issueId}`));
      expect(log.status).toBe(200);
      expect(log.body).toMatchObject({ tenantId, total: 3, limit: 50, offset: 0 });
      expect(log.body.items.map((row: any) => [row.reader.subject, row.purpose, row.route, row.fields])).toEqual([
        [reporter, 'contact-view', 'GET /v1/tenants/:tenantId/issues/:issueId/contact', ['name', 'phone', 'email']],
        [
          `test:${tenantId}:dispatcher`,
          'case-view',
          'GET /v1/tenants/:tenantId/issues/:issueId',
          ['name', 'phone', 'email'],
        ],
        [reporter, 'report-answer', 'POST /v1/tenants/:tenantId/issues', ['name', 'phone', 'email']],
      ]);
      expect(log.body.items[1].reader.roles).toEqual([{ role: 'dispatcher' }]);
      for (const row of log.body.items) {
        expect(row).toMatchObject({ caseId: issueId, memberId: null });
        expect(new Date(row.at).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
        expect(new Date(row.at).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      }
      // Nothing of the contact itself is in the log.
      expect(JSON.stringify(log.body)).not.toContain(contact.phone);
    });

    it('logs a new report’s answer with the report itself, and a replayed answer (same Idempotency-Key) again', async () => {
      const client = await dispatch(as.resident(tenantId, reporter));
      const body = {
        category: 'lights',
        gridId: grid.micro,
        description: '楼道灯又不亮',
        reporter: { name: contact.name },
      };
      const headers = { 'idempotency-key': `pd-replay-${Date.now()}` };
      const first = await client.post(`/v1/tenants/${tenantId}/issues`, body, headers);
      expect([first.status, first.body.contact]).toEqual([201, { name: contact.name, phone: null, email: null }]);
      // The row committed with the issue: there the moment the answer is.
      const [{ n: logged }] = await platform.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM issue_dispatch.contact_access_log WHERE case_id = $1`,
        [first.body.id],
      );
      expect(logged).toBe(1);
      const replayed = await client.post(`/v1/tenants/${tenantId}/issues`, body, headers);
      expect([replayed.status, replayed.body.id]).toEqual([201, first.body.id]);
      const log = await (await dispatch(as.auditor(tenantId))).get(logPath(`?caseId=${first.body.id}`));
      expect(log.body.items.map((row: any) => [row.reader.subject, row.purpose, row.fields])).toEqual([
        [reporter, 'report-answer', ['name']],
        [reporter, 'report-answer', ['name']],
      ]);
    });

    it('filters the log by reader and period and pages it, newest first', async () => {
      const auditor = await dispatch(as.auditor(tenantId));
      const byDispatcher = await auditor.get(
        logPath(`?caseId=${issueId}&subject=${encodeURIComponent(`test:${tenantId}:dispatcher`)}`),
      );
      expect(byDispatcher.body.items.map((row: any) => row.purpose)).toEqual(['case-view']);
      const page = await auditor.get(logPath(`?caseId=${issueId}&limit=1&offset=1`));
      expect(page.body).toMatchObject({
        total: 3,
        limit: 1,
        offset: 1,
        items: [expect.objectContaining({ purpose: 'case-view' })],
      });
      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect(
        (
          await auditor.get(
            logPath(
              `?caseId=${issueId}&from=${encodeURIComponent(before.toISOString())}&to=${encodeURIComponent(future)}`,
            ),
          )
        ).body.total,
      ).toBe(3);
      expect((await auditor.get(logPath(`?caseId=${issueId}&from=${encodeURIComponent(future)}`))).body.total).toBe(0);
    });

    it('keeps the log append-only in the database', async () => {
      await expect(
        platform.database.query(`UPDATE issue_dispatch.contact_access_log SET purpose = 'nothing' WHERE case_id = $1`, [
          issueId,
        ]),
      ).rejects.toThrow(/append-only/);
      await expect(
        platform.database.query(`DELETE FROM issue_dispatch.contact_access_log WHERE case_id = $1`, [issueId]),
      ).rejects.toThrow(/append-only/);
      await expect(platform.database.query(`TRUNCATE issue_dispatch.contact_access_log`)).rejects.toThrow(
        /append-only/,
      );
      expect(await countRows('issue_dispatch.contact_access_log')).toBeGreaterThan(0);
    });

    it('lets only the district’s auditor read it, in both services', async () => {
      for (const url of [dispatchUrl, registryUrl]) {
        const refusals: Array<[string, Promise<string>, number, string]> = [
          ['district admin', as.districtAdmin(tenantId), 403, 'FORBIDDEN_ROLE'],
          ['dispatcher', as.dispatcher(tenantId), 403, 'FORBIDDEN_ROLE'],
          ['leader', as.leader(tenantId, grid.micro), 403, 'FORBIDDEN_ROLE'],
          ['resident', as.resident(tenantId, reporter), 403, 'FORBIDDEN_ROLE'],
          ['city viewer', as.cityViewer(), 403, 'FORBIDDEN_ROLE'],
          ["another district's auditor", as.auditor(otherTenant), 403, 'FORBIDDEN_DISTRICT'],
        ];
        for (const [who, token, status, code] of refusals) {
          const r = await httpClient(url, await token).get(logPath());
          expect({ url, who, status: r.status, code: r.body.code }).toEqual({ url, who, status, code });
        }
        expect((await httpClient(url).get(logPath())).status).toBe(401);
        expect((await httpClient(url, await as.auditor(tenantId)).get(logPath())).status).toBe(200);
      }
      // The auditor audits; it does not read cases.
      expect((await (await dispatch(as.auditor(tenantId))).get(issuePath(issueId))).body.code).toBe('FORBIDDEN_ROLE');
    });

    it('answers bad input with a 400 naming it, and stores nothing', async () => {
      const logRows = await countRows('issue_dispatch.contact_access_log');
      const policyRows =
        (await countRows('issue_dispatch.personal_data_policies')) +
        (await countRows('grid_registry.personal_data_policies'));
      const auditor = await dispatch(as.auditor(tenantId));
      for (const query of [
        '?from=2026-13-01',
        '?from=2026-02-01&to=2026-01-01',
        '?limit=500',
        '?offset=-1',
        '?caseId=abc',
        '?memberId=1',
        '?colour=red',
      ]) {
        const r = await auditor.get(logPath(query));
        expect({ query, status: r.status, code: r.body.code }).toEqual({
          query,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
      for (const url of [dispatchUrl, registryUrl]) {
        const admin = httpClient(url, await as.districtAdmin(tenantId));
        for (const body of [
          {},
          { contactRetentionDays: 1, contactRetentionSeconds: 5 },
          { contactRetentionDays: -1 },
          { contactRetentionDays: 1.5 },
          { contactRetentionDays: 4000 },
          { contactRetentionDays: '30' },
          { retention: 30 },
        ]) {
          const r = await admin.put(`/v1/tenants/${tenantId}/personal-data-policy`, body);
          expect({ url, body, status: r.status, code: r.body.code }).toEqual({
            url,
            body,
            status: 400,
            code: 'VALIDATION_FAILED',
          });
        }
        const dispatcher = httpClient(url, await as.dispatcher(tenantId));
        expect(
          (await dispatcher.put(`/v1/tenants/${tenantId}/personal-data-policy`, { contactRetentionDays: 1 })).body.code,
        ).toBe('FORBIDDEN_ROLE');
        const unknown = await httpClient(url, await as.cityAdmin()).put('/v1/tenants/nowhere/personal-data-policy', {
          contactRetentionDays: 1,
        });
        expect([unknown.status, unknown.body.code]).toEqual([404, 'TENANT_NOT_FOUND']);
        expect((await admin.get(`/v1/tenants/${tenantId}/personal-data-policy`)).body).toMatchObject({
          contactRetentionDays: 180,
          source: 'default',
        });
      }
      const reporterClient = await dispatch(as.resident(tenantId, reporter));
      expect((await reporterClient.delete(issuePath('not-a-uuid', '/contact'))).body.code).toBe('VALIDATION_FAILED');
      expect((await (await dispatch(as.dispatcher(tenantId))).delete(issuePath(issueId, '/contact'))).body.code).toBe(
        'FORBIDDEN_ROLE',
      );
      expect(await countRows('issue_dispatch.contact_access_log')).toBe(logRows);
      expect(
        (await countRows('issue_dispatch.personal_data_policies')) +
          (await countRows('grid_registry.personal_data_policies')),
      ).toBe(policyRows);
      expect((await reporterClient.get(issuePath(issueId))).body.contactErasure).toEqual({
        dueAt: null,
        erasedAt: null,
        because: null,
      });
    });
  });

  describe("a resident's own contact", () => {
    it('is readable and erasable by its reporter on an open report; the case goes on unchanged', async () => {
      const issueId = (await report()).id;
      const mine = await dispatch(as.resident(tenantId, reporter));
      const seen = await mine.get(issuePath(issueId, '/contact'));
      expect(seen.body).toMatchObject({ issueId, contact, erasure: { erasedAt: null } });
      const versionBefore = (await mine.get(issuePath(issueId))).body.version;

      const erased = await mine.delete(issuePath(issueId, '/contact'));
      expect(erased.status).toBe(200);
      expect(erased.body).toMatchObject({
        contact: { name: null, phone: null, email: null },
        erasure: { erasedAt: expect.any(String), because: 'reporter-request' },
      });
      const after = (await mine.get(issuePath(issueId))).body;
      expect(after).toMatchObject({
        state: 'dispatched',
        version: versionBefore,
        contactErasure: { because: 'reporter-request' },
      });
      expect(after).not.toHaveProperty('contact');
      const [row] = await platform.database.query(
        'SELECT reporter_name, reporter_phone, reporter_email, description FROM issue_dispatch.issues WHERE id = $1',
        [issueId],
      );
      expect(row).toEqual({
        reporter_name: null,
        reporter_phone: null,
        reporter_email: null,
        description: '楼道灯不亮',
      });
      const history = (await mine.get(issuePath(issueId, '/history'))).body as any[];
      expect(history.at(-1)).toMatchObject({ action: 'contact-erased', actor: reporter, actorRole: 'resident' });
      // The case loop goes on with the version the dispatcher saw; erasing again changes nothing.
      await act(as.worker(tenantId, grid.micro), issueId, 'acknowledge');
      expect((await mine.delete(issuePath(issueId, '/contact'))).body.erasure.erasedAt).toBe(
        erased.body.erasure.erasedAt,
      );
      expect(
        ((await mine.get(issuePath(issueId, '/history'))).body as any[]).filter((h) => h.action === 'contact-erased'),
      ).toHaveLength(1);
    });

    it('is readable and erasable on a closed report too, which stops its erasure timer', async () => {
      const issueId = (await report()).id;
      const done = await closed(issueId);
      expect(done.state).toBe('closed');
      const mine = await dispatch(as.resident(tenantId, reporter));
      const view = (await mine.get(issuePath(issueId))).body;
      expect(view.contact).toEqual(contact);
      // The default period: 180 days after closing.
      expect(new Date(view.contactErasure.dueAt).getTime() - new Date(view.closedAt).getTime()).toBe(180 * 86_400_000);
      expect((await mine.get(issuePath(issueId, '/contact'))).body.contact).toEqual(contact);
      expect((await mine.delete(issuePath(issueId, '/contact'))).body.erasure).toMatchObject({
        because: 'reporter-request',
      });
      expect((await mine.get(issuePath(issueId))).body).toMatchObject({
        state: 'closed',
        contactErasure: { erasedAt: expect.any(String) },
      });
      expect(
        await platform.database.query(
          `SELECT 1 FROM issue_dispatch.durable_timers WHERE aggregate_id = $1 AND kind = 'issue.contact-erasure'`,
          [issueId],
        ),
      ).toEqual([]);
    });

    it('is absent for another resident, who can neither read nor erase it', async () => {
      const issueId = (await report()).id;
      const stranger = await dispatch(as.resident(tenantId, 'test:pipl:resident:stranger'));
      for (const r of [
        await stranger.get(issuePath(issueId, '/contact')),
        await stranger.delete(issuePath(issueId, '/contact')),
      ]) {
        expect([r.status, r.body.code]).toEqual([404, 'ISSUE_NOT_FOUND']);
      }
      const [row] = await platform.database.query('SELECT reporter_phone FROM issue_dispatch.issues WHERE id = $1', [
        issueId,
      ]);
      expect(row.reporter_phone).toBe(contact.phone);
      const foreign = await httpClient(dispatchUrl, await as.resident(otherTenant, reporter)).get(
        issuePath(issueId, '/contact'),
      );
      expect([foreign.status, foreign.body.code]).toEqual([403, 'FORBIDDEN_DISTRICT']);
    });
  });

  describe('erasure after the district’s retention period', () => {
    it('erases a closed case’s and a rejected case’s reporter contact after the period and keeps the cases; an open case keeps its contact', async () => {
      const admin = await dispatch(as.districtAdmin(tenantId));
      const set = await admin.put(`/v1/tenants/${tenantId}/personal-data-policy`, { contactRetentionSeconds: 3 });
      expect(set.body).toMatchObject({
        tenantId,
        contactRetentionSeconds: 3,
        source: 'district',
        updatedBy: `test:${tenantId}:admin`,
      });

      const open = (await report()).id;
      const closing = (await report()).id;
      const rejecting = (await report()).id;
      const done = await closed(closing);
      await act(as.worker(tenantId, grid.micro), rejecting, 'return', { reason: '不归本网格' });
      await act(as.dispatcher(tenantId), rejecting, 'reject', { reason: 'invalid', note: '重复上报' });
      expect(new Date(done.closedAt).getTime()).toBeGreaterThan(0);

      const centre = await dispatch(as.dispatcher(tenantId));
      for (const issueId of [closing, rejecting]) {
        const erased = await eventually(
          'the contact to be erased',
          async () => {
            const view = (await centre.get(issuePath(issueId))).body;
            return view.contactErasure.erasedAt ? view : undefined;
          },
          20_000,
        );
        expect(erased).toMatchObject({ contactErasure: { because: 'retention-period' } });
        expect(erased).not.toHaveProperty('contact');
        expect(new Date(erased.contactErasure.erasedAt).getTime()).toBeGreaterThanOrEqual(
          new Date(erased.contactErasure.dueAt).getTime(),
        );
        const [row] = await platform.database.query(
          'SELECT reporter_name, reporter_phone, reporter_email, state, description FROM issue_dispatch.issues WHERE id = $1',
          [issueId],
        );
        expect(row).toMatchObject({
          reporter_name: null,
          reporter_phone: null,
          reporter_email: null,
          description: '楼道灯不亮',
        });
        expect(['closed', 'rejected']).toContain(row.state);
        const history = (await centre.get(issuePath(issueId, '/history'))).body as any[];
        expect(history.at(-1)).toMatchObject({
          action: 'contact-erased',
          actor: 'system:retention',
          actorRole: 'system',
        });
        expect(history.map((h) => h.action)).toContain('reported');
        // An erased contact is no longer shown, so reading it is not logged.
        const logged = (await (await dispatch(as.auditor(tenantId))).get(logPath(`?caseId=${issueId}`))).body.total;
        expect(
          (await (await dispatch(as.resident(tenantId, reporter))).get(issuePath(issueId, '/contact'))).body.contact,
        ).toEqual({ name: null, phone: null, email: null });
        expect((await (await dispatch(as.auditor(tenantId))).get(logPath(`?caseId=${issueId}`))).body.total).toBe(
          logged,
        );
      }
      expect((await centre.get(issuePath(open))).body).toMatchObject({
        contact,
        contactErasure: { dueAt: null, erasedAt: null },
      });
    });

    it('erases an ended membership’s phone after the period, keeps the member, and leaves the compacted contacts topic’s latest record without it', async () => {
      const admin = await registry(as.districtAdmin(tenantId));
      expect(
        (await admin.put(`/v1/tenants/${tenantId}/personal-data-policy`, { contactRetentionSeconds: 3 })).body,
      ).toMatchObject({ contactRetentionSeconds: 3, source: 'district' });
      const members = `/v1/tenants/${tenantId}/grids/${grid.micro}/members`;
      const leaving = (await admin.post(members, { name: '李娜', phone: '13800000777', role: 'volunteer' })).body
        .memberId;
      const staying = (await admin.post(members, { name: '张建国', phone: '13800000778', role: 'party-hub' })).body
        .memberId;

      // Reading a phone is logged in grid-registry, with the member.
      const dispatcher = await registry(as.dispatcher(tenantId));
      expect((await dispatcher.get(`${members}/${leaving}/contact`)).body).toMatchObject({
        memberId: leaving,
        phone: '13800000777',
        active: true,
      });
      const log = (await (await registry(as.auditor(tenantId))).get(logPath(`?memberId=${leaving}`))).body;
      expect(log.items).toEqual([
        expect.objectContaining({
          memberId: leaving,
          caseId: null,
          fields: ['phone'],
          purpose: 'member-contact',
          route: 'GET /v1/tenants/:tenantId/grids/:gridId/members/:memberId/contact',
          reader: expect.objectContaining({ subject: `test:${tenantId}:dispatcher` }),
        }),
      ]);
      expect((await (await registry(as.resident(tenantId))).get(`${members}/${leaving}/contact`)).body.code).toBe(
        'FORBIDDEN_ROLE',
      );

      const ended = await admin.delete(`${members}/${leaving}`);
      expect(ended.body).toMatchObject({ active: false, hasPhone: true, phoneErasedAt: null });
      // The same person comes back: a new membership, whose phone the old one's erasure must not touch.
      const back = (await admin.post(members, { name: '李娜', phone: '13800000777', role: 'volunteer' })).body.memberId;

      const erased = await eventually(
        'the ended membership’s phone to be erased',
        async () => {
          const contactNow = (await dispatcher.get(`${members}/${leaving}/contact`)).body;
          return contactNow.phoneErasedAt ? contactNow : undefined;
        },
        20_000,
      );
      expect(erased).toMatchObject({ memberId: leaving, name: '李娜', phone: null, active: false });
      const [row] = await platform.database.query<{ name: string; phone: string | null }>(
        'SELECT name, phone FROM grid_registry.members WHERE id = $1',
        [leaving],
      );
      expect(row).toEqual({ name: '李娜', phone: null });
      expect((await dispatcher.get(`${members}/${back}/contact`)).body.phone).toBe('13800000777');
      expect((await dispatcher.get(`${members}/${staying}/contact`)).body.phone).toBe('13800000778');
      // Reading an erased phone shows nothing, so it is not logged.
      const auditor = await registry(as.auditor(tenantId));
      const loggedBefore = (await auditor.get(logPath(`?memberId=${leaving}`))).body.total;
      expect((await dispatcher.get(`${members}/${leaving}/contact`)).body.phone).toBeNull();
      expect((await auditor.get(logPath(`?memberId=${leaving}`))).body.total).toBe(loggedBefore);

      const latest = await eventually(
        'the phone-less contacts record',
        async () => {
          const records = recorder.events(MemberContactsChanged.type).filter((e) => e.subject === leaving);
          const last = records.at(-1);
          return last && (last.data as { phone: string | null }).phone === null && records.length >= 3
            ? records
            : undefined;
        },
        20_000,
      );
      expect(latest.map((e) => [(e.data as any).active, (e.data as any).phone])).toEqual([
        [true, '13800000777'],
        [false, '13800000777'],
        [false, null],
      ]);
    });
  });

  it('documents the personal-data routes in each service’s OpenAPI', async () => {
    const paths = async (url: string) => Object.keys((await httpClient(url).get('/openapi.json')).body.paths);
    expect(await paths(dispatchUrl)).toEqual(
      expect.arrayContaining([
        '/v1/tenants/{tenantId}/contact-access-log',
        '/v1/tenants/{tenantId}/personal-data-policy',
        '/v1/tenants/{tenantId}/issues/{issueId}/contact',
      ]),
    );
    expect(await paths(registryUrl)).toEqual(
      expect.arrayContaining([
        '/v1/tenants/{tenantId}/contact-access-log',
        '/v1/tenants/{tenantId}/personal-data-policy',
        '/v1/tenants/{tenantId}/grids/{gridId}/members/{memberId}/contact',
      ]),
    );
  });
});

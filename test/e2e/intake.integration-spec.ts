import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { IssueReported, Topics } from '@gridline/contracts';
import { eventually, httpClient, sleep } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { buildIntakeDistrict, IntakeDistrict, storedCounts } from '../support/intake-district';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/** Metres north of a point, in degrees of latitude. */
const north = (lat: number, metres: number) => Number((lat + metres / 111_195).toFixed(7));

/**
 * REST intake on the real services: photos by URL, a private contact (read only by its reporter and district
 * staff, never in events), the description cap, patrol/visit channels for grid staff only, and possible
 * duplicates offered from a configured radius and window — with bad input refused before anything is stored.
 */
describe('REST intake: photos, private contact, channels and possible duplicates', () => {
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let district: IntakeDistrict;
  let base: string;
  const contact = { name: '李先生', phone: '13698765432', email: 'li.xiansheng@example.org' };
  const spot = { lon: 113.6022, lat: 34.7022 };

  const client = async (token: Promise<string>) => httpClient(base, await token);
  const report = async (
    body: Record<string, unknown>,
    token = as.resident('erqi', 'resident:li'),
    headers: Record<string, string> = {},
  ) =>
    (await client(token)).post(
      '/v1/tenants/erqi/issues',
      { category: 'street-lighting', description: '路灯不亮', reporter: { name: '居民' }, ...body },
      headers,
    );

  beforeAll(async () => {
    // Duplicates within 40 m and 2 hours, to show both settings at work.
    platform = await startPlatform('intake', ['grid-registry', 'issue-dispatch'], {
      DUPLICATE_RADIUS_METRES: '40',
      DUPLICATE_WINDOW_HOURS: '2',
    });
    base = platform.services['issue-dispatch'].baseUrl;
    recorder = await new EventRecorder(EventRecorder.kafka()).start([platform.topic(Topics.issueEvents.name)]);
    district = await buildIntakeDistrict(platform);
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  let reported: string;

  it('takes photos and a contact, answers the reporter with both, and keeps the contact out of every event', async () => {
    const photos = ['https://photos.example.org/lamp-1.jpg', 'http://photos.example.org/lamp-2.jpg?size=large'];
    const response = await report({ location: spot, photoUrls: photos, reporter: contact });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      channel: 'resident',
      intakeSource: 'rest',
      photoUrls: photos,
      contact: { name: contact.name, phone: contact.phone, email: contact.email },
      possibleDuplicates: [],
      holderGridId: district.grid.micro47,
    });
    reported = response.body.id;
    const [row] = await platform.database.query(
      'SELECT photo_urls, reporter_email, reporter_phone FROM issue_dispatch.issues WHERE id = $1',
      [reported],
    );
    expect(row).toEqual({ photo_urls: photos, reporter_email: contact.email, reporter_phone: contact.phone });

    await recorder.waitForEvent('the report', (e) => e.type === IssueReported.type && e.subject === reported);
    await sleep(300);
    const everything = JSON.stringify(recorder.messages);
    for (const secret of [contact.phone, contact.email, contact.name]) expect(everything).not.toContain(secret);
  });

  it('shows the contact only to its reporter and district staff', async () => {
    const read = async (token: Promise<string>) => (await client(token)).get(`/v1/tenants/erqi/issues/${reported}`);
    for (const [who, token] of [
      ['the reporter', as.resident('erqi', 'resident:li')],
      ['the dispatch centre', as.dispatcher('erqi')],
      ['the district administrator', as.districtAdmin('erqi')],
    ] as const) {
      const response = await read(token);
      expect({ who, status: response.status, contact: response.body.contact }).toEqual({ who, status: 200, contact });
    }
    for (const [who, token] of [
      ['the leader of the micro-grid holding it', as.leader('erqi', district.grid.micro47)],
      ['a worker of the level-3 grid above', as.worker('erqi', district.grid.level3)],
      ['a city viewer', as.cityViewer()],
    ] as const) {
      const response = await read(token);
      expect({
        who,
        status: response.status,
        hasContact: 'contact' in response.body,
        photos: response.body.photoUrls?.length,
      }).toEqual({ who, status: 200, hasContact: false, photos: 2 });
      expect(JSON.stringify(response.body)).not.toContain(contact.phone);
    }
    const otherResident = await read(as.resident('erqi', 'resident:someone-else'));
    expect([otherResident.status, otherResident.body.code]).toEqual([404, 'ISSUE_NOT_FOUND']);
    const otherDistrict = await read(as.districtAdmin('jinshui'));
    expect([otherDistrict.status, otherDistrict.body.code]).toEqual([403, 'FORBIDDEN_DISTRICT']);
  });

  it('refuses bad photos, missing or malformed contacts, descriptions and channels with a 4xx naming the field, storing and announcing nothing', async () => {
    await eventually(
      'every stored report to be announced',
      async () => recorder.events(IssueReported.type).length === (await storedCounts(platform)).issues,
    );
    const before = await storedCounts(platform);
    const announced = recorder.events(IssueReported.type).length;
    const six = Array.from({ length: 6 }, (_, i) => `https://photos.example.org/${i}.jpg`);
    const cases: Array<[string, Record<string, unknown>, Promise<string> | undefined, number, string, string]> = [
      [
        'an ftp photo',
        { photoUrls: ['ftp://photos.example.org/a.jpg'] },
        undefined,
        400,
        'VALIDATION_FAILED',
        'photoUrls',
      ],
      ['a photo that is not a URL', { photoUrls: ['lamp.jpg'] }, undefined, 400, 'VALIDATION_FAILED', 'photoUrls'],
      ['six photos', { photoUrls: six }, undefined, 400, 'VALIDATION_FAILED', 'photoUrls'],
      [
        'a photo URL over 2048 characters',
        { photoUrls: [`https://photos.example.org/${'a'.repeat(2030)}.jpg`] },
        undefined,
        400,
        'VALIDATION_FAILED',
        'photoUrls',
      ],
      [
        'photos not given as a list',
        { photoUrls: 'https://photos.example.org/a.jpg' },
        undefined,
        400,
        'VALIDATION_FAILED',
        'photoUrls',
      ],
      ['no reporter', { reporter: undefined }, undefined, 400, 'VALIDATION_FAILED', 'reporter'],
      ['a reporter that is a string', { reporter: '居民' }, undefined, 400, 'VALIDATION_FAILED', 'reporter'],
      [
        'a malformed e-mail',
        { reporter: { name: '居民', email: 'li at example' } },
        undefined,
        400,
        'VALIDATION_FAILED',
        'reporter.email',
      ],
      [
        'a malformed phone',
        { reporter: { name: '居民', phone: 'call me' } },
        undefined,
        400,
        'VALIDATION_FAILED',
        'reporter.phone',
      ],
      [
        'a description of 2001 characters',
        { description: '灯'.repeat(2001) },
        undefined,
        400,
        'VALIDATION_FAILED',
        'description',
      ],
      ['an unknown channel', { channel: 'drone' }, undefined, 400, 'VALIDATION_FAILED', 'channel'],
      ['a resident claiming a patrol', { channel: 'patrol' }, undefined, 403, 'FORBIDDEN_CHANNEL', ''],
      ['a resident claiming a home visit', { channel: 'visit' }, undefined, 403, 'FORBIDDEN_CHANNEL', ''],
      [
        'the dispatch centre claiming a patrol',
        { channel: 'patrol' },
        as.dispatcher('erqi'),
        403,
        'FORBIDDEN_CHANNEL',
        '',
      ],
    ];
    for (const [what, body, token, status, code, field] of cases) {
      const response = await report({ location: spot, ...body }, token);
      expect({ what, status: response.status, code: response.body.code }).toEqual({ what, status, code });
      if (field)
        expect({ what, fields: response.body.details.map((d: { field: string }) => d.field) }).toEqual({
          what,
          fields: expect.arrayContaining([field]),
        });
    }
    expect((await report({ location: spot, description: '灯'.repeat(2001) })).body.message).toContain(
      'description must be 1-2000 characters',
    );
    const noWindows = await (
      await client(as.districtAdmin('erqi'))
    ).put('/v1/tenants/erqi/categories/no-windows', { name: '无时限' });
    expect([
      noWindows.status,
      noWindows.body.code,
      noWindows.body.details?.map((d: { field: string }) => d.field),
    ]).toEqual([400, 'VALIDATION_FAILED', ['ackWithinSeconds']]);
    await sleep(1000);
    expect(await storedCounts(platform)).toEqual(before);
    expect(recorder.events(IssueReported.type).length).toBe(announced);
  });

  it('lets grid workers report from patrols and leaders from home visits, announced with their channel', async () => {
    const patrol = await report(
      { address: '嵩山路47号院', channel: 'patrol', category: 'noise', description: '巡查发现夜间施工' },
      as.worker('erqi', district.grid.level3),
    );
    const visit = await report(
      { address: '嵩山路47号院', channel: 'visit', category: 'noise', description: '入户走访:邻居反映噪音' },
      as.leader('erqi', district.grid.micro47),
    );
    expect([patrol.status, patrol.body.channel, visit.status, visit.body.channel]).toEqual([
      201,
      'patrol',
      201,
      'visit',
    ]);
    const channels = await eventually('both reports announced', async () => {
      const found = recorder
        .events(IssueReported.type)
        .filter((e) => e.subject === patrol.body.id || e.subject === visit.body.id);
      return found.length === 2 ? found.map((e) => [e.subject, (e.data as { channel: string }).channel]) : undefined;
    });
    expect(channels).toEqual(
      expect.arrayContaining([
        [patrol.body.id, 'patrol'],
        [visit.body.id, 'visit'],
      ]),
    );
    // The home visit was at the same courtyard as the patrol's report: offered as a possible duplicate.
    expect(visit.body.possibleDuplicates).toEqual([
      {
        issueId: patrol.body.id,
        category: 'noise',
        state: 'dispatched',
        reportedAt: patrol.body.reportedAt,
        matchedBy: 'place',
        distanceMetres: null,
      },
    ]);
  });

  it('offers open reports of the same category within the radius and window, nearest first, and stores the new report anyway', async () => {
    const at = (metresNorth: number) => ({ lon: spot.lon, lat: north(spot.lat, metresNorth) });
    const offered = (response: {
      body: { possibleDuplicates: Array<{ issueId: string; matchedBy: string; distanceMetres: number }> };
    }) => response.body.possibleDuplicates.map((d) => [d.issueId, d.matchedBy, d.distanceMetres]);

    const near = await report({ location: at(30) });
    expect(offered(near)).toEqual([[reported, 'radius', 30]]);
    const both = await report({ location: at(10) });
    expect(offered(both)).toEqual([
      [reported, 'radius', 10],
      [near.body.id, 'radius', 20],
    ]);
    expect((await report({ location: at(-45) })).body.possibleDuplicates).toEqual([]); // 45 m from the first, 60+ from the others
    expect((await report({ location: spot, category: 'noise' })).body.possibleDuplicates).toEqual([]); // another category

    // An Idempotency-Key retry answers with the same offer; one issue is stored.
    // Unique per run: Redis outlives the run's database, and keys are scoped by district and caller.
    const key = { 'idempotency-key': `intake-retry-${randomBytes(6).toString('hex')}` };
    const once = await report({ location: at(5), description: '重复提交' }, undefined, key);
    const again = await report({ location: at(5), description: '重复提交' }, undefined, key);
    expect(again.body).toEqual(once.body);
    expect(once.body.possibleDuplicates.length).toBeGreaterThan(0);
    expect(
      await platform.database.query(
        "SELECT count(*)::int AS n FROM issue_dispatch.issues WHERE description = '重复提交'",
      ),
    ).toEqual([{ n: 1 }]);

    // Outside the 2-hour window, and closed or rejected cases, are not offered.
    await platform.database.query(
      `UPDATE issue_dispatch.issues SET reported_at = now() - interval '3 hours' WHERE id = $1`,
      [reported],
    );
    await platform.database.query(`UPDATE issue_dispatch.issues SET state = 'rejected' WHERE id = $1`, [near.body.id]);
    await platform.database.query(`UPDATE issue_dispatch.issues SET state = 'closed' WHERE id = $1`, [both.body.id]);
    const later = await report({ location: at(20) });
    expect(offered(later)).toEqual([[once.body.id, 'radius', 15]]); // not the first (3 h old), the rejected or the closed one
  });

  it('answers each of many simultaneous reports with its own earlier neighbours (their lookups go together)', async () => {
    const addresses = Array.from({ length: 12 }, (_, i) => `并发测试路${i + 1}号`);
    const first: string[] = [];
    for (const address of addresses) {
      const response = await report({ address, description: '第一次报告' });
      expect(response.status).toBe(201);
      first.push(response.body.id);
    }
    const together = await Promise.all(addresses.map((address) => report({ address, description: '同时报告' })));
    expect(together.map((response) => response.status)).toEqual(addresses.map(() => 201));
    expect(
      together.map((response) => response.body.possibleDuplicates.map((d: { issueId: string }) => d.issueId)),
    ).toEqual(first.map((id) => [id]));
    expect(together.every((response) => response.body.possibleDuplicates[0].matchedBy === 'place')).toBe(true);
  });

  it('offers the five newest of many earlier reports at an address, newest first', async () => {
    const address = '积水路3号';
    const earlier: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const response = await report({ address, description: `积水 ${i}` });
      expect(response.status).toBe(201);
      earlier.push(response.body.id);
    }
    const latest = await report({ address, description: '又积水了' });
    expect(
      latest.body.possibleDuplicates.map((d: { issueId: string; matchedBy: string }) => [d.issueId, d.matchedBy]),
    ).toEqual(
      earlier
        .slice(2)
        .reverse()
        .map((id) => [id, 'place']),
    );
  });

  it('offers an earlier report that is both at the address and inside the radius once, by its place', async () => {
    const address = '双重匹配路8号';
    const place = { lon: spot.lon + 0.01, lat: spot.lat + 0.01 };
    const earlier = await report({ address, location: place, description: '第一次报告' });
    expect(earlier.status).toBe(201);
    const [again, alsoAgain] = await Promise.all([
      report({ address, location: { lon: place.lon, lat: north(place.lat, 5) }, description: '再次报告' }),
      report({ address, location: { lon: place.lon, lat: north(place.lat, 8) }, description: '又一次报告' }),
    ]);
    for (const response of [again, alsoAgain]) {
      const offeredIds = response.body.possibleDuplicates.map((d: { issueId: string }) => d.issueId);
      // Each earlier report once, whether the two simultaneous ones see each other or not.
      expect(new Set(offeredIds).size).toBe(offeredIds.length);
      const ofEarlier = response.body.possibleDuplicates.filter(
        (d: { issueId: string }) => d.issueId === earlier.body.id,
      );
      expect(ofEarlier).toEqual([expect.objectContaining({ matchedBy: 'place' })]);
    }
  });

  describe('an Idempotency-Key whose first request died', () => {
    const subject = 'resident:retrier';
    const body = (description: string) => ({
      category: 'street-lighting',
      location: spot,
      description,
      reporter: { name: '居民' },
    });
    const send = async (key: string, description: string) =>
      (await client(as.resident('erqi', subject))).post('/v1/tenants/erqi/issues', body(description), {
        'Idempotency-Key': key,
      });
    const stored = async (description: string) =>
      (
        await platform.database.query<{ id: string }>('SELECT id FROM issue_dispatch.issues WHERE description = $1', [
          description,
        ])
      ).map((r) => r.id);
    let redis: Redis;
    // What a replica SIGKILLed mid-request leaves in Redis: the key claimed, no answer kept.
    const leavePending = (key: string) =>
      redis.set(`idempotency:issue-report:erqi:${subject}:${key}`, 'pending', 'EX', 3600);

    beforeAll(() => {
      redis = new Redis(process.env.REDIS_URL as string);
    });
    afterAll(async () => {
      await redis?.quit();
    });

    it('answers a retry with the case the first request committed, when its answer was lost with its replica', async () => {
      const key = `crash-after-commit-${randomBytes(4).toString('hex')}`;
      const first = await send(key, '提交后崩溃');
      expect(first.status).toBe(201);
      await leavePending(key);
      const retry = await send(key, '提交后崩溃');
      expect([retry.status, retry.body.id, retry.body.category]).toEqual([201, first.body.id, 'street-lighting']);
      expect(await stored('提交后崩溃')).toEqual([first.body.id]);
      const reused = await send(key, '换了内容');
      expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
      expect(await stored('换了内容')).toEqual([]);
    });

    it('lets a retry create the case when the first request died before committing, instead of answering 409 for a day', async () => {
      const key = `crash-before-commit-${randomBytes(4).toString('hex')}`;
      await leavePending(key);
      const retry = await send(key, '提交前崩溃');
      expect(retry.status).toBe(201);
      expect(await stored('提交前崩溃')).toEqual([retry.body.id]);
      expect((await send(key, '提交前崩溃')).body.id).toBe(retry.body.id);
    });

    it('makes one case of five identical requests sent at once, each answered with it', async () => {
      const key = `at-once-${randomBytes(4).toString('hex')}`;
      await leavePending(key); // all five race past Redis to the database, as after a crash
      const answers = await Promise.all(Array.from({ length: 5 }, () => send(key, '同时提交')));
      const ids = await stored('同时提交');
      expect(ids).toHaveLength(1);
      expect(answers.map((a) => [a.status, a.body.id])).toEqual(Array.from({ length: 5 }, () => [201, ids[0]]));
    });
  });
});

import { randomBytes } from 'node:crypto';
import { IssueDispatched, IssueReported, Topics } from '@gridline/contracts';
import { eventually, httpClient, sleep } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { buildIntakeDistrict, IntakeDistrict, storedCounts } from '../support/intake-district';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/**
 * Open311 GeoReport v2 (JSON) on the real services: a civic app discovers the endpoint, lists a district's
 * services, posts a form with the API key its district issued, and follows requests — routed and dispatched
 * exactly like a REST report, never showing the reporter's contact, refusing bad input in Open311's error
 * format with nothing stored and no event, and keeping every key to its own district.
 */
describe('Open311 GeoReport v2', () => {
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let district: IntakeDistrict;
  let base: string;
  const keys = { erqi: '', jinshui: '', revoked: '', reader: '' };
  const contact = { first_name: '王', last_name: '秀英', phone: '13712345678', email: 'wang.xiuying@example.org' };

  const get = async (path: string, query: Record<string, string> = {}) => {
    const response = await fetch(
      `${base}/open311/v2/${path}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`,
    );
    return { status: response.status, headers: response.headers, text: await response.text() } as const;
  };
  const getJson = async (path: string, query: Record<string, string> = {}) => {
    const response = await get(path, { api_key: keys.reader, ...query });
    return { status: response.status, body: JSON.parse(response.text) };
  };
  const post = async (form: Record<string, string> | string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: typeof form === 'string' ? form : new URLSearchParams(form).toString(),
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text), text };
  };
  const lighting = (extra: Record<string, string> = {}) => ({
    jurisdiction_id: 'erqi',
    service_code: 'street-lighting',
    api_key: keys.erqi,
    lat: '34.7011',
    long: '113.6011',
    description: '楼道灯不亮 — the stairwell light is out',
    ...extra,
  });

  beforeAll(async () => {
    platform = await startPlatform('open311', ['grid-registry', 'issue-dispatch'], {
      OPEN311_RATE_PER_MINUTE_ANONYMOUS: '25',
      OPEN311_RATE_PER_MINUTE_PER_KEY: '5000',
    });
    base = platform.services['issue-dispatch'].baseUrl;
    recorder = await new EventRecorder(EventRecorder.kafka()).start([platform.topic(Topics.issueEvents.name)]);
    district = await buildIntakeDistrict(platform);
    const issue = async (tenantId: string, appName: string) => {
      const response = await httpClient(base, await as.districtAdmin(tenantId)).post(
        `/v1/tenants/${tenantId}/open311/api-keys`,
        { appName },
      );
      expect(response.status).toBe(201);
      return response.body;
    };
    keys.erqi = (await issue('erqi', '城市大脑 civic app')).apiKey;
    keys.reader = (await issue('erqi', 'a read-only dashboard')).apiKey;
    keys.jinshui = (await issue('jinshui', '金水 civic app')).apiKey;
    const revoked = await issue('erqi', 'a retired app');
    keys.revoked = revoked.apiKey;
    const revoke = await fetch(`${base}/v1/tenants/erqi/open311/api-keys/${revoked.keyId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await as.districtAdmin('erqi')}` },
    });
    expect(revoke.status).toBe(204);
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  it('keeps API keys to district administrators, shows a key once and stores only its hash', async () => {
    const admin = httpClient(base, await as.districtAdmin('erqi'));
    const listed = await admin.get('/v1/tenants/erqi/open311/api-keys');
    expect(listed.status).toBe(200);
    expect(
      listed.body.map((k: { appName: string; revokedAt: string | null }) => [k.appName, k.revokedAt === null]),
    ).toEqual([
      ['城市大脑 civic app', true],
      ['a read-only dashboard', true],
      ['a retired app', false],
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(keys.erqi);
    expect(listed.body[0].keyHint).toBe(keys.erqi.slice(-4));
    const stored = await platform.database.query<{ key_hash: string }>(
      'SELECT key_hash FROM issue_dispatch.open311_api_keys',
    );
    expect(stored.map((r) => r.key_hash)).not.toContain(keys.erqi);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash))).toBe(true);

    const resident = await admin
      .as(await as.resident('erqi'))
      .post('/v1/tenants/erqi/open311/api-keys', { appName: 'x' });
    expect([resident.status, resident.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const foreign = await admin.post('/v1/tenants/jinshui/open311/api-keys', { appName: 'x' });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'FORBIDDEN_DISTRICT']);
    const anonymous = await admin.as().get('/v1/tenants/erqi/open311/api-keys');
    expect(anonymous.status).toBe(401);
  });

  it('serves discovery, the district’s services and a service definition', async () => {
    const discovery = await getJson('discovery.json');
    expect(discovery.status).toBe(200);
    expect(discovery.body.endpoints).toEqual([
      expect.objectContaining({
        url: `${base}/open311/v2`,
        formats: ['application/json', 'text/xml'],
        specification: 'http://wiki.open311.org/GeoReport_v2',
      }),
    ]);

    const openapi = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(
      Object.keys(openapi.paths)
        .filter((path) => path.startsWith('/open311/v2/'))
        .sort(),
    ).toEqual(
      ['discovery', 'requests', 'requests/{id}', 'services', 'services/{code}']
        .flatMap((p) => [`/open311/v2/${p}.json`, `/open311/v2/${p}.xml`])
        .sort(),
    );

    const services = await getJson('services.json', { jurisdiction_id: 'erqi' });
    expect(services.status).toBe(200);
    expect(services.body).toEqual([
      {
        service_code: 'noise',
        service_name: '噪音 noise',
        description: '噪音 noise',
        metadata: true,
        type: 'realtime',
        keywords: 'noise',
        group: '',
      },
      {
        service_code: 'street-lighting',
        service_name: '路灯 street lighting',
        description: '路灯 street lighting',
        metadata: true,
        type: 'realtime',
        keywords: 'street,lighting',
        group: '',
      },
    ]);
    const definition = await getJson('services/street-lighting.json', { jurisdiction_id: 'erqi' });
    expect(definition.status).toBe(200);
    expect(definition.body.service_code).toBe('street-lighting');
    expect(
      definition.body.attributes.map((a: { code: string; datatype: string; required: boolean }) => [
        a.code,
        a.datatype,
        a.required,
      ]),
    ).toEqual([
      ['DANGER', 'singlevaluelist', false],
      ['LANDMARK', 'string', false],
    ]);
    expect(definition.body.attributes[0].values).toEqual([
      { key: 'yes', name: 'Yes 是' },
      { key: 'no', name: 'No 否' },
    ]);

    // The same documents in the specification's XML format, errors included.
    const servicesXml = await get('services.xml', { api_key: keys.reader, jurisdiction_id: 'erqi' });
    expect([servicesXml.status, servicesXml.headers.get('content-type')]).toEqual([
      200,
      expect.stringContaining('application/xml'),
    ]);
    expect(servicesXml.text).toContain(
      '<services><service><service_code>noise</service_code><service_name>噪音 noise</service_name>',
    );
    expect(servicesXml.text).toContain('<service><service_code>street-lighting</service_code>');
    const definitionXml = await get('services/street-lighting.xml', { api_key: keys.reader, jurisdiction_id: 'erqi' });
    expect(definitionXml.text).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?><service_definition><service_code>street-lighting<\/service_code><attributes><attribute><variable>true<\/variable><code>DANGER<\/code>/,
    );
    expect(definitionXml.text).toContain('<values><value><key>yes</key><name>Yes 是</name></value>');
    const unknownXml = await get('services/potholes.xml', { api_key: keys.reader, jurisdiction_id: 'erqi' });
    expect([unknownXml.status, unknownXml.headers.get('content-type')]).toEqual([
      404,
      expect.stringContaining('application/xml'),
    ]);
    expect(unknownXml.text).toMatch(
      /<errors><error><code>404<\/code><description>UNKNOWN_SERVICE_CODE: [^<]+<\/description><\/error><\/errors>$/,
    );
    expect((await get('discovery.xml')).text).toContain(
      '<formats><format>application/json</format><format>text/xml</format></formats>',
    );

    const cases: Array<[string, string, Record<string, string>, number, string]> = [
      ['an unknown jurisdiction', 'services.json', { jurisdiction_id: 'atlantis' }, 404, 'UNKNOWN_JURISDICTION'],
      ['no jurisdiction', 'services.json', {}, 400, 'VALIDATION_FAILED'],
      ['a malformed jurisdiction', 'services.json', { jurisdiction_id: 'ERQI DISTRICT' }, 400, 'VALIDATION_FAILED'],
      ['an unknown service code', 'services/potholes.json', { jurisdiction_id: 'erqi' }, 404, 'UNKNOWN_SERVICE_CODE'],
      [
        'a service of no category in this district',
        'services/street-lighting.json',
        { jurisdiction_id: 'atlantis' },
        404,
        'UNKNOWN_JURISDICTION',
      ],
    ];
    for (const [what, path, query, status, code] of cases) {
      const response = await getJson(path, query);
      expect({ what, status: response.status, body: response.body }).toEqual({
        what,
        status,
        body: [{ code: status, description: expect.stringMatching(new RegExp(`^${code}: `)) }],
      });
    }
  });

  let first: string;

  it('takes a civic app’s form post, routes it to the micro-grid and dispatches it, without the contact in any event', async () => {
    const response = await post({
      ...lighting(),
      ...contact,
      media_url: 'https://photos.example.org/lamp.jpg',
      device_id: 'device-42',
      'attribute[DANGER]': 'no',
      'attribute[LANDMARK]': '3号楼东侧',
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual([
      {
        service_request_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        service_notice: 'Received and dispatched to the responsible grid.',
        account_id: null,
      },
    ]);
    first = response.body[0].service_request_id;

    const dispatched = await recorder.waitForEvent(
      'the dispatch',
      (e) => e.type === IssueDispatched.type && e.subject === first,
    );
    expect(dispatched.data).toMatchObject({
      tenantId: 'erqi',
      category: 'street-lighting',
      gridId: district.grid.micro47,
      level: 'micro',
    });
    const reported = recorder.events(IssueReported.type).find((e) => e.subject === first);
    expect(reported?.data).toMatchObject({ channel: 'resident', gridId: district.grid.micro47 });

    const [row] = await platform.database.query(
      `SELECT intake_source, intake_app_id IS NOT NULL AS has_app, intake_details, reporter_name, reporter_phone, reporter_email, photo_urls, location_lon, location_lat, state
         FROM issue_dispatch.issues WHERE id = $1`,
      [first],
    );
    expect(row).toEqual({
      intake_source: 'open311',
      has_app: true,
      intake_details: { deviceId: 'device-42', attributes: { DANGER: 'no', LANDMARK: '3号楼东侧' } },
      reporter_name: '王 秀英',
      reporter_phone: contact.phone,
      reporter_email: contact.email,
      photo_urls: ['https://photos.example.org/lamp.jpg'],
      location_lon: 113.6011,
      location_lat: 34.7011,
      state: 'dispatched',
    });
    const everything = JSON.stringify(recorder.messages);
    for (const secret of [contact.phone, contact.email, '秀英', 'device-42']) expect(everything).not.toContain(secret);
  });

  it('takes a post and answers lists in XML on the .xml paths', async () => {
    const response = await fetch(`${base}/open311/v2/requests.xml`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(
        lighting({ lat: '34.7040', long: '113.6040', description: 'XML 客户端: 路灯 <不亮> & 闪烁' }),
      ).toString(),
    });
    const text = await response.text();
    expect([response.status, response.headers.get('content-type')]).toEqual([
      201,
      expect.stringContaining('application/xml'),
    ]);
    const id =
      /<service_requests><request><service_request_id>([0-9a-f-]{36})<\/service_request_id><service_notice>[^<]+<\/service_notice><account_id\/><\/request><\/service_requests>$/.exec(
        text,
      )?.[1];
    expect(id).toBeDefined();
    const one = await get(`requests/${id}.xml`, { api_key: keys.reader, jurisdiction_id: 'erqi' });
    expect(one.status).toBe(200);
    expect(one.text).toContain(
      `<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`,
    );
    expect(one.text).toContain('<description>XML 客户端: 路灯 &lt;不亮&gt; &amp; 闪烁</description>');
    const refused = await fetch(`${base}/open311/v2/requests.xml`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(lighting({ api_key: 'not-a-key' })).toString(),
    });
    expect([refused.status, await refused.text()]).toEqual([
      403,
      expect.stringMatching(/<errors><error><code>403<\/code><description>[^<]+<\/description><\/error><\/errors>$/),
    ]);
  });

  it('routes by address_string and by address_id like a REST report', async () => {
    const byAddress = await post({
      jurisdiction_id: 'erqi',
      service_code: 'noise',
      api_key: keys.erqi,
      address_string: '嵩山路 ４７号院',
      description: '夜间施工',
    });
    expect(byAddress.status).toBe(201);
    const byPlace = await post({
      jurisdiction_id: 'erqi',
      service_code: 'noise',
      api_key: keys.erqi,
      address_id: district.placeId,
      description: '广场舞音响',
    });
    expect(byPlace.status).toBe(201);
    const rows = await platform.database.query<{ origin_grid_id: string; address: string }>(
      'SELECT origin_grid_id, address FROM issue_dispatch.issues WHERE id = ANY($1::uuid[]) ORDER BY reported_at',
      [[byAddress.body[0].service_request_id, byPlace.body[0].service_request_id]],
    );
    expect(rows).toEqual([
      { origin_grid_id: district.grid.micro47, address: '嵩山路 ４７号院' },
      { origin_grid_id: district.grid.micro47, address: '嵩山路47号院' },
    ]);
    // The second report at the same registered place is offered the first as a possible duplicate.
    expect(byPlace.body[0].service_notice).toContain(
      `Possible duplicate of an earlier open request: ${byAddress.body[0].service_request_id}`,
    );
  });

  it('creates one request for a retried post with the same Idempotency-Key', async () => {
    const form = lighting({ lat: '34.7031', long: '113.6071', description: '汝河路22号院路灯' });
    const retry = { 'idempotency-key': `civic-app-retry-${randomBytes(6).toString('hex')}` };
    const once = await post(form, retry);
    const again = await post(form, retry);
    expect([once.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(once.body);
    const rows = await platform.database.query(
      'SELECT origin_grid_id FROM issue_dispatch.issues WHERE description = $1',
      ['汝河路22号院路灯'],
    );
    expect(rows).toEqual([{ origin_grid_id: district.grid.micro22 }]);
  });

  it('offers earlier open requests nearby as possible duplicates, and stores the new one anyway', async () => {
    const near = await post(lighting({ lat: '34.7012', long: '113.6012', description: '又一盏灯坏了' }));
    expect(near.status).toBe(201);
    expect(near.body[0].service_notice).toMatch(
      new RegExp(
        `Possible duplicate of an earlier open request: ${first} \\(.+, 14 m away\\)\\. The dispatch centre decides\\.`,
      ),
    );
    const otherService = await post(
      lighting({ service_code: 'noise', lat: '34.7012', long: '113.6012', description: '噪音' }),
    );
    expect(otherService.body[0].service_notice).toBe('Received and dispatched to the responsible grid.');
    expect(
      (
        await platform.database.query('SELECT 1 FROM issue_dispatch.issues WHERE id = $1', [
          near.body[0].service_request_id,
        ])
      ).length,
    ).toBe(1);
  });

  it('refuses bad posts in Open311’s error format, storing nothing and announcing nothing', async () => {
    const reportedBefore = () => recorder.events(IssueReported.type).length;
    await eventually(
      'every stored report to be announced',
      async () => reportedBefore() === (await storedCounts(platform)).issues,
    );
    const before = await storedCounts(platform);
    const eventsBefore = reportedBefore();
    const { api_key: _key, ...withoutKey } = lighting();
    const cases: Array<[string, Record<string, string> | string, number, string]> = [
      ['an unknown jurisdiction', lighting({ jurisdiction_id: 'atlantis' }), 404, 'UNKNOWN_JURISDICTION'],
      ['no jurisdiction', lighting({ jurisdiction_id: undefined as unknown as string }), 400, 'VALIDATION_FAILED'],
      ['an unknown service code', lighting({ service_code: 'potholes' }), 404, 'UNKNOWN_SERVICE_CODE'],
      [
        'no location',
        { jurisdiction_id: 'erqi', service_code: 'street-lighting', api_key: keys.erqi, description: '灯坏了' },
        400,
        'VALIDATION_FAILED',
      ],
      ['lat without long', lighting({ long: undefined as unknown as string }), 400, 'VALIDATION_FAILED'],
      ['a latitude out of range', lighting({ lat: '134.7' }), 400, 'VALIDATION_FAILED'],
      ['a longitude that is not a number', lighting({ long: 'east' }), 400, 'VALIDATION_FAILED'],
      ['a location outside the district', lighting({ lat: '34.70', long: '113.70' }), 400, 'LOCATION_NOT_IN_DISTRICT'],
      [
        'an unknown address_id',
        {
          jurisdiction_id: 'erqi',
          service_code: 'street-lighting',
          api_key: keys.erqi,
          address_id: 'no-such-place',
          description: 'x',
        },
        400,
        'VALIDATION_FAILED',
      ],
      ['a description over 2000 characters', lighting({ description: '灯'.repeat(2001) }), 400, 'VALIDATION_FAILED'],
      [
        'a media_url that is not http(s)',
        lighting({ media_url: 'ftp://photos.example.org/lamp.jpg' }),
        400,
        'VALIDATION_FAILED',
      ],
      ['a malformed e-mail', lighting({ email: 'wang at example' }), 400, 'VALIDATION_FAILED'],
      ['an unknown attribute', lighting({ 'attribute[COLOUR]': 'red' }), 400, 'VALIDATION_FAILED'],
      ['a value outside an attribute’s list', lighting({ 'attribute[DANGER]': 'maybe' }), 400, 'VALIDATION_FAILED'],
      ['a field given twice', `${new URLSearchParams(lighting())}&service_code=noise`, 400, 'VALIDATION_FAILED'],
      ['a field Open311 does not know', lighting({ priority: 'urgent' }), 400, 'VALIDATION_FAILED'],
      ['no api_key', withoutKey, 403, 'API_KEY_REQUIRED'],
      ['a made-up api_key', lighting({ api_key: 'o311_not-a-key-we-issued' }), 403, 'API_KEY_INVALID'],
      ['a revoked api_key', lighting({ api_key: keys.revoked }), 403, 'API_KEY_INVALID'],
      ['the key of another district', lighting({ api_key: keys.jinshui }), 403, 'API_KEY_WRONG_JURISDICTION'],
    ];
    for (const [what, form, status, code] of cases) {
      const clean =
        typeof form === 'string' ? form : Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined));
      const response = await post(clean);
      expect({ what, status: response.status, body: response.body }).toEqual({
        what,
        status,
        body: [{ code: status, description: expect.stringMatching(new RegExp(`^${code}: `)) }],
      });
    }
    const tooLong = await post(lighting({ description: '灯'.repeat(2001) }));
    expect(tooLong.body[0].description).toContain('description');
    const swapped = await post(lighting({ lat: '34.70', long: '113.70' }));
    expect(swapped.body[0].description).toContain('lies within no grid boundary of district erqi');
    // Jinshui's own key posts into jinshui, but its district has no boundary there: refused, nothing stored.
    const jinshui = await post(lighting({ jurisdiction_id: 'jinshui', api_key: keys.jinshui }));
    expect([jinshui.status, jinshui.body[0].description]).toEqual([
      400,
      expect.stringMatching(/^LOCATION_NOT_IN_DISTRICT: /),
    ]);

    // A form over the body limit (100 kB) is refused before routing, in Open311's error array all the same.
    const oversized = await post(`${new URLSearchParams(lighting())}&device_id=${'x'.repeat(110_000)}`);
    expect([oversized.status, oversized.body]).toEqual([
      413,
      [{ code: 413, description: expect.stringMatching(/^PAYLOAD_TOO_LARGE: /) }],
    ]);
    // The same on the XML path: Open311's error document in XML, though no route's filter saw the request.
    const oversizedXml = await fetch(`${base}/open311/v2/requests.xml`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `${new URLSearchParams(lighting())}&device_id=${'x'.repeat(110_000)}`,
    });
    expect([oversizedXml.status, oversizedXml.headers.get('content-type'), await oversizedXml.text()]).toEqual([
      413,
      expect.stringContaining('application/xml'),
      expect.stringMatching(
        /<errors><error><code>413<\/code><description>PAYLOAD_TOO_LARGE: [^<]+<\/description><\/error><\/errors>$/,
      ),
    ]);

    await sleep(1000);
    expect(await storedCounts(platform)).toEqual(before);
    expect(reportedBefore()).toBe(eventsBefore);
  });

  it('lists requests with the standard filters, maps richer states to open/closed, and never shows the contact', async () => {
    const all = await getJson('requests.json', { jurisdiction_id: 'erqi' });
    expect(all.status).toBe(200);
    const ids = (
      await platform.database.query<{ id: string }>(
        "SELECT id FROM issue_dispatch.issues WHERE tenant_id = 'erqi' ORDER BY reported_at DESC",
      )
    ).map((r) => r.id);
    expect(all.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual(ids);
    const one = all.body.find((r: { service_request_id: string }) => r.service_request_id === first);
    expect(one).toEqual({
      service_request_id: first,
      status: 'open',
      status_notes: 'dispatched; held at micro-grid level',
      service_name: '路灯 street lighting',
      service_code: 'street-lighting',
      description: '楼道灯不亮 — the stairwell light is out',
      agency_responsible: '47号院',
      service_notice: null,
      requested_datetime: expect.any(String),
      updated_datetime: expect.any(String),
      expected_datetime: null,
      address: null,
      address_id: null,
      zipcode: null,
      lat: 34.7011,
      long: 113.6011,
      media_url: 'https://photos.example.org/lamp.jpg',
    });
    for (const secret of [contact.phone, contact.email, '秀英', 'device-42', 'open311:'])
      expect(JSON.stringify(all.body)).not.toContain(secret);

    // States the case loop is growing (built in parallel) map through one rule: closed or rejected → closed.
    const [closed, rejected, working] = ids.slice(0, 3);
    await platform.database.query(`UPDATE issue_dispatch.issues SET state = 'closed' WHERE id = $1`, [closed]);
    await platform.database.query(`UPDATE issue_dispatch.issues SET state = 'rejected' WHERE id = $1`, [rejected]);
    await platform.database.query(
      `UPDATE issue_dispatch.issues SET state = 'in-progress', holder_level = 'community', holder_grid_id = $2 WHERE id = $1`,
      [working, district.grid.community],
    );
    const status = async (value: string) =>
      (await getJson('requests.json', { jurisdiction_id: 'erqi', status: value })).body
        .map((r: { service_request_id: string }) => r.service_request_id)
        .sort();
    expect(await status('closed')).toEqual([closed, rejected].sort());
    expect(await status('open')).toEqual(ids.filter((id) => id !== closed && id !== rejected).sort());
    expect(await status('open,closed')).toEqual([...ids].sort());
    const picked = await getJson('requests.json', {
      jurisdiction_id: 'erqi',
      service_request_id: `${working},${closed}`,
    });
    expect(
      picked.body.map(
        (r: { service_request_id: string; status: string; status_notes: string; agency_responsible: string }) => [
          r.service_request_id,
          r.status,
          r.status_notes,
          r.agency_responsible,
        ],
      ),
    ).toEqual(
      [
        [closed, 'closed', 'closed', expect.any(String)],
        [working, 'open', 'in-progress; held at community level', '桃源社区'],
      ].sort((a, b) => ids.indexOf(a[0] as string) - ids.indexOf(b[0] as string)),
    );

    // Ids this endpoint never issued are no match, not bad input: a client may hold ids from other systems.
    const mixed = await getJson('requests.json', {
      jurisdiction_id: 'erqi',
      service_request_id: `legacy-4711,${closed},00000000-0000-4000-8000-000000000000`,
    });
    expect([mixed.status, mixed.body.map((r: { service_request_id: string }) => r.service_request_id)]).toEqual([
      200,
      [closed],
    ]);
    const foreign = await getJson('requests.json', { jurisdiction_id: 'erqi', service_request_id: 'SR-2026-0001' });
    expect([foreign.status, foreign.body]).toEqual([200, []]);

    const noise = await getJson('requests.json', { jurisdiction_id: 'erqi', service_code: 'noise' });
    expect(noise.body.length).toBeGreaterThan(0);
    expect(noise.body.every((r: { service_code: string }) => r.service_code === 'noise')).toBe(true);

    // Dates: one request moved 100 days back falls outside the default 90-day window, inside an explicit one.
    await platform.database.query(
      `UPDATE issue_dispatch.issues SET reported_at = now() - interval '100 days' WHERE id = $1`,
      [first],
    );
    const listed = async (query: Record<string, string>) =>
      (await getJson('requests.json', { jurisdiction_id: 'erqi', ...query })).body.map(
        (r: { service_request_id: string }) => r.service_request_id,
      );
    expect(await listed({})).not.toContain(first);
    const hundredAndOneDaysAgo = new Date(Date.now() - 101 * 86_400_000).toISOString();
    const ninetyNineDaysAgo = new Date(Date.now() - 99 * 86_400_000).toISOString();
    expect(await listed({ start_date: hundredAndOneDaysAgo, end_date: ninetyNineDaysAgo })).toEqual([first]);
    expect(
      await listed({ end_date: new Date(Date.now() + 86_400_000).toISOString().replace('Z', '+08:00') }),
    ).not.toContain(first);

    const single = await getJson(`requests/${first}.json`, { jurisdiction_id: 'erqi' });
    expect([single.status, single.body.length, single.body[0].service_request_id]).toEqual([200, 1, first]);
    expect(JSON.stringify(single.body)).not.toContain(contact.phone);

    const bad: Array<[string, string, Record<string, string>, number, string]> = [
      [
        'a request of erqi asked of jinshui',
        `requests/${first}.json`,
        { jurisdiction_id: 'jinshui' },
        404,
        'REQUEST_NOT_FOUND',
      ],
      ['a malformed request id', 'requests/42.json', { jurisdiction_id: 'erqi' }, 404, 'REQUEST_NOT_FOUND'],
      [
        'a start date that is not a date',
        'requests.json',
        { jurisdiction_id: 'erqi', start_date: 'last tuesday' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a start after the end',
        'requests.json',
        { jurisdiction_id: 'erqi', start_date: '2026-12-02T00:00:00Z', end_date: '2026-12-01T00:00:00Z' },
        400,
        'VALIDATION_FAILED',
      ],
      ['an unknown status', 'requests.json', { jurisdiction_id: 'erqi', status: 'pending' }, 400, 'VALIDATION_FAILED'],
      [
        'ids that no system issues (a space, a quote)',
        'requests.json',
        { jurisdiction_id: 'erqi', service_request_id: "x' OR 1=1--" },
        400,
        'VALIDATION_FAILED',
      ],
      ['an unknown jurisdiction', 'requests.json', { jurisdiction_id: 'atlantis' }, 404, 'UNKNOWN_JURISDICTION'],
    ];
    for (const [what, path, query, status, code] of bad) {
      const response = await getJson(path, query);
      expect({ what, status: response.status, body: response.body }).toEqual({
        what,
        status,
        body: [{ code: status, description: expect.stringMatching(new RegExp(`^${code}: `)) }],
      });
    }
    // Another district sees none of erqi's requests.
    expect((await getJson('requests.json', { jurisdiction_id: 'jinshui' })).body).toEqual([]);
  });

  it('rate-limits anonymous readers per client address, while an app with a key reads on', async () => {
    let limited: Awaited<ReturnType<typeof get>> | undefined;
    for (let i = 0; i < 60 && !limited; i += 1) {
      const response = await get('services.json', { jurisdiction_id: 'erqi' });
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(200);
    }
    expect(limited).toBeDefined();
    expect(JSON.parse(limited!.text)).toEqual([{ code: 429, description: expect.stringMatching(/^RATE_LIMITED: /) }]);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await getJson('services.json', { jurisdiction_id: 'erqi' })).status).toBe(200);
  });

  it('asks each service its own questions: set on the category, shown in its definition, checked on every post', async () => {
    const admin = httpClient(base, await as.districtAdmin('erqi'));
    const windows = { micro: 3600 };
    const poleNumber = {
      code: 'POLE_NUMBER',
      datatype: 'string',
      required: true,
      description: 'The number painted on the lamp post 灯杆编号',
      datatypeDescription: 'up to 20 characters',
      order: 1,
      maxLength: 20,
    };
    const side = {
      code: 'SIDE',
      datatype: 'singlevaluelist',
      required: false,
      description: 'Which side of the road 路侧',
      order: 2,
      values: [
        { key: 'east', name: '东侧' },
        { key: 'west', name: '西侧' },
      ],
    };
    const put = await admin.put('/v1/tenants/erqi/categories/lamp-post', {
      name: '灯杆 lamp post',
      ackWithinSeconds: windows,
      open311Attributes: [side, poleNumber],
    });
    expect(put.status).toBe(200);
    expect(put.body.open311Attributes).toEqual([
      { ...side, datatypeDescription: null },
      { ...poleNumber, values: [] },
    ]);
    expect(
      (
        await admin.put('/v1/tenants/erqi/categories/graffiti', {
          name: '涂鸦',
          ackWithinSeconds: windows,
          open311Attributes: [],
        })
      ).status,
    ).toBe(200);

    const services = (await getJson('services.json', { jurisdiction_id: 'erqi' })).body as Array<{
      service_code: string;
      metadata: boolean;
    }>;
    const metadata = Object.fromEntries(services.map((s) => [s.service_code, s.metadata]));
    expect(metadata).toMatchObject({ 'lamp-post': true, graffiti: false, 'street-lighting': true });
    const definition = await getJson('services/lamp-post.json', { jurisdiction_id: 'erqi' });
    expect(definition.body.attributes.map((a: { code: string; order: number }) => [a.code, a.order])).toEqual([
      ['POLE_NUMBER', 1],
      ['SIDE', 2],
    ]);
    expect(definition.body.attributes[1].values).toEqual(side.values);
    expect((await getJson('services/graffiti.json', { jurisdiction_id: 'erqi' })).body.attributes).toEqual([]);
    // A category that never set its own still asks the common questions.
    const common = await getJson('services/street-lighting.json', { jurisdiction_id: 'erqi' });
    expect(common.body.attributes.map((a: { code: string }) => a.code)).toEqual(['DANGER', 'LANDMARK']);

    const lampPost = (extra: Record<string, string>) => lighting({ service_code: 'lamp-post', ...extra });
    const missing = await post(lampPost({ 'attribute[SIDE]': 'east' }));
    expect([missing.status, missing.body[0].description]).toEqual([
      400,
      expect.stringContaining('attribute[POLE_NUMBER] is required'),
    ]);
    const foreign = await post(lampPost({ 'attribute[POLE_NUMBER]': 'A-17', 'attribute[DANGER]': 'yes' }));
    expect(foreign.body[0].description).toContain('attribute[DANGER] is not an attribute of this service');
    const answered = await post(lampPost({ 'attribute[POLE_NUMBER]': 'A-17', 'attribute[SIDE]': 'west' }));
    expect(answered.status).toBe(201);
    const [stored] = await platform.database.query<{ intake_details: { attributes: Record<string, string> } }>(
      'SELECT intake_details FROM issue_dispatch.issues WHERE id = $1',
      [answered.body[0].service_request_id],
    );
    expect(stored.intake_details.attributes).toEqual({ POLE_NUMBER: 'A-17', SIDE: 'west' });
    // Nothing to ask, nothing to answer.
    expect((await post(lighting({ service_code: 'graffiti', 'attribute[DANGER]': 'no' }))).status).toBe(400);
    expect((await post(lighting({ service_code: 'graffiti' }))).status).toBe(201);

    // Definitions that do not hold together are refused whole, naming each field; the category keeps its questions.
    const refused = await admin.put('/v1/tenants/erqi/categories/lamp-post', {
      name: '灯杆 lamp post',
      ackWithinSeconds: windows,
      open311Attributes: [poleNumber, { ...side, order: 1, values: [] }, { ...poleNumber, code: 'bad code!' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['open311Attributes.2.code']),
    );
    const inconsistent = await admin.put('/v1/tenants/erqi/categories/lamp-post', {
      name: '灯杆 lamp post',
      ackWithinSeconds: windows,
      open311Attributes: [poleNumber, { ...side, order: 1, values: [] }],
    });
    expect([inconsistent.status, inconsistent.body.details]).toEqual([
      400,
      [
        { field: 'open311Attributes[1].order', reason: 'order 1 is used twice' },
        { field: 'open311Attributes[1].values', reason: 'a singlevaluelist needs at least one value' },
      ],
    ]);
    const kept = await getJson('services/lamp-post.json', { jurisdiction_id: 'erqi' });
    expect(kept.body.attributes.map((a: { code: string }) => a.code)).toEqual(['POLE_NUMBER', 'SIDE']);
  });
});

import {
  GridBoundaryChanged,
  MemberContactsChanged,
  MemberStateChanged,
  PlaceStateChanged,
  Topics,
} from '@gridline/contracts';
import { eventually, httpClient } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { rectangle } from '../support/geometry';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

const csv = { 'content-type': 'text/csv' };
const geo = { 'content-type': 'application/geo+json' };
const placeHeader = 'ref,parent_ref,grid_code,kind,name,address,lon,lat';

interface Problem {
  line: number;
  field: string;
  reason: string;
}

/**
 * grid-registry's bulk import of places (CSV), members (CSV) and boundaries and places (GeoJSON) on the real
 * database and broker: every problem reported and nothing stored, applied all at once through the single-item
 * code (same events), re-import changes nothing, and large files as jobs with progress.
 *
 *   erqi: street 大学路街道 → community 桃源社区 → level-3 第一网格 → micro 47号院 (113.600–113.605 × 34.700–34.705)
 *                                                              → micro 汝河路22号院 (no boundary yet)
 *   jinshui: street 经八路街道
 */
describe('bulk import of places, boundaries and members', () => {
  const tenantId = 'erqi';
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let admin: ReturnType<typeof httpClient>;
  const grid: Record<string, { gridId: string; code: string }> = {};
  const imports = `/v1/tenants/${tenantId}/imports`;

  beforeAll(async () => {
    platform = await startPlatform('bulk-import-places', ['grid-registry']);
    const city = httpClient(platform.services['grid-registry'].baseUrl, await as.cityAdmin());
    recorder = await new EventRecorder(EventRecorder.kafka()).start(
      [Topics.placeState, Topics.gridBoundaries, Topics.memberState, Topics.memberContacts].map((t) =>
        platform.topic(t.name),
      ),
    );
    expect((await city.post('/v1/tenants', { tenantId, divisionCode: '410103', name: '二七区' })).status).toBe(201);
    expect(
      (await city.post('/v1/tenants', { tenantId: 'jinshui', divisionCode: '410105', name: '金水区' })).status,
    ).toBe(201);
    admin = city.as(await as.districtAdmin(tenantId));
    const create = async (key: string, body: Record<string, unknown>, district = tenantId, client = admin) => {
      const response = await client.post(`/v1/tenants/${district}/grids`, body);
      expect(response.status).toBe(201);
      grid[key] = { gridId: response.body.gridId, code: response.body.code };
    };
    await create('street', { level: 'street', parentId: null, name: '大学路街道' });
    await create('community', { level: 'community', parentId: grid.street.gridId, name: '桃源社区' });
    await create('level3', { level: 'grid', parentId: grid.community.gridId, name: '第一网格' });
    await create('micro47', { level: 'micro', parentId: grid.level3.gridId, name: '47号院' });
    await create('micro22', { level: 'micro', parentId: grid.level3.gridId, name: '汝河路22号院' });
    await create(
      'foreign',
      { level: 'street', parentId: null, name: '经八路街道' },
      'jinshui',
      city.as(await as.districtAdmin('jinshui')),
    );
    expect(
      (
        await admin.put(
          `/v1/tenants/${tenantId}/grids/${grid.micro47.gridId}/boundary`,
          rectangle(113.6, 34.7, 113.605, 34.705),
        )
      ).status,
    ).toBe(200);
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  /**
   * Everything an import could change: rows, versions and the outbox. The outbox is read as its sequence, which counts
   * every event ever written even after the relay has deleted the sent rows.
   */
  async function snapshot(): Promise<string> {
    const [row] = await platform.database.query(`SELECT
      (SELECT count(*) FROM grid_registry.places)::int AS places,
      (SELECT count(*) FROM grid_registry.grid_boundaries)::int AS boundaries,
      (SELECT count(*) FROM grid_registry.members)::int AS members,
      (SELECT coalesce(sum(version), 0) FROM grid_registry.grids)::int AS grid_versions,
      (SELECT last_value FROM grid_registry.outbox_seq_seq)::int AS outbox_rows_ever`);
    return JSON.stringify(row);
  }

  /** Waits until a marker place is announced, so every event written before it has reached Kafka too. */
  async function settled(): Promise<void> {
    const address = `标记${Date.now()}号`;
    const marker = await admin.post(`/v1/tenants/${tenantId}/places`, {
      kind: 'poi',
      name: '标记',
      address,
      gridId: grid.micro22.gridId,
    });
    expect(marker.status).toBe(201);
    await recorder.waitForEvent(
      'the marker place',
      (e) => e.type === PlaceStateChanged.type && e.subject === marker.body.placeId,
    );
    // The relay deletes a row just after sending it: wait for that too, so the outbox count is stable.
    await eventually(
      'the outbox to drain',
      async () =>
        (await platform.database.query<{ n: number }>('SELECT count(*)::int AS n FROM grid_registry.outbox'))[0].n ===
        0,
    );
  }

  const problemsOf = (body: { details: Problem[] }) => body.details.map((d) => `${d.line}:${d.field}`);

  describe('places from CSV', () => {
    const file = () =>
      [
        placeHeader,
        `b1,y1,${grid.micro47.code},building,1号楼,汝河路４７号院 1号楼,,`,
        `y1,,${grid.micro47.code},courtyard,汝河路47号院,汝河路47号院,113.602,34.702`,
        `s1,b1,${grid.micro47.code},stairwell,一单元,汝河路47号院1号楼一单元,,`,
        `y2,,${grid.micro22.code},courtyard,汝河路22号院,汝河路22号院,,`,
      ].join('\n');

    it('validates in a dry run without storing, then registers every place parents first and announces each as POST /places does', async () => {
      const before = await snapshot();
      const dry = await admin.post(`${imports}/places?dryRun=true`, file(), csv);
      expect([dry.status, dry.body]).toMatchObject([200, { dryRun: true, created: 4, unchanged: 0, total: 4 }]);
      expect(await snapshot()).toBe(before);

      const response = await admin.post(`${imports}/places`, file(), csv);
      expect([response.status, response.body]).toMatchObject([
        200,
        { dryRun: false, created: 4, unchanged: 0, total: 4 },
      ]);
      const byRef = new Map<string, string>(
        response.body.places.map((p: { ref: string; placeId: string }) => [p.ref, p.placeId]),
      );
      const building = await admin.get(`/v1/tenants/${tenantId}/places/${byRef.get('b1')}`);
      expect(building.body).toMatchObject({
        kind: 'building',
        address: '汝河路47号院1号楼',
        gridId: grid.micro47.gridId,
        parentPlaceId: byRef.get('y1'),
      });
      const stairwell = await admin.get(`/v1/tenants/${tenantId}/places/${byRef.get('s1')}`);
      expect(stairwell.body.parentPlaceId).toBe(byRef.get('b1'));

      for (const placeId of byRef.values()) {
        const event = await recorder.waitForEvent(
          `place state of ${placeId}`,
          (e) => e.type === PlaceStateChanged.type && e.subject === placeId,
        );
        expect(event.data).toMatchObject({ placeId, tenantId, version: 1 });
      }
      // Read-your-writes: the replica that imported resolves the new address at once.
      const resolved = await admin.get(
        `/v1/tenants/${tenantId}/resolve?address=${encodeURIComponent('汝河路47号院1号楼一单元')}`,
      );
      expect(resolved.body).toMatchObject({ gridId: grid.micro47.gridId, matchedBy: 'address' });
    });

    it('changes nothing and announces nothing when the same file is imported again', async () => {
      await settled();
      const events = recorder.events(PlaceStateChanged.type).length;
      const before = await snapshot();
      const again = await admin.post(`${imports}/places`, file(), csv);
      expect([again.status, again.body]).toMatchObject([200, { created: 0, unchanged: 4, total: 4 }]);
      expect(await snapshot()).toBe(before);
      await settled();
      expect(recorder.events(PlaceStateChanged.type).length).toBe(events + 1);
    });

    it('reports every bad row with line, field and reason and stores nothing', async () => {
      const before = await snapshot();
      const bad = [
        placeHeader,
        `a,,${grid.micro47.code},tower,塔,塔1号,,`, // 2: unknown kind
        `b,,${grid.foreign.code},courtyard,外区院,外区院1号,,`, // 3: a grid code of another district
        `c,,${grid.micro22.code},courtyard,重复,汝河路47号院,,`, // 4: address registered in another grid
        `d,,${grid.micro47.code},courtyard,远处,远处1号,113.7,34.8`, // 5: point outside the grid's boundary
        `e,y9,${grid.micro47.code},building,楼,楼1号,,`, // 6: unknown parent
        `f,汝河路47号院1号楼一单元,${grid.micro47.code},building,楼,楼2号,,`, // 7: a building inside a stairwell
        `g,,${grid.micro47.code},courtyard,新院,新院1号,abc,34.7`, // 8: lon not a number
        `h,,${grid.micro47.code},courtyard,好院,好院1号,,`, // 9: fine on its own
      ].join('\n');
      const response = await admin.post(`${imports}/places`, bad, csv);
      expect([response.status, response.body.code]).toEqual([422, 'IMPORT_INVALID']);
      expect(problemsOf(response.body)).toEqual([
        '2:kind',
        '3:grid_code',
        '4:address',
        '5:lon,lat',
        '6:parent_ref',
        '7:parent_ref',
        '8:lon',
      ]);
      const reasons = response.body.details.map((d: Problem) => d.reason);
      expect(reasons[2]).toContain(grid.micro47.code);
      expect(reasons.every((r: string) => r.length > 10)).toBe(true);
      expect(await snapshot()).toBe(before);
    });

    it('refuses a file over 5 MB with 413 and a body that is not CSV with 415, storing nothing', async () => {
      const before = await snapshot();
      const big = `${placeHeader}\n${`x,,${grid.micro47.code},poi,x,x,,\n`.repeat(200_000)}`;
      expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
      const tooLarge = await admin.post(`${imports}/places`, big, csv);
      expect([tooLarge.status, tooLarge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      const json = await admin.post(`${imports}/places`, { rows: [] });
      expect([json.status, json.body.code]).toEqual([415, 'IMPORT_NOT_CSV']);
      expect(await snapshot()).toBe(before);
    });

    it('lets only the administrator of the district import', async () => {
      const dispatcher = admin.as(await as.dispatcher(tenantId));
      expect((await dispatcher.post(`${imports}/places`, file(), csv)).status).toBe(403);
      const otherAdmin = admin.as(await as.districtAdmin('jinshui'));
      expect((await otherAdmin.post(`${imports}/places`, file(), csv)).status).toBe(403);
    });
  });

  describe('boundaries and places from GeoJSON', () => {
    const feature = (geometry: unknown, properties: Record<string, unknown>) => ({
      type: 'Feature',
      geometry,
      properties,
    });
    const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
    const file = () =>
      collection(
        feature(rectangle(113.605, 34.7, 113.61, 34.705), { grid_code: grid.micro22.code }),
        feature(rectangle(113.6, 34.7, 113.605, 34.705), { grid_code: grid.micro47.code }), // the boundary it already has
        feature(
          { type: 'Point', coordinates: [113.607, 34.702] },
          {
            grid_code: grid.micro22.code,
            kind: 'building',
            name: '2号楼',
            address: '汝河路22号院2号楼',
            parent_address: '汝河路22号院',
          },
        ),
        feature(
          { type: 'Point', coordinates: [113.608, 34.703] },
          {
            grid_code: grid.micro22.code,
            kind: 'poi',
            name: '共享工具房',
            address: '汝河路22号院2号楼工具房',
            parent_address: '汝河路22号院2号楼',
          },
        ),
      );

    it('sets new boundaries (grid version +1, one event each), leaves an equal one alone, then registers the places inside them', async () => {
      await settled();
      const boundaryEvents = recorder.events(GridBoundaryChanged.type).length;
      const before = await snapshot();
      const dry = await admin.post(`${imports}/geojson?dryRun=true`, file(), geo);
      expect([dry.status, dry.body]).toMatchObject([200, { dryRun: true, created: 3, unchanged: 1, total: 4 }]);
      expect(await snapshot()).toBe(before);

      const response = await admin.post(`${imports}/geojson`, file(), geo);
      expect([response.status, response.body]).toMatchObject([200, { created: 3, unchanged: 1, total: 4 }]);
      expect(response.body.boundaries).toEqual([
        { line: 0, gridCode: grid.micro22.code, gridId: grid.micro22.gridId, action: 'set' },
        { line: 1, gridCode: grid.micro47.code, gridId: grid.micro47.gridId, action: 'unchanged' },
      ]);
      const boundary = await admin.get(`/v1/tenants/${tenantId}/grids/${grid.micro22.gridId}/boundary`);
      expect(boundary.status).toBe(200);
      const set = await recorder.waitForEvent(
        'the new boundary',
        (e) => e.type === GridBoundaryChanged.type && e.subject === grid.micro22.gridId,
      );
      expect(set.data).toMatchObject({ gridId: grid.micro22.gridId, boundary: { type: 'Polygon' } });
      const [poi] = response.body.places.filter((p: { line: number }) => p.line === 3);
      await recorder.waitForEvent(
        'the tool room',
        (e) => e.type === PlaceStateChanged.type && e.subject === poi.placeId,
      );
      const resolved = await admin.get(`/v1/tenants/${tenantId}/resolve?lon=113.609&lat=34.704`);
      expect(resolved.body).toMatchObject({ gridId: grid.micro22.gridId, matchedBy: 'boundary' });

      await settled();
      expect(recorder.events(GridBoundaryChanged.type).length).toBe(boundaryEvents + 1);
    });

    it('changes nothing when the same collection is imported again, also as application/json', async () => {
      const before = await snapshot();
      const again = await admin.post(`${imports}/geojson`, file(), { 'content-type': 'application/json' });
      expect([again.status, again.body]).toMatchObject([200, { created: 0, unchanged: 4, total: 4 }]);
      expect(await snapshot()).toBe(before);
    });

    it('names every bad feature by its index and JSON path and stores nothing', async () => {
      const before = await snapshot();
      const clockwise = {
        type: 'Polygon',
        coordinates: [
          [
            [113.6, 34.7],
            [113.6, 34.71],
            [113.61, 34.71],
            [113.61, 34.7],
            [113.6, 34.7],
          ],
        ],
      };
      const bad = collection(
        feature(rectangle(113.62, 34.72, 113.63, 34.73), { grid_code: grid.level3.code }), // 0: fine on its own
        feature(clockwise, { grid_code: grid.community.code }), // 1: outer ring clockwise
        feature(rectangle(113.62, 34.72, 113.63, 34.73), { grid_code: grid.foreign.code }), // 2: a grid of another district
        feature(
          { type: 'Point', coordinates: [113.7, 34.8] },
          { grid_code: grid.micro22.code, kind: 'courtyard', name: '远处', address: '远处2号' },
        ), // 3: outside the new boundary
        feature(
          {
            type: 'LineString',
            coordinates: [
              [113.6, 34.7],
              [113.61, 34.71],
            ],
          },
          {},
        ), // 4: not importable
        feature(
          { type: 'Point', coordinates: [113.601, 34.701] },
          { grid_code: grid.micro47.code, kind: 'courtyard', name: '重复', address: '汝河路22号院2号楼' },
        ), // 5: address of another grid
      );
      const response = await admin.post(`${imports}/geojson`, bad, geo);
      expect([response.status, response.body.code]).toEqual([422, 'IMPORT_INVALID']);
      expect(problemsOf(response.body)).toEqual([
        '1:features[1].geometry.coordinates[0]',
        '2:features[2].properties.grid_code',
        '3:features[3].geometry.coordinates',
        '4:features[4].geometry.type',
        '5:features[5].properties.address',
      ]);
      expect(await snapshot()).toBe(before);
    });

    it('refuses a document that is not a FeatureCollection (422), a CSV body (415) and a file over 5 MB (413)', async () => {
      const before = await snapshot();
      const notCollection = await admin.post(`${imports}/geojson`, JSON.stringify({ type: 'Feature' }), geo);
      expect([notCollection.status, notCollection.body.code]).toEqual([422, 'IMPORT_NOT_GEOJSON']);
      const broken = await admin.post(`${imports}/geojson`, '{"type": "FeatureCollection", ', geo);
      expect([broken.status, broken.body.code]).toEqual([422, 'IMPORT_NOT_GEOJSON']);
      const asCsv = await admin.post(`${imports}/geojson`, 'a,b\n1,2', csv);
      expect([asCsv.status, asCsv.body.code]).toEqual([415, 'IMPORT_NOT_GEOJSON_MEDIA_TYPE']);
      const point = feature(
        { type: 'Point', coordinates: [113.601, 34.701] },
        { grid_code: grid.micro47.code, kind: 'poi', name: 'x', address: 'x' },
      );
      const big = collection(...Array.from({ length: 40_000 }, () => point));
      expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
      for (const type of ['application/geo+json', 'application/json']) {
        const tooLarge = await admin.post(`${imports}/geojson`, big, { 'content-type': type });
        expect([tooLarge.status, tooLarge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      }
      expect(await snapshot()).toBe(before);
    });
  });

  describe('members from CSV', () => {
    const memberHeader = 'grid_code,name,role,phone,note';
    const file = () =>
      [
        memberHeader,
        `${grid.micro47.code},刘鸣,leader,13800000010,`,
        `${grid.micro47.code},王芳,worker,13800000011,3号楼`,
        `${grid.micro22.code},张三,volunteer,,周末`,
      ].join('\n');

    it('adds every member as POST …/members does: public state without phones, contacts internally, a first leader on the grid state', async () => {
      const before = await snapshot();
      const dry = await admin.post(`${imports}/members?dryRun=true`, file(), csv);
      expect([dry.status, dry.body]).toMatchObject([200, { dryRun: true, created: 3, unchanged: 0, total: 3 }]);
      expect(await snapshot()).toBe(before);

      const response = await admin.post(`${imports}/members`, file(), csv);
      expect([response.status, response.body]).toMatchObject([200, { created: 3, unchanged: 0, total: 3 }]);
      const members = (await admin.get(`/v1/tenants/${tenantId}/grids/${grid.micro47.gridId}/members`)).body as Array<{
        name: string;
        role: string;
        hasPhone: boolean;
      }>;
      expect(members.map((m) => [m.name, m.role, m.hasPhone])).toEqual([
        ['刘鸣', 'leader', true],
        ['王芳', 'worker', true],
      ]);
      for (const { memberId } of response.body.members as Array<{ memberId: string }>) {
        await recorder.waitForEvent(
          `member state of ${memberId}`,
          (e) => e.type === MemberStateChanged.type && e.subject === memberId,
        );
        await recorder.waitForEvent(
          `member contacts of ${memberId}`,
          (e) => e.type === MemberContactsChanged.type && e.subject === memberId,
        );
      }
      const publicTopic = recorder.messages.filter((m) => m.topic === platform.topic(Topics.memberState.name));
      expect(JSON.stringify(publicTopic.map((m) => m.value))).not.toContain('13800000011');
      const leader = (await admin.get(`/v1/tenants/${tenantId}/grids/${grid.micro47.gridId}`)).body;
      expect(leader.leader).toMatchObject({ name: '刘鸣' });
    });

    it('changes nothing and announces nothing when the same file is imported again', async () => {
      await settled();
      const events = recorder.events(MemberStateChanged.type).length;
      const before = await snapshot();
      const again = await admin.post(`${imports}/members`, file(), csv);
      expect([again.status, again.body]).toMatchObject([200, { created: 0, unchanged: 3, total: 3 }]);
      expect(await snapshot()).toBe(before);
      await settled();
      expect(recorder.events(MemberStateChanged.type).length).toBe(events);
    });

    it("reports a second leader, an unknown role and another district's grid with their lines, and stores nothing", async () => {
      const before = await snapshot();
      const bad = [
        memberHeader,
        `${grid.micro47.code},李四,leader,,`, // 2: the grid has a leader
        `${grid.micro22.code},赵六,chief,,`, // 3: unknown role
        `${grid.foreign.code},钱七,worker,,`, // 4: a grid of another district
        `${grid.micro22.code},孙八,worker,,`, // 5: fine on its own
      ].join('\n');
      const response = await admin.post(`${imports}/members`, bad, csv);
      expect([response.status, response.body.code]).toEqual([422, 'IMPORT_INVALID']);
      expect(problemsOf(response.body)).toEqual(['2:role', '3:role', '4:grid_code']);
      expect(response.body.details[0].reason).toContain('刘鸣');
      expect(response.body.details[1].reason).toContain('chief');
      expect(await snapshot()).toBe(before);
    });
  });

  describe('large files as import jobs', () => {
    const courtyards = (prefix: string, count: number) =>
      [
        placeHeader,
        ...Array.from(
          { length: count },
          (_, n) => `,,${grid.micro22.code},courtyard,${prefix}${n}号院,${prefix}路${n}号院,,`,
        ),
      ].join('\n');

    /** POST with the raw response, for the status, Location and body of a 202. */
    async function postAsync(path: string, body: string, headers: Record<string, string>) {
      const token = await as.districtAdmin(tenantId);
      const response = await fetch(`${platform.services['grid-registry'].baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, ...headers },
        body,
      });
      return {
        status: response.status,
        location: response.headers.get('location'),
        body: (await response.json()) as { jobId: string; status: string },
      };
    }

    async function placeCount(): Promise<number> {
      const [{ n }] = await platform.database.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM grid_registry.places',
      );
      return n;
    }

    it('answers 202 with the job, shows progress while the transaction is still open, and ends succeeded with the result', async () => {
      const rows = 3_000;
      const before = await placeCount();
      const started = Date.now();
      const accepted = await postAsync(`${imports}/places?async=true`, courtyards('进度', rows), csv);
      expect([accepted.status, accepted.body.status]).toEqual([202, 'validating']);
      expect(accepted.location).toBe(`/v1/tenants/${tenantId}/imports/jobs/${accepted.body.jobId}`);

      const seen: Array<{ status: string; processed: number; total: number; stored: number }> = [];
      let job: {
        status: string;
        processed: number;
        total: number;
        result?: { created: number; total: number; places: unknown[] };
      } = { status: 'validating', processed: 0, total: 0 };
      while (job.status === 'validating' || job.status === 'applying') {
        // Counted before the status is read. The job's row is written after the import's commit, so a poll can also
        // fall between the two: every row stored, the job still applying. Never a part of the rows.
        const stored = (await placeCount()) - before;
        const response = await admin.get(accepted.location!);
        expect(response.status).toBe(200);
        job = response.body;
        seen.push({ status: job.status, processed: job.processed, total: job.total, stored });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      process.stdout.write(`import job: ${rows} places in ${Date.now() - started} ms; ${seen.length} polls\n`);
      const midway = seen.filter((s) => s.status === 'applying' && s.processed > 0 && s.processed < rows);
      expect(midway.filter((s) => s.stored === 0).length).toBeGreaterThan(0);
      expect(midway.every((s) => s.total === rows && (s.stored === 0 || s.stored === rows))).toBe(true);
      expect(job).toMatchObject({
        status: 'succeeded',
        processed: rows,
        total: rows,
        result: { dryRun: false, created: rows, unchanged: 0, total: rows },
      });
      expect(job.result!.places).toHaveLength(rows);
      expect(await placeCount()).toBe(before + rows);
    });

    it('runs a grid import with Prefer: respond-async, and reports the problems of a bad file on a failed job, storing nothing', async () => {
      const grids = await postAsync(
        `${imports}/grids`,
        `ref,parent_ref,level,name\nj1,${grid.community.code},grid,作业网格`,
        { ...csv, prefer: 'respond-async' },
      );
      expect(grids.status).toBe(202);
      const done = await eventuallyFinished(grids.location!);
      expect(done).toMatchObject({ kind: 'grids', status: 'succeeded', result: { created: 1 } });

      const before = await snapshot();
      const bad = await postAsync(
        `${imports}/members?async=true`,
        `grid_code,name,role\n${grid.micro22.code},周九,chief`,
        csv,
      );
      expect(bad.status).toBe(202);
      const failed = await eventuallyFinished(bad.location!);
      expect(failed).toMatchObject({
        kind: 'members',
        status: 'failed',
        error: { statusCode: 422, code: 'IMPORT_INVALID' },
        problems: [{ line: 2, field: 'role' }],
      });
      expect(await snapshot()).toBe(before);
    });

    it('keeps a job of one district invisible to another', async () => {
      const accepted = await postAsync(
        `${imports}/members?async=true&dryRun=true`,
        `grid_code,name,role\n${grid.micro22.code},吴十,worker`,
        csv,
      );
      await eventuallyFinished(accepted.location!);
      const jinshui = admin.as(await as.districtAdmin('jinshui'));
      const ownPath = await jinshui.get(`/v1/tenants/jinshui/imports/jobs/${accepted.body.jobId}`);
      expect([ownPath.status, ownPath.body.code]).toEqual([404, 'IMPORT_JOB_NOT_FOUND']);
      const theirPath = await jinshui.get(accepted.location!);
      expect([theirPath.status, theirPath.body.code]).toEqual([403, 'FORBIDDEN_DISTRICT']);
      const dispatcher = admin.as(await as.dispatcher(tenantId));
      expect((await dispatcher.get(accepted.location!)).status).toBe(403);
    });

    it('marks a job failed when the service dies during the import, with nothing of it stored', async () => {
      const before = await placeCount();
      const accepted = await postAsync(`${imports}/places?async=true`, courtyards('中断', 8_000), csv);
      expect(accepted.status).toBe(202);
      await eventually(
        'the import to be applying',
        async () => {
          const job = (await admin.get(accepted.location!)).body;
          return job.status === 'applying' && job.processed > 0 ? job : undefined;
        },
        60_000,
        100,
      );
      const service = platform.services['grid-registry'];
      await service.crash();
      await service.start();
      const failed = await eventually(
        'the interrupted job to be marked failed',
        async () => {
          const job = (await admin.get(accepted.location!)).body;
          return job.status === 'failed' ? job : undefined;
        },
        40_000,
        500,
      );
      expect(failed).toMatchObject({ error: { code: 'IMPORT_INTERRUPTED' } });
      expect(await placeCount()).toBe(before);
    });

    async function eventuallyFinished(location: string) {
      return eventually(
        `job ${location} to finish`,
        async () => {
          const job = (await admin.get(location)).body;
          return job.status === 'succeeded' || job.status === 'failed' ? job : undefined;
        },
        60_000,
        100,
      );
    }
  });
});

import { GridStateChanged, Topics } from '@gridline/contracts';
import { httpClient } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

const header = 'ref,parent_ref,level,name,dedicated,addresses,leader_name,leader_phone';
const csv = { 'content-type': 'text/csv' };

/** grid-registry's bulk import on the real database and broker: validate all, apply all or nothing, re-import changes nothing. */
describe('bulk import of grids', () => {
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let admin: ReturnType<typeof httpClient>;
  let communityCode: string;
  const importPath = '/v1/tenants/erqi/imports/grids';

  beforeAll(async () => {
    platform = await startPlatform('bulk-import', ['grid-registry']);
    const city = httpClient(platform.services['grid-registry'].baseUrl, await as.cityAdmin());
    recorder = await new EventRecorder(EventRecorder.kafka()).start([platform.topic(Topics.gridState.name)]);
    expect((await city.post('/v1/tenants', { tenantId: 'erqi', divisionCode: '410103', name: '二七区' })).status).toBe(
      201,
    );
    admin = city.as(await as.districtAdmin('erqi'));
    const street = await admin.post('/v1/tenants/erqi/grids', { level: 'street', parentId: null, name: '淮河路街道' });
    const community = await admin.post('/v1/tenants/erqi/grids', {
      level: 'community',
      parentId: street.body.gridId,
      name: '金海社区',
    });
    expect(community.status).toBe(201);
    communityCode = community.body.code;
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  async function gridCount(): Promise<number> {
    const [{ n }] = await platform.database.query<{ n: number }>('SELECT count(*)::int AS n FROM grid_registry.grids');
    return n;
  }

  function validFile(): string {
    return [
      header,
      's1,,street,建中街街道,,,,',
      'c1,s1,community,长江社区,,,段秋,13800000009',
      'g1,c1,grid,第一网格,,,,',
      'm1,g1,micro,"汝河路22号院, 北区",,"汝河路22号院;汝河路22号院2号楼",刘鸣,13800000010',
      `m2,${communityCode},micro,47号院,school,47号院,,`,
    ].join('\r\n');
  }

  it('validates a dry run without storing, then creates street→community→grid→micro rows in one go and publishes each', async () => {
    const before = await gridCount();
    const dry = await admin.post(`${importPath}?dryRun=true`, validFile(), csv);
    expect([dry.status, dry.body]).toMatchObject([200, { dryRun: true, created: 5, unchanged: 0, total: 5 }]);
    expect(await gridCount()).toBe(before);

    const response = await admin.post(importPath, validFile(), csv);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ dryRun: false, created: 5, unchanged: 0, total: 5 });
    expect(await gridCount()).toBe(before + 5);

    const byRef = new Map<string, { gridId: string; code: string }>(
      response.body.grids.map((g: { ref: string }) => [g.ref, g]),
    );
    const grids = (await admin.get('/v1/tenants/erqi/grids')).body as Array<{
      gridId: string;
      parentId: string | null;
      name: string;
      level: string;
      code: string;
      addresses: string[];
      dedicated: string | null;
    }>;
    const find = (ref: string) => grids.find((g) => g.gridId === byRef.get(ref)!.gridId)!;
    expect(find('c1')).toMatchObject({ level: 'community', parentId: byRef.get('s1')!.gridId, name: '长江社区' });
    expect(find('m1')).toMatchObject({
      level: 'micro',
      parentId: byRef.get('g1')!.gridId,
      name: '汝河路22号院, 北区',
      addresses: ['汝河路22号院', '汝河路22号院2号楼'],
    });
    expect(find('m2')).toMatchObject({ level: 'micro', name: '47号院', dedicated: 'school' });
    expect(find('m2').code.startsWith(communityCode)).toBe(true);
    expect(find('m1').code.startsWith(find('g1').code)).toBe(true);

    for (const { gridId } of byRef.values()) {
      await recorder.waitForEvent(
        `grid state of ${gridId}`,
        (e) => e.type === GridStateChanged.type && e.subject === gridId,
      );
    }
    const m1State = recorder.events(GridStateChanged.type).find((e) => e.subject === byRef.get('m1')!.gridId)!;
    expect(m1State.data).toMatchObject({ leader: { name: '刘鸣' }, version: 1 });
    expect(JSON.stringify(recorder.messages.map((m) => m.value))).not.toContain('13800000010');
  });

  it('changes nothing and announces nothing when the same file is imported again', async () => {
    const before = await gridCount();
    const eventsBefore = recorder.events(GridStateChanged.type).length;
    const again = await admin.post(importPath, validFile(), csv);
    expect([again.status, again.body]).toMatchObject([200, { created: 0, unchanged: 5, total: 5 }]);
    expect(await gridCount()).toBe(before);

    // A grid created afterwards is announced after anything the re-import could have written to the outbox.
    const marker = await admin.post('/v1/tenants/erqi/grids', { level: 'street', parentId: null, name: '标记街道' });
    await recorder.waitForEvent(
      'the marker grid',
      (e) => e.type === GridStateChanged.type && e.subject === marker.body.gridId,
    );
    expect(recorder.events(GridStateChanged.type).length).toBe(eventsBefore + 1);
  });

  it('reports every bad row with line, field and reason and stores nothing', async () => {
    const before = await gridCount();
    const file = [
      header,
      's9,,street,新街道,,,,', // 2: fine on its own
      'c9,s9,community,,,,,', // 3: missing name
      'c8,s9,district,x,,,,', // 4: bad level
      'm9,s9,micro,y,,,,', // 5: a micro-grid under a street
      'x9,nowhere,community,z,,,,', // 6: unknown parent
      's9,,street,重复,,,,', // 7: duplicate ref
      `m8,${communityCode},micro,w,,47号院,,`, // 8: address already held
      'a1,a2,grid,p,,,,', // 9: cycle
      'a2,a1,grid,q,,,,', // 10: cycle
    ].join('\n');
    const response = await admin.post(importPath, file, csv);
    expect([response.status, response.body.code]).toEqual([422, 'IMPORT_INVALID']);
    const reported = (response.body.details as Array<{ line: number; field: string; reason: string }>).map(
      (d) => `${d.line}:${d.field}`,
    );
    expect(reported).toEqual([
      '3:name',
      '4:level',
      '5:level',
      '6:parent_ref',
      '7:ref',
      '8:addresses',
      '9:parent_ref',
      '10:parent_ref',
    ]);
    expect(response.body.details[5].reason).toContain('47号院');
    expect(await gridCount()).toBe(before);
  });

  it('lets only the district administrator import', async () => {
    const dispatcher = admin.as(await as.dispatcher('erqi'));
    expect((await dispatcher.post(importPath, validFile(), csv)).status).toBe(403);
    const otherAdmin = admin.as(await as.districtAdmin('jinshui'));
    expect((await otherAdmin.post(importPath, validFile(), csv)).status).toBe(403);
  });

  it('refuses a file over 5 MB with 413 and a code, and a body that is not CSV with 415', async () => {
    const big = `${header}\n${'s,,street,x,,,,\n'.repeat(400_000)}`;
    const response = await admin.post(importPath, big, csv);
    expect([response.status, response.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const json = await admin.post(importPath, { rows: [] });
    expect([json.status, json.body.code]).toEqual([415, 'IMPORT_NOT_CSV']);
  });

  // Into a service running with the heap cap it has in production (ADR 0041). The most a file may hold, 10,000 rows,
  // takes about two minutes here (one transaction through the single-create path) and peaked at 170–184 MB: measured,
  // not run in the suite.
  it('imports 5,000 rows in one request, and refuses a file of more than 10,000 as a whole', async () => {
    const rows = [header, 'big,,street,大街道,,,,'];
    for (let c = 1; c <= 50; c += 1) {
      rows.push(`c${c},big,community,社区${c},,,,`);
      for (let m = 1; m <= 99; m += 1)
        rows.push(`c${c}m${m},c${c},micro,${c}-${m}号院,,大街道${c}-${m}号院,网格长${m},`);
    }
    rows.splice(rows.length - 2, 2, 'c50g,c50,grid,第一网格,,,,');
    expect(rows.length - 1).toBe(5_000);
    const started = Date.now();
    const response = await admin.post(importPath, rows.join('\n'), csv);
    const took = Date.now() - started;
    expect([response.status, response.body.created]).toEqual([200, 5_000]);
    process.stdout.write(
      `bulk import: 5,000 rows in ${took} ms, grid-registry's peak RSS ${platform.services['grid-registry'].peakRssMb()} MB\n`,
    );
    const startedAgain = Date.now();
    expect((await admin.post(importPath, rows.join('\n'), csv)).body).toMatchObject({ created: 0, unchanged: 5_000 });
    process.stdout.write(`bulk re-import (all unchanged): 5,000 rows in ${Date.now() - startedAgain} ms\n`);

    const tooMany = [header, ...Array.from({ length: 10_001 }, (_, i) => `s${i},,street,街道${i},,,,`)];
    const refused = await admin.post(importPath, tooMany.join('\n'), csv);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('10000');
  });
});

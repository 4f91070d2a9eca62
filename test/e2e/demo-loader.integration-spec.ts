import { eventually } from '@gridline/testing';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { loadDemoDistrict } from '../support/demo-district';

/**
 * The demo loader (scripts/demo/load-demo.mjs, what `npm start` runs) against the real services: every step goes
 * through the public APIs, and a second run on the same database finds what exists instead of failing or doubling it.
 */
describe('demo loader', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatform('demo', ['grid-registry', 'issue-dispatch', 'volunteer-coordination']);
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  const loadDemo = (): Promise<string> =>
    loadDemoDistrict(
      Object.fromEntries(Object.entries(platform.services).map(([name, service]) => [name, service.baseUrl])),
    );

  it("walks a case loop with a volunteer's help, holds a service day, stocks the tool room and takes an Open311 report — and runs again without doubling them", async () => {
    const first = await loadDemo();
    expect(first).toMatch(/case loop .* rated 5★/);
    expect(first).toMatch(/volunteer \S+ accepted the task of \S+, checked in and out, completed: 1 h credited/);
    expect(first).toMatch(
      /三九便民服务日 at 桃源社区 \(created.*3 residents signed up now, haircut shift taken by 理发师傅老周/,
    );
    expect(first).toMatch(/tool room of 桃源社区: .*\(3 added now\); 梯子 ladder lent to a resident/);
    expect(first).toMatch(/Open311 key …\S+ issued .* posted form-encoded → service_request_id/);
    const rows = async (sql: string) =>
      (await platform.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`))[0].n;
    expect(await rows(`issue_dispatch.issues WHERE state = 'closed' AND rating = 5`)).toBe(1);
    await eventually(
      'the volunteer help in the closed case history',
      async () =>
        (await rows(
          `issue_dispatch.issue_history h JOIN issue_dispatch.issues i ON i.id = h.issue_id WHERE i.state = 'closed' AND h.action LIKE 'volunteer-%'`,
        )) === 5,
    );
    const volunteers = await platform.database.query<{ kind: string }>(
      `SELECT kind FROM volunteer_coordination.volunteers ORDER BY kind`,
    );
    expect(volunteers.map((v) => v.kind)).toEqual([
      'merchant',
      'party-member',
      'party-member',
      'property-staff',
      'student',
    ]);

    const second = await loadDemo();
    expect(second).toMatch(/already there.*0 residents signed up now, haircut shift already taken/);
    expect(second).toMatch(/\(0 added now\); 梯子 ladder is out already/);
    expect(second).toMatch(/Open311 key for .* already issued/);
    expect(await rows('volunteer_coordination.service_event_series')).toBe(1);
    expect(await rows('volunteer_coordination.tools')).toBe(3);
    expect(await rows('volunteer_coordination.volunteers')).toBe(5);
    expect(await rows('issue_dispatch.open311_api_keys')).toBe(1);
  }, 600_000);
});

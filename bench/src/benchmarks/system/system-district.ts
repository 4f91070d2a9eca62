import { HttpResult, httpClient, sleep } from '@gridline/testing';
import { benchCityAdminToken, benchResidentToken, benchToken } from '../../harness/dev-auth';
import { BENCH_TENANT } from '../../harness/sample-events';

/**
 * The district of the whole-system benchmark, shaped like the demo district `npm start` loads
 * (deploy/demo/erqi-district.json): Erqi's four streets, each with communities, level-3 grids and courtyard
 * micro-grids (a registered address each, a leader each), grid workers on the level-3 grids, the demo's categories
 * and help categories, and volunteers of the demo's kinds and skills living in the courtyards. Larger than the demo
 * (64 courtyards instead of a dozen, enough volunteers that nobody runs out of weekly places during the run) and with
 * hour-long acknowledgement windows, so nothing escalates while it is measured.
 */
const STREETS = ['嵩山路街道', '大学路街道', '京广路街道', '淮河路街道'] as const;
const COMMUNITIES_PER_STREET = 2;
const GRIDS_PER_COMMUNITY = 2;
const COURTYARDS_PER_GRID = 4;

/** The demo's categories; the last two need a volunteer (volunteer-coordination's help categories). */
const PLAIN_CATEGORIES = [
  { code: 'street-lighting', name: '照明 lighting out' },
  { code: 'fire-lane', name: '消防通道堵塞 blocked fire lane' },
] as const;
export const HELP_CATEGORIES = [
  { code: 'elderly-help', name: '助老 help for an elderly resident', skill: 'elderly-care' },
  { code: 'drain-blocked', name: '下水道堵塞 blocked drain', skill: 'plumbing' },
] as const;

/** Volunteers' weekly cap (the API's maximum): each can take this many offers during the run. */
const WEEKLY_TASK_CAP = 50;
const VOLUNTEER_KINDS = ['party-member', 'student', 'resident', 'property-staff', 'merchant'] as const;
const EXTRA_SKILLS = ['electrical', 'tutoring', 'first-aid'] as const;

export interface SystemDistrict {
  /** Every courtyard's registered address, streets interleaved (report i goes to courtyard i mod n). */
  readonly addresses: readonly string[];
  /** One resident token per courtyard, the same index as `addresses`. */
  readonly residentTokens: readonly string[];
  readonly volunteers: number;
  readonly grids: number;
}

/** Every third report needs a volunteer, alternating between the two help categories; the rest alternate too. */
export function categoryOf(index: number): { code: string; needsHelp: boolean } {
  if (index % 3 === 0) return { code: HELP_CATEGORIES[(index / 3) % 2].code, needsHelp: true };
  return { code: PLAIN_CATEGORIES[index % 2].code, needsHelp: false };
}

async function expect201or200<T>(what: string, request: Promise<HttpResult<T>>): Promise<T> {
  const { status, body } = await request;
  if (status !== 201 && status !== 200) throw new Error(`bench: ${what} answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** Retries while another service's replica has not heard of the district or grid yet (404/422), like the demo loader. */
async function whenKnown<T>(what: string, attempt: () => Promise<HttpResult<T>>): Promise<T> {
  for (let i = 0; ; i += 1) {
    const { status, body } = await attempt();
    if (status < 400) return body;
    if (![404, 422].includes(status) || i > 300) {
      throw new Error(`bench: ${what} answered ${status}: ${JSON.stringify(body)}`);
    }
    await sleep(200);
  }
}

/** Runs `work` over `items`, `parallel` at a time (setup only: a few requests at once, not a load). */
async function inParallel<T>(items: readonly T[], parallel: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

/**
 * Makes the district through the services' APIs as an operator would, then waits until issue-dispatch routes a report
 * to every courtyard (its replica has them all). `helpReportsAtMost` sizes the volunteers: every help report of the
 * run must find someone under the weekly cap in its street, with room to spare.
 */
export async function setUpSystemDistrict(
  urls: { registry: string; dispatch: string; volunteers: string },
  helpReportsAtMost: number,
): Promise<SystemDistrict> {
  const adminToken = await benchToken('bench:erqi-admin', {
    tenant: BENCH_TENANT,
    roles: [{ role: 'district-admin' }],
  });
  const registry = httpClient(urls.registry, adminToken);
  const dispatch = httpClient(urls.dispatch, adminToken);
  const volunteerService = httpClient(urls.volunteers, adminToken);
  await expect201or200(
    'creating the district',
    registry
      .as(await benchCityAdminToken())
      .post('/v1/tenants', { tenantId: BENCH_TENANT, divisionCode: '410103', name: '二七区' }),
  );
  const gridsPath = `/v1/tenants/${BENCH_TENANT}/grids`;
  const createGrid = async (body: Record<string, unknown>) =>
    (await expect201or200(`creating grid ${String(body.name)}`, registry.post<{ gridId: string }>(gridsPath, body)))
      .gridId;

  // Streets in parallel, each street's tree in order (a child needs its parent).
  const courtyardsByStreet: Array<Array<{ gridId: string; address: string }>> = STREETS.map(() => []);
  let grids = 0;
  await Promise.all(
    STREETS.map(async (street, s) => {
      const streetId = await createGrid({
        level: 'street',
        parentId: null,
        name: street,
        leader: { name: `${street}主任` },
      });
      grids += 1;
      for (let c = 1; c <= COMMUNITIES_PER_STREET; c += 1) {
        const community = `${street.slice(0, -2)}第${c}社区`;
        const communityId = await createGrid({
          level: 'community',
          parentId: streetId,
          name: community,
          leader: { name: `${community}书记` },
        });
        grids += 1;
        for (let g = 1; g <= GRIDS_PER_COMMUNITY; g += 1) {
          const grid = `${community}第${g}网格`;
          const gridId = await createGrid({
            level: 'grid',
            parentId: communityId,
            name: grid,
            leader: { name: `${grid}两委委员` },
          });
          grids += 1;
          await expect201or200(
            `adding a worker to ${grid}`,
            registry.post(`${gridsPath}/${gridId}/members`, {
              name: `${grid}网格员`,
              role: 'worker',
              phone: '13800000011',
            }),
          );
          for (let y = 1; y <= COURTYARDS_PER_GRID; y += 1) {
            const number = ((c - 1) * GRIDS_PER_COMMUNITY + (g - 1)) * COURTYARDS_PER_GRID + y;
            const address = `${street.slice(0, -2)}${number}号院`;
            const courtyardId = await createGrid({
              level: 'micro',
              parentId: gridId,
              name: address,
              addresses: [address],
              leader: { name: `${address}楼院长` },
            });
            grids += 1;
            courtyardsByStreet[s].push({ gridId: courtyardId, address });
          }
        }
      }
    }),
  );
  // Interleaved across streets, so consecutive reports land in different streets (and partitions).
  const courtyards = courtyardsByStreet[0].flatMap((_, i) => courtyardsByStreet.map((street) => street[i]));

  const hour = 3600;
  const windows = { micro: hour, grid: hour, community: hour, street: hour, district: hour, city: hour };
  for (const category of [...PLAIN_CATEGORIES, ...HELP_CATEGORIES]) {
    await whenKnown(`category ${category.code}`, () =>
      dispatch.put(`/v1/tenants/${BENCH_TENANT}/categories/${category.code}`, {
        name: category.name,
        ackWithinSeconds: windows,
      }),
    );
  }
  for (const help of HELP_CATEGORIES) {
    await whenKnown(`help category ${help.code}`, () =>
      volunteerService.put(`/v1/tenants/${BENCH_TENANT}/help-categories/${help.code}`, { skill: help.skill }),
    );
  }

  // Help reports per street and skill, at most; each volunteer takes WEEKLY_TASK_CAP of them; half again for spare.
  const perStreetAndSkill = Math.ceil(helpReportsAtMost / (STREETS.length * HELP_CATEGORIES.length));
  const perCourtyard = Math.max(
    2,
    Math.ceil(((perStreetAndSkill / WEEKLY_TASK_CAP) * 1.5 * HELP_CATEGORIES.length) / courtyardsByStreet[0].length),
  );
  const volunteers = courtyards.flatMap((courtyard, y) =>
    Array.from({ length: perCourtyard }, (_, v) => {
      const n = y * perCourtyard + v;
      return {
        name: `${courtyard.address}志愿者${v + 1}`,
        kind: VOLUNTEER_KINDS[n % VOLUNTEER_KINDS.length],
        homeGridId: courtyard.gridId,
        skills: [HELP_CATEGORIES[n % HELP_CATEGORIES.length].skill, EXTRA_SKILLS[n % EXTRA_SKILLS.length]],
        weeklyTaskCap: WEEKLY_TASK_CAP,
        consentToContact: n % 2 === 0,
      };
    }),
  );
  await inParallel(volunteers, 4, async (volunteer) => {
    await whenKnown(`volunteer ${volunteer.name}`, () =>
      volunteerService.post(`/v1/tenants/${BENCH_TENANT}/volunteers`, volunteer),
    );
  });

  // One resident per courtyard; each courtyard once, so issue-dispatch's replica is known to hold every one of them.
  const residentTokens = await Promise.all(
    courtyards.map((_, y) => benchResidentToken(BENCH_TENANT, `bench:resident:${y}`)),
  );
  await inParallel(courtyards, 4, async (courtyard, y) => {
    const resident = dispatch.as(residentTokens[y]);
    for (let attempt = 0; ; attempt += 1) {
      const report = await resident.post<{ state?: string }>(
        `/v1/tenants/${BENCH_TENANT}/issues`,
        reportBody(courtyard.address, 'street-lighting', -1 - y),
      );
      // Routed, not queued: until the replica knows the courtyard, a report waits in the dispatch centre's queue.
      if (report.status === 201 && report.body.state === 'dispatched') return;
      if (attempt > 300)
        throw new Error(
          `bench: issue-dispatch did not learn ${courtyard.address}: ${report.status} ${JSON.stringify(report.body)}`,
        );
      await sleep(200);
    }
  });
  return { addresses: courtyards.map((c) => c.address), residentTokens, volunteers: volunteers.length, grids };
}

/** What a resident sends: a registered courtyard's address, so every report is routed through the replica. */
export function reportBody(address: string, category: string, index: number) {
  return {
    category,
    address,
    description: `${address}的问题 #${index} — reported during the whole-system benchmark`,
    reporter: { name: '王女士', phone: '13700000000' },
  };
}

import { HttpResult, httpClient, sleep } from '@gridline/testing';
import { benchCityAdminToken, benchToken } from '../../harness/dev-auth';
import { BENCH_TENANT } from '../../harness/sample-events';

export const INTAKE_CATEGORY = 'street-lighting';
export const INTAKE_ADDRESS = '47号院';

/** What a resident sends: a registered courtyard's address, so every report is routed through the replica. */
export const reportBody = (i = 0) => ({
  category: INTAKE_CATEGORY,
  address: INTAKE_ADDRESS,
  description: `楼道灯不亮 #${i} — the stairwell light is out`,
  reporter: { name: '王女士', phone: '13700000000' },
});

async function expectStatus<T>(what: string, expected: number, request: Promise<HttpResult<T>>): Promise<T> {
  const { status, body } = await request;
  if (status !== expected) throw new Error(`bench: ${what} answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

/**
 * The district the intake benchmark reports into, made as an operator would: through grid-registry's API
 * (street → community → level-3 grid → micro-grid holding 47号院), then a category in issue-dispatch once its
 * replica has the district, with hour-long windows so nothing escalates while it is measured.
 */
export async function setUpIntakeDistrict(registryUrl: string, dispatchUrl: string): Promise<void> {
  const adminToken = await benchToken('bench:erqi-admin', {
    tenant: BENCH_TENANT,
    roles: [{ role: 'district-admin' }],
  });
  const registry = httpClient(registryUrl, adminToken);
  const dispatch = httpClient(dispatchUrl, adminToken);
  await expectStatus(
    'creating the district',
    201,
    registry
      .as(await benchCityAdminToken())
      .post('/v1/tenants', { tenantId: BENCH_TENANT, divisionCode: '410103', name: '二七区' }),
  );
  let parentId: string | null = null;
  for (const [level, name, addresses] of [
    ['street', '大学路街道'],
    ['community', '桃源社区'],
    ['grid', '第一网格'],
    ['micro', INTAKE_ADDRESS, [INTAKE_ADDRESS]],
  ] as const) {
    const body: { gridId: string } = await expectStatus(
      `creating the ${level} grid`,
      201,
      registry.post<{ gridId: string }>(`/v1/tenants/${BENCH_TENANT}/grids`, { level, parentId, name, addresses }),
    );
    parentId = body.gridId;
  }
  const hour = 3600;
  const windows = { micro: hour, grid: hour, community: hour, street: hour, district: hour, city: hour };
  const resident = dispatch.as(await residentToken());
  for (let attempt = 0; ; attempt += 1) {
    // A refused category (the replica has not heard of the district yet) is tried again, as a queued report is.
    const category = await dispatch.put(`/v1/tenants/${BENCH_TENANT}/categories/${INTAKE_CATEGORY}`, {
      name: '路灯',
      ackWithinSeconds: windows,
    });
    const report =
      category.status === 200
        ? await resident.post<{ state?: string }>(`/v1/tenants/${BENCH_TENANT}/issues`, reportBody())
        : category;
    // Routed, not queued: until the replica knows the courtyard, a report waits in the dispatch centre's queue.
    if (report.status === 201 && report.body.state === 'dispatched') return;
    if (attempt > 300)
      throw new Error(
        `bench: issue-dispatch did not learn the district: ${report.status} ${JSON.stringify(report.body)}`,
      );
    await sleep(200);
  }
}

export function residentToken(): Promise<string> {
  return benchToken('bench:resident', { tenant: BENCH_TENANT, roles: [{ role: 'resident' }] });
}

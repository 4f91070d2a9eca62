import { httpClient } from '@gridline/testing';
import { as } from './tokens';

export interface GridSpec {
  readonly level: 'street' | 'community' | 'grid' | 'micro';
  /** The key of the parent among the grids created before it; null for a street. */
  readonly parent: string | null;
  readonly name: string;
}

/** Districts created by the city administrator through grid-registry's API. */
export async function createDistricts(
  registryUrl: string,
  districts: ReadonlyArray<readonly [tenantId: string, divisionCode: string]>,
): Promise<void> {
  const city = httpClient(registryUrl, await as.cityAdmin());
  for (const [tenantId, divisionCode] of districts) {
    const created = await city.post('/v1/tenants', { tenantId, divisionCode, name: tenantId });
    if (created.status !== 201)
      throw new Error(`creating district ${tenantId}: ${created.status} ${JSON.stringify(created.body)}`);
  }
}

/** Grids created in order by the district administrator; returns their ids by key. */
export async function createGrids(
  registryUrl: string,
  tenantId: string,
  specs: Record<string, GridSpec>,
): Promise<Record<string, string>> {
  const registry = httpClient(registryUrl, await as.districtAdmin(tenantId));
  const ids: Record<string, string> = {};
  for (const [key, { level, parent, name }] of Object.entries(specs)) {
    const created = await registry.post(`/v1/tenants/${tenantId}/grids`, {
      level,
      parentId: parent === null ? null : ids[parent],
      name,
    });
    if (created.status !== 201)
      throw new Error(`creating grid ${key}: ${created.status} ${JSON.stringify(created.body)}`);
    ids[key] = created.body.gridId;
  }
  return ids;
}

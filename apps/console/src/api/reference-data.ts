import { useQuery } from '@tanstack/react-query';
import { get } from './http';
import type { GridSummary, TenantSummary } from './types';

/** Districts, categories and grids change rarely: fetched once per screen session and kept. */
const slow = { staleTime: 5 * 60_000, gcTime: 30 * 60_000 };

export function useDistricts() {
  return useQuery({
    queryKey: ['districts'],
    queryFn: () => get<TenantSummary[]>('grid-registry', '/v1/tenants'),
    ...slow,
  });
}

export function useCategories(tenantId: string | null) {
  return useQuery({
    queryKey: ['categories', tenantId],
    queryFn: () =>
      get<{ code: string; name: string }[]>(
        'issue-dispatch',
        `/v1/tenants/${encodeURIComponent(tenantId as string)}/categories`,
      ),
    enabled: tenantId !== null,
    ...slow,
  });
}

const gridsPerPage = 500;

/** Every active grid of a district, following the keyset pages. */
async function allGrids(tenantId: string, level?: string): Promise<GridSummary[]> {
  const grids: GridSummary[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await get<GridSummary[]>('grid-registry', `/v1/tenants/${encodeURIComponent(tenantId)}/grids`, {
      limit: gridsPerPage,
      after,
      level,
    });
    grids.push(...page);
    if (page.length < gridsPerPage) return grids;
    after = page[page.length - 1].code;
  }
}

export function useGrids(tenantId: string | null, level?: string) {
  return useQuery({
    queryKey: ['grids', tenantId, level ?? 'all'],
    queryFn: () => allGrids(tenantId as string, level),
    enabled: tenantId !== null,
    ...slow,
  });
}

import { get } from '../api/http';
import type { BoardPage, HolderLevel } from '../api/types';

/** The board is read in blocks of the API's largest page; the list asks only for the blocks on screen. */
export const BOARD_BLOCK = 200;

export interface BoardFilters {
  readonly level: HolderLevel | null;
  readonly category: string | null;
  /** A street or community grid: cases held by, or first dispatched to, a grid under it. */
  readonly gridId: string | null;
  readonly overdueOnly: boolean;
}

export function boardPath(tenantId: string | null): string {
  return tenantId === null ? '/v1/city/board' : `/v1/tenants/${encodeURIComponent(tenantId)}/board`;
}

export function fetchBoard(
  tenantId: string | null,
  filters: BoardFilters,
  level: HolderLevel | null,
  offset: number,
  limit: number,
  signal?: AbortSignal,
): Promise<BoardPage> {
  return get<BoardPage>(
    'analytics',
    boardPath(tenantId),
    {
      level: level ?? undefined,
      category: filters.category,
      gridId: filters.gridId,
      overdue: filters.overdueOnly ? 'true' : undefined,
      limit,
      offset,
    },
    signal,
  );
}

export const boardKey = (tenantId: string | null, filters: BoardFilters, ...rest: (string | number | null)[]) => [
  'board',
  tenantId ?? '*',
  filters.category ?? '',
  filters.gridId ?? '',
  filters.overdueOnly,
  ...rest,
];

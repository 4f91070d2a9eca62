import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { holderLevels, HolderLevel } from '../api/types';
import type { BoardFilters } from './board-query';

/** The board's filters live in the URL, so a wall screen's view survives a reload and can be bookmarked. */
export function useBoardFilters(): [BoardFilters, (change: Partial<BoardFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const level = params.get('level');
  const filters = useMemo<BoardFilters>(
    () => ({
      level: holderLevels.includes(level as HolderLevel) ? (level as HolderLevel) : null,
      category: params.get('category') || null,
      gridId: params.get('place') || null,
      overdueOnly: params.get('overdue') === 'true',
    }),
    [params, level],
  );
  const change = useCallback(
    (next: Partial<BoardFilters>) =>
      setParams((current) => {
        const copy = new URLSearchParams(current);
        const set = (key: string, value: string | null | undefined) =>
          value ? copy.set(key, value) : copy.delete(key);
        if ('level' in next) set('level', next.level);
        if ('category' in next) set('category', next.category);
        if ('gridId' in next) set('place', next.gridId);
        if ('overdueOnly' in next) set('overdue', next.overdueOnly ? 'true' : null);
        return copy;
      }),
    [setParams],
  );
  return [filters, change];
}

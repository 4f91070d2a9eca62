import { useCallback, useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { holderLevels, HolderLevel, BoardItem } from '../api/types';
import { useCategories, useDistricts, useGrids } from '../api/reference-data';
import { useOpenCase } from '../case/open-case';
import { useLiveFeed } from '../live/live-feed';
import { useScope } from '../shell/scope';
import { boardKey, fetchBoard } from './board-query';
import { useBoardFilters } from './board-filters';
import { LevelLane } from './level-lane';

/** The live board: one lane per level, micro-grid to city centre, as cases climb. */
export function BoardPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const [filters, changeFilters] = useBoardFilters();
  const feed = useLiveFeed();
  const { openCase } = useOpenCase();
  const districts = useDistricts();
  const categories = useCategories(scope.tenantId);
  const places = useGrids(scope.tenantId);
  // The level counts: the API narrows them by category and place, never by level or overdue.
  const summary = useQuery({
    queryKey: boardKey(scope.tenantId, { ...filters, overdueOnly: false }, 'summary'),
    queryFn: ({ signal }) => fetchBoard(scope.tenantId, { ...filters, overdueOnly: false }, null, 0, 1, signal),
    placeholderData: keepPreviousData,
  });

  const categoryNames = useMemo(
    () => new Map((categories.data ?? []).map((category) => [category.code, category.name])),
    [categories.data],
  );
  const districtNames = useMemo(
    () => new Map((districts.data ?? []).map((district) => [district.tenantId, district.name])),
    [districts.data],
  );
  const categoryName = useCallback(
    (item: BoardItem) => (item.category ? (categoryNames.get(item.category) ?? null) : null),
    [categoryNames],
  );
  const districtName = useCallback(
    (item: BoardItem) => (scope.tenantId === null ? (districtNames.get(item.tenantId) ?? item.tenantId) : null),
    [districtNames, scope.tenantId],
  );
  const onOpen = useCallback((item: BoardItem) => openCase(item.tenantId, item.issueId), [openCase]);
  const streetsAndCommunities = (places.data ?? []).filter(
    (grid) => grid.level === 'street' || grid.level === 'community',
  );
  const lanes = filters.level ? [filters.level] : holderLevels;

  return (
    <div className="board-page">
      <form className="filters" aria-label={t('board.filters')} onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('board.level')}
          <select
            value={filters.level ?? ''}
            onChange={(event) => changeFilters({ level: (event.target.value || null) as HolderLevel | null })}
          >
            <option value="">{t('board.allLevels')}</option>
            {holderLevels.map((level) => (
              <option key={level} value={level}>
                {t(`levels.${level}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('board.category')}
          {scope.tenantId === null ? (
            <input
              value={filters.category ?? ''}
              placeholder={t('board.allCategories')}
              pattern="[a-z0-9][a-z0-9-]*"
              onChange={(event) => changeFilters({ category: event.target.value.trim() || null })}
            />
          ) : (
            <select
              value={filters.category ?? ''}
              onChange={(event) => changeFilters({ category: event.target.value || null })}
            >
              <option value="">{t('board.allCategories')}</option>
              {(categories.data ?? []).map((category) => (
                <option key={category.code} value={category.code}>
                  {category.name}
                </option>
              ))}
            </select>
          )}
        </label>
        <label>
          {t('board.place')}
          <select
            value={filters.gridId ?? ''}
            onChange={(event) => changeFilters({ gridId: event.target.value || null })}
            disabled={scope.tenantId === null}
          >
            <option value="">{t('board.allPlaces')}</option>
            {streetsAndCommunities.map((grid) => (
              <option key={grid.gridId} value={grid.gridId}>
                {grid.level === 'community' ? '　' : ''}
                {grid.name}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filters.overdueOnly}
            onChange={(event) => changeFilters({ overdueOnly: event.target.checked })}
          />
          {t('board.overdueOnly')}
        </label>
        <span className="board-total" aria-live="polite">
          {t('board.cases', { count: summary.data?.total ?? 0 })}
        </span>
      </form>
      {summary.isError && (
        <p role="alert" className="error">
          {t('errors.generic')}
          {summary.error.message}
        </p>
      )}
      <div className={`lanes lanes-${lanes.length}`} data-feed-state={feed.state}>
        {lanes.map((level) => (
          <LevelLane
            key={level}
            tenantId={scope.tenantId}
            level={level}
            filters={filters}
            counts={summary.data?.levels.find((count) => count.level === level)}
            recent={feed.recent}
            categoryName={categoryName}
            districtName={districtName}
            onOpen={onOpen}
          />
        ))}
      </div>
    </div>
  );
}

import { useRef } from 'react';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { BoardItem, HolderLevel, LevelCount } from '../api/types';
import { BOARD_BLOCK, BoardFilters, boardKey, fetchBoard } from './board-query';
import { CaseCard } from './case-card';

interface LevelLaneProps {
  readonly tenantId: string | null;
  readonly level: HolderLevel;
  readonly filters: BoardFilters;
  readonly counts: LevelCount | undefined;
  readonly recent: ReadonlyMap<string, number>;
  readonly categoryName: (item: BoardItem) => string | null;
  readonly districtName: (item: BoardItem) => string | null;
  readonly onOpen: (item: BoardItem) => void;
}

const ROW_HEIGHT = 96;

/**
 * One level's open cases, most urgent first. The list is virtualised and read in blocks of 200 as they scroll
 * into view, so a lane of thousands renders the twenty or so rows on screen.
 */
export function LevelLane({
  tenantId,
  level,
  filters,
  counts,
  recent,
  categoryName,
  districtName,
  onOpen,
}: LevelLaneProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const first = useQuery({
    queryKey: boardKey(tenantId, filters, level, 0),
    queryFn: ({ signal }) => fetchBoard(tenantId, filters, level, 0, BOARD_BLOCK, signal),
    placeholderData: keepPreviousData,
  });
  const total = first.data?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const rows = virtualizer.getVirtualItems();
  const blocks = [...new Set(rows.map((row) => Math.floor(row.index / BOARD_BLOCK)))].filter((block) => block > 0);
  const later = useQueries({
    queries: blocks.map((block) => ({
      queryKey: boardKey(tenantId, filters, level, block),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchBoard(tenantId, filters, level, block * BOARD_BLOCK, BOARD_BLOCK, signal),
      placeholderData: keepPreviousData,
    })),
  });
  const blockItems = new Map<number, BoardItem[]>([[0, first.data?.items ?? []]]);
  blocks.forEach((block, index) => blockItems.set(block, later[index].data?.items ?? []));
  const headingId = `lane-${level}`;

  return (
    <section className={`lane lane-${level}`} aria-labelledby={headingId}>
      <header className="lane-head">
        <h2 id={headingId}>{t(`levels.${level}`)}</h2>
        <span className="lane-counts" data-testid={`count-${level}`}>
          <span className="count-open">
            {counts?.open ?? total} {t('board.open')}
          </span>
          {(counts?.overdue ?? 0) > 0 && (
            <span className="count-overdue">
              {counts?.overdue} {t('board.overdue')}
            </span>
          )}
          {(counts?.critical ?? 0) > 0 && (
            <span className="count-critical">
              {counts?.critical} {t('board.critical')}
            </span>
          )}
        </span>
      </header>
      <div className="lane-scroll" ref={scroller} role="list" aria-label={t(`levels.${level}`)} data-total={total}>
        {first.isError && <p className="error">{String(first.error.message)}</p>}
        {!first.isPending && total === 0 && <p className="lane-empty">{t('board.empty')}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const item = blockItems.get(Math.floor(row.index / BOARD_BLOCK))?.[row.index % BOARD_BLOCK];
            return (
              <div
                key={row.key}
                role="listitem"
                className="lane-row"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${row.start}px)`,
                }}
              >
                {item ? (
                  <CaseCard
                    item={item}
                    categoryName={categoryName(item)}
                    districtName={districtName(item)}
                    fresh={recent.has(item.issueId)}
                    onOpen={onOpen}
                  />
                ) : (
                  <div className="case-card placeholder">{t('board.loadingRows')}</div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

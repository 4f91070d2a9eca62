import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardItem } from '../api/types';
import { formatDuration } from '../i18n/i18n';
import { useNow } from '../live/use-now';

interface CaseCardProps {
  readonly item: BoardItem;
  readonly categoryName: string | null;
  readonly districtName: string | null;
  readonly fresh: boolean;
  readonly onOpen: (item: BoardItem) => void;
}

/** One open case: category, place, age, and a deadline that counts down. Overdue and critical stand out. */
export const CaseCard = memo(function CaseCard({ item, categoryName, districtName, fresh, onOpen }: CaseCardProps) {
  const { t } = useTranslation();
  const now = useNow();
  const deadline = item.deadline ? new Date(item.deadline).getTime() : null;
  const remaining = deadline === null ? null : Math.round((deadline - now) / 1000);
  const overdue = item.overdue || (remaining !== null && remaining < 0 && !item.parked);
  const reported = item.reportedAt ? new Date(item.reportedAt).getTime() : null;
  const age = reported === null ? item.ageSeconds : Math.max(0, Math.round((now - reported) / 1000));
  const place = item.originGridName ?? item.gridName ?? null;
  const classes = [
    'case-card',
    overdue && 'overdue',
    item.critical && 'critical',
    item.parked && 'parked',
    fresh && 'fresh',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type="button"
      className={classes}
      data-issue-id={item.issueId}
      data-level={item.level}
      onClick={() => onOpen(item)}
    >
      <span className="case-line">
        <span className="case-category">{categoryName ?? item.category ?? '—'}</span>
        {item.critical && <span className="badge critical-badge">{t('board.critical')}</span>}
        {item.parked && <span className="badge parked-badge">{t('board.parked')}</span>}
        {item.depth > 0 && <span className="case-depth">{t('board.depth', { depth: item.depth })}</span>}
        <span className="case-state">{t(`states.${item.state}`, { defaultValue: item.state })}</span>
      </span>
      <span className="case-line case-place">
        {districtName && <span className="case-district">{districtName} · </span>}
        {place ?? t(`levels.${item.level}`)}
        {item.gridName && item.originGridName && item.gridName !== item.originGridName && (
          <span className="case-holder"> → {item.gridName}</span>
        )}
      </span>
      <span className="case-line case-clock">
        <span title={t('board.age')}>
          {t('board.age')} {age === null ? '—' : formatDuration(age)}
        </span>
        <span className={overdue ? 'countdown overdue-text' : 'countdown'} title={t('board.deadline')}>
          {remaining === null
            ? t('board.noDeadline')
            : remaining < 0
              ? t('board.overdueBy', { time: formatDuration(-remaining) })
              : t('board.remaining', { time: formatDuration(remaining) })}
        </span>
      </span>
    </button>
  );
});

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/http';
import type { OnDuty } from '../api/types';
import { fetchBoard } from '../board/board-query';
import { useOpenCase } from '../case/open-case';
import { formatDuration } from '../i18n/i18n';

interface GridPanelProps {
  readonly tenantId: string;
  readonly grid: { gridId: string; name: string; level: string };
  readonly onClose: () => void;
}

/** A clicked grid: who is on duty there now, and its open cases (held there or first dispatched under it). */
export function GridPanel({ tenantId, grid, onClose }: GridPanelProps) {
  const { t } = useTranslation();
  const { openCase } = useOpenCase();
  const onDuty = useQuery({
    queryKey: ['on-duty', tenantId, grid.gridId],
    queryFn: ({ signal }) =>
      get<OnDuty>(
        'grid-registry',
        `/v1/tenants/${encodeURIComponent(tenantId)}/grids/${grid.gridId}/on-duty`,
        undefined,
        signal,
      ),
    refetchInterval: 60_000,
  });
  const cases = useQuery({
    queryKey: ['grid-cases', tenantId, grid.gridId],
    queryFn: ({ signal }) =>
      fetchBoard(
        tenantId,
        { level: null, category: null, gridId: grid.gridId, overdueOnly: false },
        null,
        0,
        50,
        signal,
      ),
  });
  return (
    <aside className="grid-panel" aria-labelledby="grid-panel-title" data-grid-id={grid.gridId}>
      <header className="drawer-head">
        <h2 id="grid-panel-title">
          {grid.name} <span className="muted">· {t(`levels.${grid.level}`, { defaultValue: grid.level })}</span>
        </h2>
        <button type="button" onClick={onClose} aria-label={t('map.close')}>
          ✕
        </button>
      </header>
      <h3>{t('map.onDuty')}</h3>
      {onDuty.isError && <p className="error">{onDuty.error.message}</p>}
      {onDuty.data && onDuty.data.onDuty.length === 0 && <p className="hint">{t('map.nobodyOnDuty')}</p>}
      <ul className="on-duty" data-testid="on-duty">
        {(onDuty.data?.onDuty ?? []).map((member, index) => (
          <li key={member.memberId ?? index}>
            {member.name ?? member.displayName}{' '}
            <span className="muted">{member.role ? t(`roles.${member.role}`, { defaultValue: member.role }) : ''}</span>
          </li>
        ))}
      </ul>
      <h3>
        {t('map.cases')} <span className="muted">({cases.data?.total ?? 0})</span>
      </h3>
      {cases.isError && <p className="error">{cases.error.message}</p>}
      {cases.data && cases.data.items.length === 0 && <p className="hint">{t('map.noCases')}</p>}
      <ul className="grid-cases">
        {(cases.data?.items ?? []).map((item) => (
          <li key={item.issueId}>
            <button
              type="button"
              className={item.overdue ? 'link overdue-text' : 'link'}
              onClick={() => openCase(item.tenantId, item.issueId)}
            >
              {item.category} · {t(`levels.${item.level}`)} ·{' '}
              {item.ageSeconds === null ? '—' : formatDuration(item.ageSeconds)}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

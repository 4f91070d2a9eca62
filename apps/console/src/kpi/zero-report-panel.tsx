import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/http';
import { formatPercent } from '../i18n/i18n';

interface Compliance {
  date: string;
  expected: number;
  reported: number;
  missing: number;
  rate: number | null;
  grids: { gridId: string; name: string; reported: boolean }[];
}

/** Today's zero-report (零上报): which grids have checked in, from grid-registry. */
export function ZeroReportPanel({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const compliance = useQuery({
    queryKey: ['zero-report', tenantId],
    queryFn: ({ signal }) =>
      get<Compliance>(
        'grid-registry',
        `/v1/tenants/${encodeURIComponent(tenantId)}/zero-report/compliance`,
        undefined,
        signal,
      ),
    refetchInterval: 60_000,
  });
  const missing = (compliance.data?.grids ?? []).filter((grid) => !grid.reported);
  return (
    <section className="panel" aria-labelledby="zero-report-title" data-testid="zero-report">
      <h2 id="zero-report-title">
        {t('kpis.zeroReport')} {compliance.data && <span className="muted">{compliance.data.date}</span>}
      </h2>
      {compliance.isError && <p className="error">{compliance.error.message}</p>}
      {compliance.data && (
        <>
          <p className="big-figure">
            <span data-kpi="zeroReportRate">{formatPercent(compliance.data.rate)}</span>{' '}
            <span className="muted">
              {t('kpis.reported')} {compliance.data.reported} / {compliance.data.expected} · {t('kpis.missing')}{' '}
              {compliance.data.missing}
            </span>
          </p>
          <progress
            max={Math.max(1, compliance.data.expected)}
            value={compliance.data.reported}
            aria-label={t('kpis.zeroReportRate')}
          />
          {missing.length > 0 && (
            <details>
              <summary>
                {t('kpis.missing')} ({missing.length})
              </summary>
              <ul className="columns">
                {missing.map((grid) => (
                  <li key={grid.gridId}>{grid.name}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

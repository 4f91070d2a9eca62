import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/http';
import { useCategories } from '../api/reference-data';
import type { KpiBreakdown } from '../api/types';
import { districtDay } from '../i18n/district-time';
import { formatDuration, formatPercent } from '../i18n/i18n';
import { useScope } from '../shell/scope';
import { Chart } from './chart';
import { ZeroReportPanel } from './zero-report-panel';
import { VolunteeringPanel } from './volunteering-panel';

const dimensions = ['day', 'category', 'street', 'community'] as const;
type Dimension = (typeof dimensions)[number];
const dimensionLabel: Record<Dimension, string> = {
  day: 'kpis.byDay',
  category: 'kpis.byCategory',
  street: 'kpis.byStreet',
  community: 'kpis.byCommunity',
};

/** A rate as the chart shows it: percent with one decimal (the API's figure, rounded once). */
export const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
const minutes = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? null : Math.round(seconds / 6) / 10;

/** The evaluation numbers of the case loop, per day, category, street or community, from analytics. */
export function KpiPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const [by, setBy] = useState<Dimension>('day');
  const [from, setFrom] = useState(() => districtDay(new Date(Date.now() - 29 * 86_400_000)));
  const [to, setTo] = useState(() => districtDay(new Date(Date.now() + 86_400_000)));
  const tenantId = scope.tenantId;
  const breakdown = useQuery({
    queryKey: ['kpis', tenantId, by, from, to],
    queryFn: ({ signal }) =>
      get<KpiBreakdown>(
        'analytics',
        `/v1/tenants/${encodeURIComponent(tenantId as string)}/kpis/breakdown`,
        { by, from: `${from}T00:00:00+08:00`, to: `${to}T00:00:00+08:00` },
        signal,
      ),
    enabled: tenantId !== null,
  });
  const rows = useMemo(() => breakdown.data?.rows ?? [], [breakdown.data]);
  const categories = useCategories(tenantId);
  // Category names live in issue-dispatch (no public topic carries them): analytics gives codes, the page names them.
  const labels = useMemo(() => {
    const names = new Map((categories.data ?? []).map((category) => [category.code, category.name]));
    return rows.map(
      (row) => row.name ?? (by === 'category' && row.key ? (names.get(row.key) ?? row.key) : row.key) ?? '—',
    );
  }, [rows, by, categories.data]);
  const rateSeries = useMemo(
    () => [
      { name: t('kpis.closureRate'), values: rows.map((row) => percent(row.closureRate)) },
      { name: t('kpis.onTimeClosureRate'), values: rows.map((row) => percent(row.onTimeClosureRate)) },
      { name: t('kpis.reworkRate'), values: rows.map((row) => percent(row.reworkRate)) },
      { name: t('kpis.extensionRate'), values: rows.map((row) => percent(row.extensionRate)) },
    ],
    [rows, t],
  );
  const timeSeries = useMemo(
    () => [
      { name: t('kpis.medianAck'), values: rows.map((row) => minutes(row.medianAckSeconds)) },
      { name: t('kpis.medianClose'), values: rows.map((row) => minutes(row.medianCloseSeconds)) },
    ],
    [rows, t],
  );
  const casesSeries = useMemo(() => [{ name: t('kpis.cases'), values: rows.map((row) => row.cases) }], [rows, t]);
  const histogram = useMemo(() => breakdown.data?.district.depthHistogram ?? [], [breakdown.data]);
  const depthSeries = useMemo(
    () => [{ name: t('kpis.cases'), values: histogram.map((bucket) => bucket.cases) }],
    [histogram, t],
  );

  if (tenantId === null) return <p className="hint">{t('app.pickDistrict')}</p>;
  const district = breakdown.data?.district;
  const kind = by === 'day' ? 'line' : 'bar';
  return (
    <div className="kpi-page">
      <form className="filters" aria-label={t('kpis.period')} onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('kpis.from')}
          <input
            type="date"
            value={from}
            max={to}
            onChange={(event) => event.target.value && setFrom(event.target.value)}
          />
        </label>
        <label>
          {t('kpis.to')}
          <input
            type="date"
            value={to}
            min={from}
            onChange={(event) => event.target.value && setTo(event.target.value)}
          />
        </label>
        <label>
          {t('kpis.by')}
          <select value={by} onChange={(event) => setBy(event.target.value as Dimension)}>
            {dimensions.map((dimension) => (
              <option key={dimension} value={dimension}>
                {t(dimensionLabel[dimension])}
              </option>
            ))}
          </select>
        </label>
      </form>
      {breakdown.isError && (
        <p role="alert" className="error">
          {t('errors.generic')}
          {breakdown.error.message}
        </p>
      )}
      {district && (
        <dl className="headline" data-testid="kpi-headline">
          {(
            [
              ['kpis.cases', String(district.cases), 'cases'],
              ['kpis.closureRate', formatPercent(district.closureRate), 'closureRate'],
              ['kpis.onTimeClosureRate', formatPercent(district.onTimeClosureRate), 'onTimeClosureRate'],
              ['kpis.reworkRate', formatPercent(district.reworkRate), 'reworkRate'],
              ['kpis.extensionRate', formatPercent(district.extensionRate), 'extensionRate'],
              [
                'kpis.medianAck',
                district.medianAckSeconds == null ? '—' : formatDuration(district.medianAckSeconds),
                'medianAckSeconds',
              ],
              [
                'kpis.medianClose',
                district.medianCloseSeconds == null ? '—' : formatDuration(district.medianCloseSeconds),
                'medianCloseSeconds',
              ],
              [
                'kpis.averageDepth',
                district.averageDepth == null ? '—' : district.averageDepth.toFixed(2),
                'averageDepth',
              ],
              ['kpis.maxDepth', district.maxDepth == null ? '—' : String(district.maxDepth), 'maxDepth'],
            ] as const
          ).map(([label, value, key]) => (
            <div key={key} className="headline-figure">
              <dt>{t(label)}</dt>
              <dd data-kpi={key}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {breakdown.data && (
        <div className="charts">
          <Chart
            title={`${t('kpis.closureRate')} · ${t('kpis.onTimeClosureRate')} · ${t('kpis.reworkRate')} · ${t('kpis.extensionRate')}`}
            kind={kind}
            categories={labels}
            series={rateSeries}
            unit="%"
            testId="chart-rates"
          />
          <Chart
            title={`${t('kpis.medianAck')} · ${t('kpis.medianClose')}`}
            kind={kind}
            categories={labels}
            series={timeSeries}
            unit="min"
            testId="chart-times"
          />
          <Chart title={t('kpis.cases')} kind="bar" categories={labels} series={casesSeries} testId="chart-cases" />
          <Chart
            title={t('kpis.depth')}
            kind="bar"
            categories={histogram.map((bucket) => String(bucket.depth))}
            series={depthSeries}
            testId="chart-depth"
          />
        </div>
      )}
      <ZeroReportPanel tenantId={tenantId} />
      <VolunteeringPanel tenantId={tenantId} />
    </div>
  );
}

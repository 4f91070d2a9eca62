import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/http';
import { formatDateTime, formatDuration, formatTime } from '../i18n/i18n';
import { Chart } from './chart';

interface Occurrence {
  id: string;
  gridId: string;
  date: string;
  startsAt: string;
  places: number;
  confirmed: number;
  waitlisted: number;
}

interface OverdueLoan {
  loanId: string;
  tool: { id: string; name: string; kind: string };
  toolRoomGridId: string;
  borrowerName: string | null;
  dueAt: string;
  overdueSeconds: number;
}

const listOf = <T,>(answer: T[] | { items: T[] }): T[] => (Array.isArray(answer) ? answer : answer.items);

/** Service days (sign-ups against places) and tools not brought back, from volunteer-coordination. */
export function VolunteeringPanel({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const base = `/v1/tenants/${encodeURIComponent(tenantId)}`;
  const occurrences = useQuery({
    queryKey: ['service-days', tenantId],
    queryFn: async ({ signal }) =>
      listOf(
        await get<Occurrence[] | { items: Occurrence[] }>(
          'volunteer-coordination',
          `${base}/service-occurrences`,
          {
            from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
            to: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          },
          signal,
        ),
      ),
  });
  const loans = useQuery({
    queryKey: ['overdue-loans', tenantId],
    queryFn: async ({ signal }) =>
      listOf(
        await get<OverdueLoan[] | { items: OverdueLoan[] }>(
          'volunteer-coordination',
          `${base}/tool-loans`,
          { overdue: 'true' },
          signal,
        ),
      ),
    refetchInterval: 60_000,
  });
  const days = useMemo(() => occurrences.data ?? [], [occurrences.data]);
  const labels = useMemo(() => days.map((day) => `${day.date} ${formatTime(day.startsAt)}`), [days]);
  const series = useMemo(
    () => [
      { name: t('kpis.places'), values: days.map((day) => day.places) },
      { name: t('kpis.confirmed'), values: days.map((day) => day.confirmed) },
      { name: t('kpis.waitlisted'), values: days.map((day) => day.waitlisted) },
    ],
    [days, t],
  );
  return (
    <>
      <section className="panel" aria-labelledby="service-days-title">
        <h2 id="service-days-title">{t('kpis.serviceDays')}</h2>
        {occurrences.isError && <p className="error">{occurrences.error.message}</p>}
        {occurrences.isSuccess && days.length === 0 && <p className="hint">{t('kpis.none')}</p>}
        {days.length > 0 && (
          <Chart
            title={t('kpis.serviceDays')}
            kind="bar"
            categories={labels}
            series={series}
            testId="chart-service-days"
          />
        )}
      </section>
      <section className="panel" aria-labelledby="tool-loans-title">
        <h2 id="tool-loans-title">{t('kpis.toolLoans')}</h2>
        {loans.isError && <p className="error">{loans.error.message}</p>}
        {loans.isSuccess && loans.data.length === 0 && <p className="hint">{t('kpis.none')}</p>}
        {(loans.data?.length ?? 0) > 0 && (
          <table className="data-table" data-testid="overdue-loans">
            <thead>
              <tr>
                <th scope="col">{t('kpis.tool')}</th>
                <th scope="col">{t('kpis.borrower')}</th>
                <th scope="col">{t('kpis.due')}</th>
                <th scope="col">{t('board.overdue')}</th>
              </tr>
            </thead>
            <tbody>
              {loans.data!.map((loan) => (
                <tr key={loan.loanId}>
                  <td>{loan.tool.name}</td>
                  <td>{loan.borrowerName ?? '—'}</td>
                  <td>{formatDateTime(loan.dueAt)}</td>
                  <td className="overdue-text">{formatDuration(loan.overdueSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/http';
import type { CaseDetails, QueuePage as Queue } from '../api/types';
import { useCategories } from '../api/reference-data';
import { formatDateTime, formatDuration } from '../i18n/i18n';
import { useOpenCase } from '../case/open-case';
import { useNow } from '../live/use-now';
import { useScope } from '../shell/scope';

/** Waiting since it entered the queue (the API's figure, moved on by the clock), else since the report. */
function waitingSeconds(
  item: CaseDetails & { waitingSeconds?: number },
  asOf: string | undefined,
  now: number,
): number {
  if (item.waitingSeconds !== undefined && asOf) return item.waitingSeconds + (now - Date.parse(asOf)) / 1000;
  return (now - Date.parse(item.reportedAt)) / 1000;
}

/** The district dispatch centre's manual queue: reports to accept and cases to dispatch, oldest first. */
export function QueuePage() {
  const { t } = useTranslation();
  const scope = useScope();
  const now = useNow();
  const { openCase } = useOpenCase();
  const categories = useCategories(scope.tenantId);
  const queue = useQuery({
    queryKey: ['queue', scope.tenantId],
    queryFn: async ({ signal }) => {
      const answer = await get<Queue | CaseDetails[]>(
        'issue-dispatch',
        `/v1/tenants/${encodeURIComponent(scope.tenantId as string)}/issues/queue`,
        { limit: 200 },
        signal,
      );
      return (Array.isArray(answer) ? { items: answer } : answer) as Queue;
    },
    enabled: scope.tenantId !== null,
    refetchInterval: 15_000,
  });
  if (scope.tenantId === null) return <p className="hint">{t('app.pickDistrict')}</p>;
  const names = new Map((categories.data ?? []).map((category) => [category.code, category.name]));
  const items = queue.data?.items ?? [];
  return (
    <section className="queue-page" aria-labelledby="queue-title">
      <h1 id="queue-title">
        {t('queue.title')} <span className="muted">({queue.data?.total ?? items.length})</span>
      </h1>
      {queue.isError && (
        <p role="alert" className="error">
          {queue.error.message}
        </p>
      )}
      {!queue.isPending && items.length === 0 && <p className="hint">{t('queue.empty')}</p>}
      {items.length > 0 && (
        <table className="data-table queue-table">
          <thead>
            <tr>
              <th scope="col">{t('case.category')}</th>
              <th scope="col">{t('case.state')}</th>
              <th scope="col">{t('queue.reportedAt')}</th>
              <th scope="col">{t('queue.waiting')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('queue.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-issue-id={item.id}>
                <td>{names.get(item.category) ?? item.category}</td>
                <td>{t(`states.${item.state}`, { defaultValue: item.state })}</td>
                <td>{formatDateTime(item.reportedAt)}</td>
                <td>{formatDuration(waitingSeconds(item, queue.data?.asOf, now))}</td>
                <td>
                  <button type="button" onClick={() => openCase(item.tenantId, item.id)}>
                    {t('queue.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, get, post } from '../api/http';
import type { CaseDetails, HistoryEntry } from '../api/types';
import { formatDateTime } from '../i18n/i18n';
import { CaseActionForm } from './case-action-form';
import { useOpenCase } from './open-case';

/** Actions that need nothing but the case version: one click. The others open a small form. */
const oneClick = new Set([
  'acknowledge',
  'accept',
  'start-work',
  'resolve',
  'close',
  'approve-extension',
  'deny-extension',
  'unpark',
]);

const casePath = (tenantId: string, issueId: string) =>
  `/v1/tenants/${encodeURIComponent(tenantId)}/issues/${encodeURIComponent(issueId)}`;

/** The case drawer: details, photos, contact (when the API shows it), history, and the actions this role may take. */
export function CaseDrawer() {
  const { t } = useTranslation();
  const { open, closeCase } = useOpenCase();
  const queryClient = useQueryClient();
  const [formFor, setFormFor] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'error' | 'conflict' | 'done'; text: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const issue = useQuery({
    queryKey: ['case', open?.tenantId, open?.issueId],
    queryFn: ({ signal }) =>
      get<CaseDetails>('issue-dispatch', casePath(open!.tenantId, open!.issueId), undefined, signal),
    enabled: open !== null,
  });
  const history = useQuery({
    queryKey: ['case', open?.tenantId, open?.issueId, 'history'],
    queryFn: ({ signal }) =>
      get<HistoryEntry[]>('issue-dispatch', `${casePath(open!.tenantId, open!.issueId)}/history`, undefined, signal),
    enabled: open !== null,
  });
  const act = useMutation({
    mutationFn: ({ action, body }: { action: string; body: Record<string, unknown> }) =>
      post<CaseDetails>('issue-dispatch', `${casePath(open!.tenantId, open!.issueId)}/${action}`, {
        expectedVersion: issue.data!.version,
        ...body,
      }),
    onSuccess: (_, { action }) => {
      setFormFor(null);
      setOutcome({ kind: 'done', text: t('case.done', { action: t(`actions.${action}`) }) });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        setOutcome({ kind: 'conflict', text: `${t('case.conflict')} (${error.message})` });
      else if (error instanceof ApiError && error.status === 403)
        setOutcome({ kind: 'error', text: `${t('case.forbidden')}${error.message}` });
      else setOutcome({ kind: 'error', text: `${t('case.failedAction')}${error.message}` });
    },
    onSettled: () =>
      void queryClient.invalidateQueries({
        predicate: (query) => ['case', 'board', 'queue'].includes(String(query.queryKey[0])),
      }),
  });

  useEffect(() => {
    setFormFor(null);
    setOutcome(null);
    if (open) heading.current?.focus();
  }, [open?.issueId]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && closeCase();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, closeCase]);

  if (!open) return null;
  const details = issue.data;
  const actions = details?.actions ?? [];
  const reload = () => {
    setOutcome(null);
    void queryClient.invalidateQueries({ queryKey: ['case', open.tenantId, open.issueId] });
  };

  return (
    <aside
      className="drawer"
      role="dialog"
      aria-modal="false"
      aria-labelledby="case-title"
      data-issue-id={open.issueId}
    >
      <header className="drawer-head">
        <h2 id="case-title" tabIndex={-1} ref={heading}>
          {t('case.title')} <code className="case-id">{open.issueId.slice(0, 8)}</code>
        </h2>
        <button type="button" onClick={closeCase} aria-label={t('case.close')}>
          ✕
        </button>
      </header>
      {issue.isPending && <p>{t('case.loading')}</p>}
      {issue.isError && (
        <p role="alert" className="error">
          {issue.error instanceof ApiError && [403, 404].includes(issue.error.status)
            ? t('case.notFound')
            : issue.error.message}
        </p>
      )}
      {details && (
        <div className="drawer-body">
          <dl className="facts">
            <dt>{t('case.category')}</dt>
            <dd>{details.category}</dd>
            <dt>{t('case.state')}</dt>
            <dd data-testid="case-state">{t(`states.${details.state}`, { defaultValue: details.state })}</dd>
            <dt>{t('case.holder')}</dt>
            <dd>
              {t(`levels.${details.holderLevel}`, { defaultValue: details.holderLevel })}
              {details.critical && <span className="badge critical-badge">{t('board.critical')}</span>}
            </dd>
            <dt>{t('case.reported')}</dt>
            <dd>{formatDateTime(details.reportedAt)}</dd>
            <dt>{t('case.deadline')}</dt>
            <dd>{formatDateTime(details.acknowledgedAt ? details.resolveDeadline : details.ackDeadline)}</dd>
            {details.address && (
              <>
                <dt>{t('case.address')}</dt>
                <dd>{details.address}</dd>
              </>
            )}
          </dl>
          {details.description !== undefined && (
            <section>
              <h3>{t('case.description')}</h3>
              {/* Rendered as text, never as HTML: a report is whatever a resident typed. */}
              <p className="description" data-testid="case-description">
                {details.description}
              </p>
            </section>
          )}
          {(details.photoUrls?.length ?? 0) > 0 && (
            <section>
              <h3>{t('case.photos')}</h3>
              <ul className="photos">
                {details.photoUrls!.map((url) => (
                  <li key={url}>
                    <a href={url} target="_blank" rel="noopener noreferrer">
                      {url}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {details.contact && (
            <section>
              <h3>{t('case.contact')}</h3>
              <p>
                {details.contact.name ?? '—'} · {details.contact.phone ?? '—'}{' '}
                {details.contact.email ? `· ${details.contact.email}` : ''}
              </p>
            </section>
          )}
          <section aria-labelledby="case-actions">
            <h3 id="case-actions">{t('case.actions')}</h3>
            {outcome && (
              <p
                role={outcome.kind === 'done' ? 'status' : 'alert'}
                className={outcome.kind === 'done' ? 'ok' : 'error'}
                data-testid="action-outcome"
              >
                {outcome.text}{' '}
                {outcome.kind === 'conflict' && (
                  <button type="button" onClick={reload}>
                    {t('case.reload')}
                  </button>
                )}
              </p>
            )}
            {actions.length === 0 ? (
              <p className="hint">{t('case.noActions')}</p>
            ) : (
              <div className="action-buttons">
                {actions.map((action) => (
                  <button
                    key={action}
                    type="button"
                    data-action={action}
                    disabled={act.isPending}
                    aria-pressed={formFor === action}
                    onClick={() => (oneClick.has(action) ? act.mutate({ action, body: {} }) : setFormFor(action))}
                  >
                    {t(`actions.${action}`, { defaultValue: action })}
                  </button>
                ))}
              </div>
            )}
            {formFor && (
              <CaseActionForm
                action={formFor}
                tenantId={open.tenantId}
                busy={act.isPending}
                onSubmit={(body) => act.mutate({ action: formFor, body })}
                onCancel={() => setFormFor(null)}
              />
            )}
          </section>
          <section>
            <h3>{t('case.history')}</h3>
            <ol className="timeline" data-testid="case-history">
              {(history.data ?? []).map((entry) => (
                <li key={entry.id} data-history-action={entry.action}>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  <strong>{t(`history.${entry.action}`, { defaultValue: entry.action })}</strong>
                  <span className="actor">
                    {t('case.by')}: {entry.actor}
                    {entry.actorRole ? ` (${t(`roles.${entry.actorRole}`, { defaultValue: entry.actorRole })})` : ''}
                  </span>
                  <span className="at-level">
                    {t(`levels.${entry.holderLevel}`, { defaultValue: entry.holderLevel })}
                  </span>
                  {entry.reason && <span className="reason">{entry.reason}</span>}
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </aside>
  );
}

import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGrids } from '../api/reference-data';

/** What each case action asks for besides the version the operator saw (the API's DTOs). */
const needsReason = new Set(['return', 'escalate', 'park', 'reassign', 'request-extension']);
const rejectionReasons = ['invalid', 'duplicate', 'not-our-responsibility'] as const;

interface CaseActionFormProps {
  readonly action: string;
  readonly tenantId: string;
  readonly busy: boolean;
  readonly onSubmit: (body: Record<string, unknown>) => void;
  readonly onCancel: () => void;
}

/** The few fields an action needs, in a small form; actions without fields are sent straight from the button. */
export function CaseActionForm({ action, tenantId, busy, onSubmit, onCancel }: CaseActionFormProps) {
  const { t } = useTranslation();
  const grids = useGrids(action === 'dispatch' ? tenantId : null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [gridId, setGridId] = useState('');
  const [assignee, setAssignee] = useState('');
  const [deadline, setDeadline] = useState('');
  const [passed, setPassed] = useState(true);
  const [rating, setRating] = useState(5);
  const [rejection, setRejection] = useState<(typeof rejectionReasons)[number]>('invalid');
  const [duplicateOf, setDuplicateOf] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = {};
    if (needsReason.has(action)) body.reason = reason;
    if (action === 'dispatch') body.gridId = gridId;
    if (action === 'reassign') body.assigneeSubject = assignee;
    if (action === 'request-extension') body.requestedDeadline = new Date(deadline).toISOString();
    if (action === 'verify') body.passed = passed;
    if (action === 'rate') body.rating = rating;
    if (action === 'reject') {
      body.reason = rejection;
      body.note = note;
      if (rejection === 'duplicate') body.duplicateOf = duplicateOf;
    } else if (note && !needsReason.has(action) && action !== 'rate') body.note = note;
    if (action === 'rate' && note) body.comment = note;
    onSubmit(body);
  };

  return (
    <form className="action-form" onSubmit={submit} aria-label={t(`actions.${action}`)}>
      {action === 'dispatch' && (
        <label>
          {t('case.gridToDispatch')}
          <select required value={gridId} onChange={(event) => setGridId(event.target.value)}>
            <option value="" />
            {(grids.data ?? []).map((grid) => (
              <option key={grid.gridId} value={grid.gridId}>
                {grid.name} · {t(`levels.${grid.level}`, { defaultValue: grid.level })}
              </option>
            ))}
          </select>
        </label>
      )}
      {action === 'reject' && (
        <>
          <label>
            {t('case.rejectReason')}
            <select
              value={rejection}
              onChange={(event) => setRejection(event.target.value as (typeof rejectionReasons)[number])}
            >
              {rejectionReasons.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </label>
          {rejection === 'duplicate' && (
            <label>
              {t('case.duplicateOf')}
              <input required value={duplicateOf} onChange={(event) => setDuplicateOf(event.target.value.trim())} />
            </label>
          )}
        </>
      )}
      {action === 'reassign' && (
        <label>
          {t('case.assignee')}
          <input required value={assignee} onChange={(event) => setAssignee(event.target.value.trim())} />
        </label>
      )}
      {action === 'request-extension' && (
        <label>
          {t('case.requestedDeadline')}
          <input
            required
            type="datetime-local"
            value={deadline}
            onChange={(event) => setDeadline(event.target.value)}
          />
        </label>
      )}
      {action === 'verify' && (
        <fieldset>
          <label className="checkbox">
            <input type="radio" name="passed" checked={passed} onChange={() => setPassed(true)} />
            {t('case.passed')}
          </label>
          <label className="checkbox">
            <input type="radio" name="passed" checked={!passed} onChange={() => setPassed(false)} />
            {t('case.failed')}
          </label>
        </fieldset>
      )}
      {action === 'rate' && (
        <label>
          {t('case.rating')}
          <input
            type="number"
            min={1}
            max={5}
            required
            value={rating}
            onChange={(event) => setRating(Number(event.target.value))}
          />
        </label>
      )}
      {needsReason.has(action) ? (
        <label>
          {t('case.reason')}
          <textarea required maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
        </label>
      ) : (
        <label>
          {t('case.note')}
          <textarea
            required={action === 'reject'}
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
      )}
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {t(`actions.${action}`)}
        </button>
        <button type="button" onClick={onCancel}>
          {t('case.close')}
        </button>
      </div>
    </form>
  );
}

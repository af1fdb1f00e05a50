import type { ConflictRecord } from '../../../shared/sync/conflicts';
import { ErrorState } from '../../components/query-state';
import { useCaseConflicts, useResolveConflict } from './use-conflicts';
import './sync.css';
import { useText } from '../../i18n/app-intl';
import { intlLocaleOf } from '../../../shared/i18n/locales';

/** "A, B and C" / « A, B et C »: the list's words are the locale's own (Intl.ListFormat). */
const names = (conflict: ConflictRecord, locale: string): string =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format([...new Set(conflict.choices.map((c) => c.deviceName))]);

/** One field's competing values, each with who and when; a button keeps one. */
const ConflictItem = ({ conflict }: { conflict: ConflictRecord }) => {
  const resolve = useResolveConflict();
  const { t, rich, dateTime, locale } = useText();
  return (
    <li className="conflict">
      <p className="conflict-title">
        {rich('conflicts.item', {
          field: <strong>{conflict.fieldLabel}</strong>,
          row: <span dir="auto">{conflict.rowLabel}</span>,
          devices: <span dir="auto">{names(conflict, intlLocaleOf(locale))}</span>,
        })}
      </p>
      <ul className="conflict-choices">
        {conflict.choices.map((choice) => (
          <li key={`${choice.hlc}-${choice.deviceName}`} className={choice.current ? 'conflict-choice current' : 'conflict-choice'}>
            <span className="conflict-value" dir="auto">
              {choice.display}
            </span>
            <span className="muted">
              <span dir="auto">{choice.deviceName}</span>, {dateTime(choice.at, true)}
              {choice.current && ` · ${t('conflicts.shown')}`}
            </span>
            {conflict.canResolve && (
              <button
                type="button"
                className="button button-secondary"
                disabled={resolve.isPending}
                onClick={() => resolve.mutate({ table: conflict.table, rowId: conflict.rowId, field: conflict.field, hlc: choice.hlc })}
              >
                {t('conflicts.keep')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!conflict.canResolve && <p className="muted">{t('conflicts.notYours')}</p>}
      {resolve.error != null && <ErrorState error={resolve.error} />}
    </li>
  );
};

/** Changes two devices made to the same field of this case without seeing each other: nothing is dropped, a person picks. */
export const CaseConflicts = ({ caseId }: { caseId: string }) => {
  const conflicts = useCaseConflicts(caseId);
  const { t } = useText();
  if (!conflicts.data || conflicts.data.length === 0) return conflicts.error != null ? <ErrorState error={conflicts.error} /> : null;
  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('conflicts.title')}</h2>
      <p className="muted">{t('conflicts.lead')}</p>
      <ul className="conflict-list">
        {conflicts.data.map((c) => (
          <ConflictItem key={`${c.table}-${c.rowId}-${c.field}`} conflict={c} />
        ))}
      </ul>
    </section>
  );
};

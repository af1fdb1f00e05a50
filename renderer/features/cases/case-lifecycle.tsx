import { useState } from 'react';
import type { CaseDetail } from '../../../shared/domain/cases';
import { ErrorState } from '../../components/query-state';
import { useCompleteCase, useReopenCase, useUpdateCase } from './use-cases';
import { useText } from '../../i18n/app-intl';

/** Reopening a completed case asks why; the reason goes into the case's history. */
const ReopenForm = ({ caseId, onDone }: { caseId: string; onDone: () => void }) => {
  const reopen = useReopenCase();
  const [reason, setReason] = useState('');
  const { t } = useText();
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        reopen.mutate({ id: caseId, reason }, { onSuccess: onDone });
      }}
    >
      <label htmlFor="reopen-reason">{t('case.reopenWhy')}</label>
      <input id="reopen-reason" className="input" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} placeholder={t('case.reopenPlaceholder')} />
      <button type="submit" className="button button-secondary" disabled={reopen.isPending || reason.trim() === ''}>
        {t('case.reopenSubmit')}
      </button>
      <button type="button" className="button button-quiet" onClick={onDone}>
        {t('common.cancel')}
      </button>
      {reopen.error != null && <ErrorState error={reopen.error} />}
    </form>
  );
};

/** The next step of the case's lifecycle: start, mark complete (who and when are kept), or reopen. */
export const CaseLifecycle = ({ found }: { found: CaseDetail }) => {
  const update = useUpdateCase();
  const complete = useCompleteCase();
  const [reopening, setReopening] = useState(false);
  const { t } = useText();
  if (found.archived || found.partner) return null;
  if (reopening) return <ReopenForm caseId={found.id} onDone={() => setReopening(false)} />;
  const error = update.error ?? complete.error;
  return (
    <>
      {found.status === 'draft' && (
        <button type="button" className="button button-secondary" disabled={update.isPending} onClick={() => update.mutate({ id: found.id, status: 'in_progress' })}>
          {t('case.start')}
        </button>
      )}
      {found.status === 'in_progress' && (
        <button type="button" className="button button-secondary" disabled={complete.isPending} onClick={() => complete.mutate({ id: found.id })}>
          {t('case.markComplete')}
        </button>
      )}
      {found.status === 'complete' && (
        <button type="button" className="button button-secondary" onClick={() => setReopening(true)}>
          {t('case.reopen')}
        </button>
      )}
      {error != null && <ErrorState error={error} />}
    </>
  );
};

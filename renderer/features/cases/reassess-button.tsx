import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CaseDetail } from '../../../shared/domain/cases';
import { ErrorState } from '../../components/query-state';
import { useReassessCase } from './use-cases';
import { useText } from '../../i18n/app-intl';

/** "Re-assess" says what a new assessment takes over from this one before it makes it. */
export const ReassessButton = ({ found }: { found: CaseDetail }) => {
  const reassess = useReassessCase();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const { t, rich } = useText();
  if (!asking) {
    return (
      <button type="button" className="button button-quiet" title={t('case.reassessHint')} onClick={() => setAsking(true)}>
        {t('case.reassess')}
      </button>
    );
  }
  return (
    <div className="confirm-box" role="alertdialog" aria-labelledby="reassess-title" aria-describedby="reassess-what">
      <p id="reassess-title" className="confirm-title">
        {rich('case.reassessTitle', { customer: <span dir="auto">{found.customerName}</span> })}
      </p>
      <p id="reassess-what" className="muted">
        {t('case.reassessWhat', { contacts: found.contacts.length })}
      </p>
      <div className="case-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={reassess.isPending}
          onClick={() => reassess.mutate(found.id, { onSuccess: (created) => navigate(`/cases/${created.id}`) })}
        >
          {t('case.reassessStart')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </div>
      {reassess.error != null && <ErrorState error={reassess.error} />}
    </div>
  );
};

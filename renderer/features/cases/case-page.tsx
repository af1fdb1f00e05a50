import { Link, NavLink, Outlet, useParams } from 'react-router';
import type { CaseDetail } from '../../../shared/domain/cases';
import { caseTabs } from '../../app/case-tabs';
import { ErrorState, QueryView } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { CaseConflicts } from '../sync/field-conflicts';
import { CaseLifecycle } from './case-lifecycle';
import { ReassessButton } from './reassess-button';
import { useArchiveCase, useCase } from './use-cases';
import { useText } from '../../i18n/app-intl';

/** Whose case this is, and why it cannot be changed here. */
const OwnerNote = ({ found }: { found: CaseDetail }) => {
  const { t, rich, dateTime } = useText();
  if (found.partner) {
    return (
      <p className="owner-note" role="note">
        {rich('case.partnerNote', {
          engineer: <span dir="auto">{found.engineer || t('case.anotherEngineer')}</span>,
          hasOwner: found.ownerName ? 'yes' : 'no',
          owner: <span dir="auto">{found.ownerName}</span>,
        })}
      </p>
    );
  }
  if (found.status === 'complete') {
    return (
      <p className="owner-note" role="note">
        {rich('case.completedNote', {
          hasBy: found.completedBy ? 'yes' : 'no',
          by: <span dir="auto">{found.completedBy}</span>,
          hasDate: found.completedAt ? 'yes' : 'no',
          date: found.completedAt ? dateTime(found.completedAt) : '',
        })}
      </p>
    );
  }
  return null;
};

const CaseHeader = ({ found }: { found: CaseDetail }) => {
  const archive = useArchiveCase();
  const { t } = useText();
  return (
    <div className="case-header">
      <div className="case-heading">
        <h1 id="case-title" className="clip" dir="auto">
          {found.customerName}
        </h1>
        <p className="muted clip" dir="auto">
          {[found.siteName, found.title, found.engineer].filter(Boolean).join(' · ') || t('case.noSiteOrTitle')}
        </p>
        <OwnerNote found={found} />
      </div>
      <div className="case-actions">
        <StatusBadge status={found.status} archived={found.archived} />
        <CaseLifecycle found={found} />
        <Link to={`/history/customers/${found.customerId}`} className="button button-quiet">
          {t('case.timeline')}
        </Link>
        {!found.partner && <ReassessButton found={found} />}
        {!found.partner && (
          <button type="button" className="button button-quiet" disabled={archive.isPending} onClick={() => archive.mutate({ id: found.id, archived: !found.archived })}>
            {found.archived ? t('case.restore') : t('case.archive')}
          </button>
        )}
      </div>
      {archive.error != null && <ErrorState error={archive.error} />}
    </div>
  );
};

export const CasePage = () => {
  const { caseId = '' } = useParams();
  const found = useCase(caseId);
  const { t } = useText();
  return (
    <section className="page" aria-labelledby="case-title">
      <QueryView query={found}>
        {(c) => (
          <>
            <CaseHeader found={c} />
            <CaseConflicts caseId={c.id} />
            <nav aria-label={t('case.sections')}>
              <ul className="tabs">
                {caseTabs.map((tab) => (
                  <li key={tab.id}>
                    <NavLink to={tab.id} className={({ isActive }) => (isActive ? 'tab active' : 'tab')}>
                      {t(tab.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="tab-panel">
              <Outlet />
            </div>
          </>
        )}
      </QueryView>
    </section>
  );
};

/** Renders the registered tab for the current case. */
const CaseTabView = ({ tabId }: { tabId: string }) => {
  const { caseId = '' } = useParams();
  const tab = caseTabs.find((t) => t.id === tabId);
  if (!tab) return null;
  return <tab.Component caseId={caseId} />;
};
CasePage.Tab = CaseTabView;

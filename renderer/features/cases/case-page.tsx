import { Link, NavLink, Outlet, useParams } from 'react-router';
import type { CaseDetail } from '../../../shared/domain/cases';
import { caseTabs } from '../../app/case-tabs';
import { ErrorState, QueryView } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { CaseConflicts } from '../sync/field-conflicts';
import { CaseLifecycle } from './case-lifecycle';
import { ReassessButton } from './reassess-button';
import { useArchiveCase, useCase } from './use-cases';

/** Whose case this is, and why it cannot be changed here. */
const OwnerNote = ({ found }: { found: CaseDetail }) => {
  if (found.partner) {
    return (
      <p className="owner-note" role="note">
        <span dir="auto">{found.engineer || 'Another engineer'}</span>&rsquo;s case
        {found.ownerName && (
          <>
            {' '}
            from <span dir="auto">{found.ownerName}</span>
          </>
        )}
        : read-only here. Reports, proposals and comments are yours to add.
      </p>
    );
  }
  if (found.status === 'complete') {
    return (
      <p className="owner-note" role="note">
        Completed{found.completedBy && <> by <span dir="auto">{found.completedBy}</span></>}
        {found.completedAt && <> on {new Date(found.completedAt).toLocaleDateString()}</>}: locked against changes until reopened.
      </p>
    );
  }
  return null;
};

const CaseHeader = ({ found }: { found: CaseDetail }) => {
  const archive = useArchiveCase();
  return (
    <div className="case-header">
      <div className="case-heading">
        <h1 id="case-title" className="clip" dir="auto">
          {found.customerName}
        </h1>
        <p className="muted clip" dir="auto">
          {[found.siteName, found.title, found.engineer].filter(Boolean).join(' · ') || 'No site or title yet'}
        </p>
        <OwnerNote found={found} />
      </div>
      <div className="case-actions">
        <StatusBadge status={found.status} archived={found.archived} />
        <CaseLifecycle found={found} />
        <Link to={`/history/customers/${found.customerId}`} className="button button-quiet">
          Timeline
        </Link>
        {!found.partner && <ReassessButton found={found} />}
        {!found.partner && (
          <button type="button" className="button button-quiet" disabled={archive.isPending} onClick={() => archive.mutate({ id: found.id, archived: !found.archived })}>
            {found.archived ? 'Restore' : 'Archive'}
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
  return (
    <section className="page" aria-labelledby="case-title">
      <QueryView query={found}>
        {(c) => (
          <>
            <CaseHeader found={c} />
            <CaseConflicts caseId={c.id} />
            <nav aria-label="Case sections">
              <ul className="tabs">
                {caseTabs.map((tab) => (
                  <li key={tab.id}>
                    <NavLink to={tab.id} className={({ isActive }) => (isActive ? 'tab active' : 'tab')}>
                      {tab.label}
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

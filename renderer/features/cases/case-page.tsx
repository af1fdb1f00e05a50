import { Link, NavLink, Outlet, useNavigate, useParams } from 'react-router';
import { allowedStatusTransitions, caseStatusLabels, type CaseDetail, type CaseStatus } from '../../../shared/domain/cases';
import { caseTabs } from '../../app/case-tabs';
import { ErrorState, QueryView } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { useArchiveCase, useCase, useReassessCase, useUpdateCase } from './use-cases';

const nextStepLabel: Record<CaseStatus, string> = {
  draft: 'Start assessment',
  in_progress: 'Mark complete',
  complete: 'Reopen',
};

const CaseHeader = ({ found }: { found: CaseDetail }) => {
  const update = useUpdateCase();
  const archive = useArchiveCase();
  const reassess = useReassessCase();
  const navigate = useNavigate();
  const next = allowedStatusTransitions[found.status][0];
  return (
    <div className="case-header">
      <div className="case-heading">
        <h1 id="case-title" className="clip" dir="auto">
          {found.customerName}
        </h1>
        <p className="muted clip" dir="auto">
          {[found.siteName, found.title, found.engineer].filter(Boolean).join(' · ') || 'No site or title yet'}
        </p>
      </div>
      <div className="case-actions">
        <StatusBadge status={found.status} archived={found.archived} />
        {next && !found.archived && (
          <button
            type="button"
            className="button button-secondary"
            disabled={update.isPending}
            onClick={() => update.mutate({ id: found.id, status: next })}
            title={`Move to ${caseStatusLabels[next]}`}
          >
            {nextStepLabel[found.status]}
          </button>
        )}
        <Link to={`/history/customers/${found.customerId}`} className="button button-quiet">
          Timeline
        </Link>
        <button
          type="button"
          className="button button-quiet"
          disabled={reassess.isPending}
          title="Start a new assessment of this customer from this one"
          onClick={() => reassess.mutate(found.id, { onSuccess: (created) => navigate(`/cases/${created.id}`) })}
        >
          Re-assess
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={archive.isPending}
          onClick={() => archive.mutate({ id: found.id, archived: !found.archived })}
        >
          {found.archived ? 'Restore' : 'Archive'}
        </button>
      </div>
      {(update.error ?? archive.error ?? reassess.error) != null && <ErrorState error={update.error ?? archive.error ?? reassess.error} />}
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

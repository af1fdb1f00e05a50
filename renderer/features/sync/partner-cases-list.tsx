import { useState } from 'react';
import { caseStatusLabels, caseStatusSchema } from '../../../shared/domain/cases';
import type { PartnerCase } from '../../../shared/sync/sync-status';
import { EmptyState, QueryView } from '../../components/query-state';
import { usePartnerCases, useSyncStatus } from './use-sync';
import './sync.css';

const statusLabel = (status: string): string => {
  const known = caseStatusSchema.safeParse(status);
  return known.success ? caseStatusLabels[known.data] : status;
};

const Row = ({ c }: { c: PartnerCase }) => (
  <tr>
    <td className="cell-clip">
      <strong>{c.customerName || '—'}</strong>
      {c.siteName && <span className="muted"> · {c.siteName}</span>}
      {c.title && <div className="muted cell-clip">{c.title}</div>}
    </td>
    <td className="cell-clip">
      {c.engineer || '—'}
      <div className="partner-case-owner">{c.mine ? 'this laptop' : c.deviceName}</div>
    </td>
    <td className="cell-nowrap">{new Date(c.updatedAt).toLocaleDateString()}</td>
    <td>{c.level ?? <span className="muted">not scored</span>}</td>
    <td>
      <span className={`badge badge-${c.status}`}>{statusLabel(c.status)}</span>
      {!c.mine && <span className="visually-hidden"> (read-only)</span>}
    </td>
  </tr>
);

/**
 * Every case of the partner pulled from the hub — who, when, customer, level — for an account
 * manager's History tab. Other engineers' cases are shown read-only: there is nothing to edit here.
 */
export const PartnerCasesList = () => {
  const status = useSyncStatus();
  if (!status.data?.enrolled) {
    return (
      <p className="muted partner-cases-hint">
        Enroll this laptop with your partner hub (Settings) to see every engineer&apos;s engagements here.
      </p>
    );
  }
  return <EnrolledPartnerCases />;
};

const EnrolledPartnerCases = () => {
  const [search, setSearch] = useState('');
  const cases = usePartnerCases(search.trim());
  return (
    <section aria-labelledby="partner-cases-title">
      <h2 id="partner-cases-title">All partner engagements</h2>
      <div className="toolbar">
        <label className="search">
          <span className="visually-hidden">Search partner engagements</span>
          <input type="search" className="input" placeholder="Search customer, site, engineer" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
      </div>
      <QueryView query={cases}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={search ? 'Nothing matches' : 'Nothing from the hub yet'}>
              <p className="muted">Cases from every engineer appear here after a sync with the partner hub.</p>
            </EmptyState>
          ) : (
            <table className="table">
              <caption className="visually-hidden">Engagements of all engineers, newest first; others' are read-only</caption>
              <thead>
                <tr>
                  <th scope="col">Customer</th>
                  <th scope="col">Engineer</th>
                  <th scope="col">Last change</th>
                  <th scope="col">Readiness level</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <Row key={c.id} c={c} />
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </section>
  );
};

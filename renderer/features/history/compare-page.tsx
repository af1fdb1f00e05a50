import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api';
import { QueryView } from '../../components/query-state';
import { LevelBadge } from '../../components/level-badge';
import type { Comparison } from '../../../shared/history/compare';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const signed = (n: number | null, digits = 1) => (n === null ? '—' : `${n > 0 ? '+' : ''}${n.toFixed(digits)}`);

const FindingList = ({ title, items, tone }: { title: string; items: Comparison['findings']['resolved']; tone: string }) => (
  <div className={`finding-group finding-group-${tone}`}>
    <h3>
      {title} ({items.length})
    </h3>
    {items.length === 0 ? (
      <p className="muted">None</p>
    ) : (
      <ul>
        {items.map((f) => (
          <li key={f.id}>
            <span className={`badge severity-${f.severity}`}>{f.severity}</span> {f.title}
          </li>
        ))}
      </ul>
    )}
  </div>
);

/** Two assessments of one customer side by side: what moved, what was fixed, what is new. */
export const ComparePage = () => {
  const { first = '', second = '' } = useParams();
  const comparison = useQuery({
    queryKey: ['history', 'compare', first, second],
    queryFn: () => api.compareAssessments({ firstCaseId: first, secondCaseId: second }),
  });
  return (
    <section className="page" aria-labelledby="compare-title">
      <p className="breadcrumb">
        <Link to="/history">History</Link> / Compare
      </p>
      <h1 id="compare-title">Compare assessments</h1>
      <QueryView query={comparison}>
        {(c) => (
          <>
            <div className="compare-heads">
              {[c.before, c.after].map((side, i) => (
                <div key={side.caseId} className="card compare-head">
                  <p className="muted">{i === 0 ? 'Before' : 'After'}</p>
                  <Link to={`/cases/${side.caseId}`} className="case-link">
                    {side.title || 'Assessment'}
                  </Link>
                  <p>
                    {dateFormat.format(new Date(side.createdAt))} · <LevelBadge level={side.level} />{' '}
                    {side.readinessIndex !== null && <span>index {Math.round(side.readinessIndex)}</span>}
                  </p>
                </div>
              ))}
              <div className="card compare-head">
                <p className="muted">Change in readiness index</p>
                <p className="big-number">{signed(c.indexDelta)}</p>
              </div>
            </div>
            <div className="card">
              <h2>Pillars</h2>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Pillar</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                    <th scope="col">Change</th>
                  </tr>
                </thead>
                <tbody>
                  {c.pillars.map((p) => (
                    <tr key={p.pillarId}>
                      <td>{p.title}</td>
                      <td>{p.before === null ? '—' : Math.round(p.before)}</td>
                      <td>{p.after === null ? '—' : Math.round(p.after)}</td>
                      <td className={p.delta === null ? '' : p.delta > 0 ? 'delta-up' : p.delta < 0 ? 'delta-down' : ''}>{signed(p.delta)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="card">
              <h2>Findings</h2>
              <div className="finding-groups">
                <FindingList title="Resolved" items={c.findings.resolved} tone="good" />
                <FindingList title="New" items={c.findings.new} tone="problem" />
                <FindingList title="Still open" items={c.findings.stillOpen} tone="watch" />
              </div>
            </div>
            <div className="card">
              <h2>Measurements</h2>
              {c.metrics.length === 0 ? (
                <p className="muted">Neither assessment has probe measurements.</p>
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Metric</th>
                      <th scope="col">Before</th>
                      <th scope="col">After</th>
                      <th scope="col">Change</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.metrics.map((m) => (
                      <tr key={m.metric}>
                        <td>
                          <code>{m.metric}</code>
                        </td>
                        <td>{m.before ?? '—'}</td>
                        <td>{m.after ?? '—'}</td>
                        <td className={m.improved === null ? '' : m.improved ? 'delta-up' : 'delta-down'}>
                          {signed(m.delta, 2)}
                          {m.improved !== null && <span className="visually-hidden">{m.improved ? ' (better)' : ' (worse)'}</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          </>
        )}
      </QueryView>
    </section>
  );
};

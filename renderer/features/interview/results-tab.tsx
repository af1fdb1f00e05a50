import { useState } from 'react';
import { LevelCaps } from './level-caps';
import { readinessLevelLabels, type Severity } from '../../../shared/interview/bank-schema';
import type { Finding, PillarScore, ScoreResult } from '../../../shared/interview/score-types';
import type { CaseTabProps } from '../../app/case-tabs';
import { ErrorState, QueryView } from '../../components/query-state';
import { RadarChart } from '../../../shared/reports/components/charts';
import { evidenceText, provenanceText } from '../../../shared/reports/from-case-data';
import { readingValueLabel } from '../../../shared/interview/metric-readings';
import { metricScopeLabels } from '../../../shared/probes/metric-names';
import { useAddException, useCaseScore, useRemoveException } from './use-interview';
import './interview.css';

const percent = (n: number) => `${Math.round(n * 100)}%`;
const severityLabel: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

const ExceptionForm = ({ caseId, finding }: { caseId: string; finding: Finding }) => {
  const add = useAddException(caseId);
  const remove = useRemoveException(caseId);
  const [open, setOpen] = useState(false);
  const [control, setControl] = useState('');
  const [reason, setReason] = useState('');
  if (finding.exception) {
    return (
      <div className="exception">
        <p>
          <strong>Exception:</strong> <span dir="auto">{finding.exception.compensatingControl}</span> — <span dir="auto">{finding.exception.reason}</span>
          {finding.exception.recordedBy && <span className="muted"> ({finding.exception.recordedBy})</span>}
        </p>
        <button type="button" className="button button-quiet" disabled={remove.isPending} onClick={() => remove.mutate(finding.id)}>
          Withdraw exception
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)}>
        Record an exception
      </button>
    );
  }
  return (
    <form
      className="exception-form"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ findingId: finding.id, compensatingControl: control, reason }, { onSuccess: () => setOpen(false) });
      }}
    >
      <div className="field">
        <label htmlFor={`control-${finding.id}`}>Compensating control</label>
        <input id={`control-${finding.id}`} className="input" value={control} onChange={(e) => setControl(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={`reason-${finding.id}`}>Reason</label>
        <input id={`reason-${finding.id}`} className="input" value={reason} onChange={(e) => setReason(e.target.value)} required />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          Save exception
        </button>
        <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {add.error != null && <ErrorState error={add.error} />}
    </form>
  );
};

const FindingCard = ({ caseId, finding }: { caseId: string; finding: Finding }) => (
  <li className={`finding finding-${finding.severity}`}>
    <div className="finding-head">
      <span className={`badge severity-${finding.severity}`}>{severityLabel[finding.severity]}</span>
      <h3 dir="auto">{finding.title}</h3>
      {finding.gate &&
        (finding.exception ? (
          <span className="badge badge-lifted">Gate lifted by exception</span>
        ) : (
          <span className="badge badge-gate">Caps at {readinessLevelLabels[finding.gate]}</span>
        ))}
    </div>
    <p>{finding.description}</p>
    <p>
      <strong>Recommendation:</strong> {finding.recommendation}
    </p>
    {finding.evidence.length > 0 && (
      <p className="muted finding-evidence">
        Based on:{' '}
        {finding.evidence.map(evidenceText).join('; ')}
      </p>
    )}
    <ExceptionForm caseId={caseId} finding={finding} />
  </li>
);

const PillarTrace = ({ pillar }: { pillar: PillarScore }) => (
  <details className="pillar-trace">
    <summary>
      <span className="pillar-trace-title">{pillar.title}</span>
      <span>{pillar.knownCount > 0 ? pillar.score : '—'}</span>
      <span className="muted">confidence {percent(pillar.confidence)}</span>
    </summary>
    <table className="table trace-table">
      <caption className="visually-hidden">How the {pillar.title} score was made</caption>
      <thead>
        <tr>
          <th scope="col">Question</th>
          <th scope="col">Answer</th>
          <th scope="col">Maturity</th>
          <th scope="col">Weight</th>
          <th scope="col">Points</th>
        </tr>
      </thead>
      <tbody>
        {pillar.contributions.map((c) => (
          <tr key={c.questionId} className={c.status === 'known' ? '' : 'trace-missing'}>
            <td dir="auto">{c.questionText}</td>
            <td dir="auto">
              {c.valueLabel}
              {c.source === 'customer' && <span className="badge badge-customer">From the customer{c.customer ? ` (${c.customer})` : ''}</span>}
              {c.source === 'measurement' && (
                <span className="badge badge-measured" title={c.provenance ? provenanceText(c.provenance) : 'Taken from a probe measurement'}>
                  Measured
                </span>
              )}
              {c.provenance && c.source === 'measurement' && <span className="muted"> {provenanceText(c.provenance)}</span>}
              {c.override && (
                <span className="muted">
                  {' '}
                  Answered instead of the measured {readingValueLabel(c.override.measured.metric, c.override.measured.value)}
                  {c.override.reason ? `: ${c.override.reason}` : ' (no reason given)'}
                </span>
              )}
            </td>
            <td>{c.maturity ?? '—'}</td>
            <td>{c.weight}</td>
            <td>{c.points.toFixed(1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </details>
);

const Results = ({ caseId, score }: { caseId: string; score: ScoreResult }) => {
  return (
    <div className="results">
      <section className="card results-summary" aria-labelledby="results-level">
        <div>
          <p className="muted">Readiness level</p>
          <h2 id="results-level" className="results-level">
            {readinessLevelLabels[score.level]}
          </h2>
          <p>
            Index <strong>{score.index}</strong> / 100 · confidence <strong>{percent(score.confidence)}</strong> · {score.progress.answered} of{' '}
            {score.progress.visible} questions answered
          </p>
          <LevelCaps score={score} />
          <p className="muted">
            Question bank {score.bankId} {score.bankVersion}
          </p>
        </div>
        <RadarChart
          color="#1f4e79"
          points={score.pillars.map((p) => ({ label: p.title, value: p.knownCount > 0 ? p.score : 0 }))}
        />
      </section>

      <section className="card" aria-labelledby="top-findings">
        <h2 id="top-findings">Top findings</h2>
        {score.findings.length === 0 ? (
          <p className="muted">No findings from the answers so far.</p>
        ) : (
          <ol className="plain-list findings">
            {score.findings.slice(0, 10).map((f) => (
              <FindingCard key={f.id} caseId={caseId} finding={f} />
            ))}
          </ol>
        )}
        {score.findings.length > 10 && <p className="muted">{score.findings.length - 10} more in the report.</p>}
      </section>

      {score.unmeasured.length > 0 && (
        <section className="card" aria-labelledby="unmeasured">
          <h2 id="unmeasured">Could not be measured</h2>
          <p className="muted">Neither a pass nor a fail: each lowers the confidence until it is measured or answered.</p>
          <ul>
            {score.unmeasured.map((u) => (
              <li key={`${u.metric}@${u.scope}`}>
                {u.label} <span className="muted">({metricScopeLabels[u.scope]})</span>: {u.reason}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="score-trace">
        <h2 id="score-trace">Where each score comes from</h2>
        <p className="muted">Open a pillar to see the answers and measurements that made its score. Points add up to the score.</p>
        {score.pillars.map((p) => (
          <PillarTrace key={p.pillarId} pillar={p} />
        ))}
      </section>
    </div>
  );
};

/** The readiness picture: level, radar, findings with exceptions, and the trace of every score. */
export const ResultsTab = ({ caseId }: CaseTabProps) => {
  const score = useCaseScore(caseId);
  return <QueryView query={score}>{(s) => <Results caseId={caseId} score={s} />}</QueryView>;
};

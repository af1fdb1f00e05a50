import { useState } from 'react';
import { LevelCaps } from './level-caps';
import type { Finding, PillarScore, ScoreResult } from '../../../shared/interview/score-types';
import type { CaseTabProps } from '../../app/case-tabs';
import { ErrorState, QueryView } from '../../components/query-state';
import { RadarChart } from '../../../shared/reports/components/charts';
import { answerLabel, evidenceText, provenanceText } from '../../../shared/reports/from-case-data';
import { useMeasurementWords } from '../../i18n/use-measurement-words';
import { readingValueLabel } from '../../../shared/interview/metric-readings';
import { useAddException, useCaseScore, useRemoveException } from './use-interview';
import './interview.css';
import { useText } from '../../i18n/app-intl';
import { levelIds, severityIds } from '../../i18n/label-ids';


const ExceptionForm = ({ caseId, finding }: { caseId: string; finding: Finding }) => {
  const add = useAddException(caseId);
  const remove = useRemoveException(caseId);
  const [open, setOpen] = useState(false);
  const [control, setControl] = useState('');
  const [reason, setReason] = useState('');
  const { t, rich } = useText();
  if (finding.exception) {
    return (
      <div className="exception">
        <p>
          {rich('results.exception', {
            control: <span dir="auto">{finding.exception.compensatingControl}</span>,
            reason: <span dir="auto">{finding.exception.reason}</span>,
          })}
          {finding.exception.recordedBy && <span className="muted"> ({finding.exception.recordedBy})</span>}
        </p>
        <button type="button" className="button button-quiet" disabled={remove.isPending} onClick={() => remove.mutate(finding.id)}>
          {t('results.withdrawException')}
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)}>
        {t('results.recordException')}
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
        <label htmlFor={`control-${finding.id}`}>{t('results.control')}</label>
        <input id={`control-${finding.id}`} className="input" value={control} onChange={(e) => setControl(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={`reason-${finding.id}`}>{t('results.reason')}</label>
        <input id={`reason-${finding.id}`} className="input" value={reason} onChange={(e) => setReason(e.target.value)} required />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          {t('results.saveException')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
      {add.error != null && <ErrorState error={add.error} />}
    </form>
  );
};

const FindingCard = ({ caseId, finding }: { caseId: string; finding: Finding }) => {
  const { t, rich } = useText();
  const words = useMeasurementWords();
  return (
  <li className={`finding finding-${finding.severity}`}>
    <div className="finding-head">
      <span className={`badge severity-${finding.severity}`}>{t(severityIds[finding.severity])}</span>
      <h3 dir="auto">{finding.title}</h3>
      {finding.gate &&
        (finding.exception ? (
          <span className="badge badge-lifted">{t('results.gateLifted')}</span>
        ) : (
          <span className="badge badge-gate">{t('results.capsAt', { level: t(levelIds[finding.gate]) })}</span>
        ))}
    </div>
    <p dir="auto">{finding.description}</p>
    <p dir="auto">{rich('results.recommendation', { text: finding.recommendation })}</p>
    {finding.evidence.length > 0 && (
      <p className="muted finding-evidence">
        {t('results.basedOn', { evidence: finding.evidence.map((e) => evidenceText(e, words)).join('; ') })}
      </p>
    )}
    <ExceptionForm caseId={caseId} finding={finding} />
  </li>
  );
};

const PillarTrace = ({ pillar }: { pillar: PillarScore }) => {
  const { t, percent, number, decimal } = useText();
  const words = useMeasurementWords();
  return (
  <details className="pillar-trace">
    <summary>
      <span className="pillar-trace-title">{pillar.title}</span>
      <span>{pillar.knownCount > 0 ? decimal(pillar.score) : '—'}</span>
      <span className="muted">{t('results.pillarConfidence', { confidence: percent(pillar.confidence) })}</span>
    </summary>
    <table className="table trace-table">
      <caption className="visually-hidden">{t('results.traceCaption', { pillar: pillar.title })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results.col.question')}</th>
          <th scope="col">{t('results.col.answer')}</th>
          <th scope="col">{t('results.col.maturity')}</th>
          <th scope="col">{t('results.col.weight')}</th>
          <th scope="col">{t('results.col.points')}</th>
        </tr>
      </thead>
      <tbody>
        {pillar.contributions.map((c) => (
          <tr key={c.questionId} className={c.status === 'known' ? '' : 'trace-missing'}>
            <td dir="auto">{c.questionText}</td>
            <td dir="auto">
              {answerLabel(c.valueLabel, words)}
              {c.source === 'customer' && <span className="badge badge-customer">{t('results.fromCustomer', { hasCustomer: c.customer ? 'yes' : 'no', customer: c.customer ?? '' })}</span>}
              {c.source === 'measurement' && (
                <span className="badge badge-measured" title={c.provenance ? provenanceText(c.provenance, words) : t('results.measuredTitle')}>
                  {t('results.measured')}
                </span>
              )}
              {c.provenance && c.source === 'measurement' && <span className="muted"> {provenanceText(c.provenance, words)}</span>}
              {c.override && (
                <span className="muted">
                  {' '}
                  {t('results.override', {
                    measured: readingValueLabel(c.override.measured.metric, c.override.measured.value),
                    hasReason: c.override.reason ? 'yes' : 'no',
                    reason: c.override.reason ?? '',
                  })}
                </span>
              )}
            </td>
            <td>{c.maturity === null ? '—' : decimal(c.maturity)}</td>
            <td>{decimal(c.weight)}</td>
            <td>{number(c.points, 1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </details>
  );
};

const Results = ({ caseId, score }: { caseId: string; score: ScoreResult }) => {
  const { t, percent, decimal } = useText();
  const words = useMeasurementWords();
  return (
    <div className="results">
      <section className="card results-summary" aria-labelledby="results-level">
        <div>
          <p className="muted">{t('results.level')}</p>
          <h2 id="results-level" className="results-level">
            {t(levelIds[score.level])}
          </h2>
          <p>
            {t('results.summary', {
              index: decimal(score.index),
              confidence: percent(score.confidence),
              answered: score.progress.answered,
              visible: score.progress.visible,
            })}
          </p>
          <LevelCaps score={score} />
          <p className="muted">
            {t('results.bank', { bank: score.bankId, version: score.bankVersion })}
          </p>
        </div>
        <RadarChart
          color="#1f4e79"
          label={t('tech.byPillar')}
          points={score.pillars.map((p) => ({ label: p.title, value: p.knownCount > 0 ? p.score : 0 }))}
        />
      </section>

      <section className="card" aria-labelledby="top-findings">
        <h2 id="top-findings">{t('results.topFindings')}</h2>
        {score.findings.length === 0 ? (
          <p className="muted">{t('results.noFindings')}</p>
        ) : (
          <ol className="plain-list findings">
            {score.findings.slice(0, 10).map((f) => (
              <FindingCard key={f.id} caseId={caseId} finding={f} />
            ))}
          </ol>
        )}
        {score.findings.length > 10 && <p className="muted">{t('results.moreFindings', { count: score.findings.length - 10 })}</p>}
      </section>

      {score.unmeasured.length > 0 && (
        <section className="card" aria-labelledby="unmeasured">
          <h2 id="unmeasured">{t('results.unmeasured')}</h2>
          <p className="muted">{t('results.unmeasuredHint')}</p>
          <ul>
            {score.unmeasured.map((u) => (
              <li key={`${u.metric}@${u.scope}`}>
                {t('results.unmeasuredLine', { label: words.label(u.metric), scope: words.scope(u.scope), reason: words.reason(u.reason) })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="score-trace">
        <h2 id="score-trace">{t('results.trace')}</h2>
        <p className="muted">{t('results.traceHint')}</p>
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

/** @jsxRuntime automatic @jsxImportSource react */
import type { TechnicalReport } from '../report-model';
import type { Translator } from '../../i18n/translator';
import { useReportText } from './report-text';
import { AttachmentList, ContextBlock } from './captured-evidence';
import { TimeSeriesChart } from './charts';
import { ComparisonSection } from './comparison-section';
import { AboutAssessment } from './executive-body';
import { PillarRadar } from './pillar-radar';
import { CappedNote, ReadinessScaleView } from './readiness-scale-view';
import { EmptyNote, FindingCard, Section, SummaryFacts } from './report-parts';
import { AnswerRow } from './answer-row';
import { FrameworkAppendix } from './framework-appendix';
import { MeasurementAppendix, verdictText } from './measurement-appendix';

/**
 * The technical report's sections, in order. Each is its own component; a new section (an
 * appendix) is one more entry here and in the contents.
 */
export interface TocEntry {
  readonly id: string;
  readonly title: string;
}

export const technicalSections = (model: TechnicalReport, { t }: Translator): TocEntry[] => [
  { id: 'summary', title: t('tech.summary') },
  ...(model.source.comparison ? [{ id: 'since-last', title: t('tech.sinceLast') }] : []),
  { id: 'findings', title: t('tech.findings') },
  { id: 'measurements', title: t('tech.measurements') },
  { id: 'answers', title: t('tech.answers') },
  ...(model.source.caseAttachments.length > 0 ? [{ id: 'case-evidence', title: t('tech.otherEvidence') }] : []),
  // Before the appendices: the last page of the report is never "About this assessment" alone.
  { id: 'about', title: t('about.title') },
  ...(model.measurements.length > 0 ? [{ id: 'raw', title: t('tech.appendixMeasurements') }] : []),
  { id: 'framework-coverage', title: t('tech.appendixFrameworks') },
];

const Contents = ({ entries, title }: { entries: readonly TocEntry[]; title: string }) => (
  <Section title={title} newPage>
    <ol className="gw-toc">
      {entries.map((e) => (
        <li key={e.id}>
          <a href={`#${e.id}`}>{e.title}</a>
        </li>
      ))}
    </ol>
  </Section>
);

const Summary = ({ model }: { model: TechnicalReport }) => {
  const showLevels = model.source.pillars.some((p) => p.level > 0 || p.levelLabel !== '');
  const { t, fmt } = useReportText();
  return (
    <Section title={t('tech.summary')} newPage id="summary">
      <ContextBlock context={model.source.context} />
      <p className="gw-lead">{model.summary.headline}</p>
      <ReadinessScaleView source={model.source} />
      <CappedNote source={model.source} />
      <SummaryFacts summary={model.summary} />
      {/* Smaller than the executive's: the summary, radar and pillar table fit one page. */}
      <PillarRadar model={model} size={160} />
      <table className="gw-table">
        <thead>
          <tr>
            <th>{t('tech.pillar')}</th>
            <th>{t('tech.score')}</th>
            <th>{t('tech.weight')}</th>
            {showLevels ? <th>{t('tech.level')}</th> : null}
            <th>{t('tech.confidence')}</th>
            <th>{t('tech.findingCount')}</th>
          </tr>
        </thead>
        <tbody>
          {model.pillarSections.map(({ pillar, findings }) => (
            <tr key={pillar.id}>
              <td>{pillar.name}</td>
              <td>{Math.round(pillar.score)}</td>
              <td>{fmt.number(pillar.weight)}</td>
              {showLevels ? <td>{pillar.levelLabel || (pillar.level > 0 ? pillar.level : '—')}</td> : null}
              <td>{fmt.percent(pillar.confidence)}</td>
              <td>{findings.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="gw-muted gw-small">{t('tech.method')}</p>
    </Section>
  );
};

const Findings = ({ model }: { model: TechnicalReport }) => {
  const pillarName = new Map(model.source.pillars.map((p) => [p.id, p.name]));
  const { t } = useReportText();
  return (
    <Section title={t('tech.findings')} newPage id="findings">
      {model.findings.length === 0 ? <EmptyNote>{t('tech.noFindings')}</EmptyNote> : null}
      {model.findings.map((f) => (
        <FindingCard key={f.id} finding={f} pillarName={pillarName.get(f.pillarId)} priority={f.priority} scope={f.scope} />
      ))}
    </Section>
  );
};

const Measurements = ({ model }: { model: TechnicalReport }) => {
  const withSamples = model.measurements.filter((m) => m.samples.length > 1);
  const tr = useReportText();
  const { t, fmt } = tr;
  return (
    <Section title={t('tech.measurements')} newPage id="measurements">
      {model.measurements.length === 0 ? (
        <EmptyNote>{t('tech.noMeasurements')}</EmptyNote>
      ) : (
        <table className="gw-table">
          <thead>
            <tr>
              <th>{t('tech.measurement')}</th>
              <th>{t('tech.value')}</th>
              <th>{t('tech.verdict')}</th>
              <th>{t('tech.against')}</th>
            </tr>
          </thead>
          <tbody>
            {model.measurements
              .filter((m) => m.samples.length === 0)
              .map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.name}
                    {m.scope ? <span className="gw-muted"> · {m.scope}</span> : null}
                  </td>
                  <td>{m.display || fmt.number(m.value, m.unit)}</td>
                  <td className={`gw-status gw-status-${m.status}`}>{verdictText(tr, m)}</td>
                  <td>{m.farEnd || '—'}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {model.source.unmeasured.length > 0 ? (
        <>
          <h3>{t('tech.unmeasured')}</h3>
          <ul>
            {model.source.unmeasured.map((u, i) => (
              <li key={i}>{t('tech.unmeasuredItem', { name: u.name, scope: u.scope, reason: u.reason })}</li>
            ))}
          </ul>
        </>
      ) : null}
      {withSamples.map((m) => (
        <figure key={m.id} className="gw-figure">
          <TimeSeriesChart samples={m.samples} color={model.branding.accentColor} unit={m.unit} label={m.name} />
          <figcaption>{t('tech.chartCaption', { probe: m.probe, name: m.name })}</figcaption>
        </figure>
      ))}
    </Section>
  );
};

const Answers = ({ model }: { model: TechnicalReport }) => {
  const { t } = useReportText();
  return (
  <Section title={t('tech.answers')} newPage id="answers">
    {model.pillarSections.length === 0 ? <EmptyNote>{t('tech.noAnswers')}</EmptyNote> : null}
    {model.pillarSections.map(({ pillar }) => (
      <div key={pillar.id} className="gw-answers">
        <h3>
          {pillar.name} <span className="gw-muted">· {t('tech.pillarScore', { score: Math.round(pillar.score) })}</span>
        </h3>
        {pillar.answers.length === 0 ? (
          <EmptyNote>{t('tech.noAnswersPillar')}</EmptyNote>
        ) : (
          <table className="gw-table">
            <tbody>
              {pillar.answers.map((a, i) => (
                <AnswerRow key={i} answer={a} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    ))}
  </Section>
  );
};

const CaseEvidence = ({ model }: { model: TechnicalReport }) => {
  const { t } = useReportText();
  return model.source.caseAttachments.length === 0 ? null : (
    <Section title={t('tech.otherEvidence')} id="case-evidence">
      <div className="gw-keep">
        <p>{t('tech.caseFiles')}</p>
        <AttachmentList attachments={model.source.caseAttachments} />
      </div>
    </Section>
  );
};

export const TechnicalBody = ({ model }: { model: TechnicalReport }) => {
  const tr = useReportText();
  return (
  <>
    <Contents entries={technicalSections(model, tr)} title={tr.t('tech.contents')} />
    <Summary model={model} />
    {model.source.comparison ? (
      <div id="since-last">
        <ComparisonSection comparison={model.source.comparison} />
      </div>
    ) : null}
    <Findings model={model} />
    <Measurements model={model} />
    <Answers model={model} />
    <CaseEvidence model={model} />
    <div id="about">
      <AboutAssessment model={model} />
    </div>
    <MeasurementAppendix model={model} />
    <FrameworkAppendix coverage={model.source.frameworkCoverage} />
  </>
  );
};

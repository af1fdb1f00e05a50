/** @jsxRuntime automatic @jsxImportSource react */
import { formatNumber, formatPercent } from '../format';
import type { TechnicalReport } from '../report-model';
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

export const technicalSections = (model: TechnicalReport): TocEntry[] => [
  { id: 'summary', title: 'Summary' },
  ...(model.source.comparison ? [{ id: 'since-last', title: 'Since the last assessment' }] : []),
  { id: 'findings', title: 'Findings' },
  { id: 'measurements', title: 'Measurements' },
  { id: 'answers', title: 'Answers behind each pillar' },
  ...(model.source.caseAttachments.length > 0 ? [{ id: 'case-evidence', title: 'Other evidence' }] : []),
  // Before the appendices: the last page of the report is never "About this assessment" alone.
  { id: 'about', title: 'About this assessment' },
  ...(model.measurements.length > 0 ? [{ id: 'raw', title: 'Appendix: measurements' }] : []),
  { id: 'framework-coverage', title: 'Appendix: coverage by framework' },
];

const Contents = ({ entries }: { entries: readonly TocEntry[] }) => (
  <Section title="Contents" newPage>
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
  return (
    <Section title="Summary" newPage id="summary">
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
            <th>Pillar</th>
            <th>Score</th>
            <th>Weight</th>
            {showLevels ? <th>Level</th> : null}
            <th>Confidence</th>
            <th>Findings</th>
          </tr>
        </thead>
        <tbody>
          {model.pillarSections.map(({ pillar, findings }) => (
            <tr key={pillar.id}>
              <td>{pillar.name}</td>
              <td>{Math.round(pillar.score)}</td>
              <td>{pillar.weight}</td>
              {showLevels ? <td>{pillar.levelLabel || (pillar.level > 0 ? pillar.level : '—')}</td> : null}
              <td>{formatPercent(pillar.confidence)}</td>
              <td>{findings.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="gw-muted gw-small">
        The index is the weighted mean of the pillar scores. Each finding's priority is its severity points (critical 10, high 6, medium 3, low 1) times its
        pillar's weight; findings are listed by priority.
      </p>
    </Section>
  );
};

const Findings = ({ model }: { model: TechnicalReport }) => {
  const pillarName = new Map(model.source.pillars.map((p) => [p.id, p.name]));
  return (
    <Section title="Findings" newPage id="findings">
      {model.findings.length === 0 ? <EmptyNote>No findings recorded.</EmptyNote> : null}
      {model.findings.map((f) => (
        <FindingCard key={f.id} finding={f} pillarName={pillarName.get(f.pillarId)} priority={f.priority} scope={f.scope} />
      ))}
    </Section>
  );
};

const Measurements = ({ model }: { model: TechnicalReport }) => {
  const withSamples = model.measurements.filter((m) => m.samples.length > 1);
  return (
    <Section title="Measurements" newPage id="measurements">
      {model.measurements.length === 0 ? (
        <EmptyNote>No probe measurements recorded.</EmptyNote>
      ) : (
        <table className="gw-table">
          <thead>
            <tr>
              <th>Measurement</th>
              <th>Value</th>
              <th>Verdict and threshold</th>
              <th>Measured against</th>
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
                  <td>{m.display || formatNumber(m.value, m.unit)}</td>
                  <td className={`gw-status gw-status-${m.status}`}>{verdictText(m)}</td>
                  <td>{m.farEnd || '—'}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {model.source.unmeasured.length > 0 ? (
        <>
          <h3>Could not be measured here</h3>
          <ul>
            {model.source.unmeasured.map((u, i) => (
              <li key={i}>
                {u.name} <span className="gw-muted">({u.scope})</span>: {u.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {withSamples.map((m) => (
        <figure key={m.id} className="gw-figure">
          <TimeSeriesChart samples={m.samples} color={model.branding.accentColor} unit={m.unit} label={m.name} />
          <figcaption>
            {m.probe}: {m.name}
          </figcaption>
        </figure>
      ))}
    </Section>
  );
};

const Answers = ({ model }: { model: TechnicalReport }) => (
  <Section title="Answers behind each pillar" newPage id="answers">
    {model.pillarSections.length === 0 ? <EmptyNote>No interview answers recorded.</EmptyNote> : null}
    {model.pillarSections.map(({ pillar }) => (
      <div key={pillar.id} className="gw-answers">
        <h3>
          {pillar.name} <span className="gw-muted">· {Math.round(pillar.score)} / 100</span>
        </h3>
        {pillar.answers.length === 0 ? (
          <EmptyNote>No answers.</EmptyNote>
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

const CaseEvidence = ({ model }: { model: TechnicalReport }) =>
  model.source.caseAttachments.length === 0 ? null : (
    <Section title="Other evidence" id="case-evidence">
      <div className="gw-keep">
        <p>Files attached to the assessment as a whole.</p>
        <AttachmentList attachments={model.source.caseAttachments} />
      </div>
    </Section>
  );

export const TechnicalBody = ({ model }: { model: TechnicalReport }) => (
  <>
    <Contents entries={technicalSections(model)} />
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

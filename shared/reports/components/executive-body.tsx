/** @jsxRuntime automatic @jsxImportSource react */
import { formatDate, formatPercent } from '../format';
import type { ExecutiveReport } from '../report-model';
import { ContextBlock } from './captured-evidence';
import { ComparisonSection } from './comparison-section';
import { InvestmentSummary } from './investment-summary';
import { CappedNote, ReadinessScaleView } from './readiness-scale-view';
import { EmptyNote, Section, SeverityBadge, SummaryFacts } from './report-parts';
import { RoadmapView } from './roadmap-view';
import { shortRoadmapRows } from '../roadmap';

/** The first sentence of a text: enough for a CEO, the technical report has the rest. */
export const firstSentence = (text: string): string => /^.*?[.!?](?=\s|$)/s.exec(text.trim())?.[0] ?? text.trim();

/** A few sentences a CEO can read aloud: where the organisation stands, what is strongest and weakest, what to do first. */
export const executiveNarrative = (model: ExecutiveReport): string[] => {
  const { source, summary } = model;
  const o = source.overall;
  const meaning = source.scale.find((l) => l.label === o?.levelLabel)?.meaning ?? '';
  const urgent = summary.severityCounts.critical + summary.severityCounts.high;
  const top = model.topRisks[0];
  return [
    o
      ? `${model.cover.customerShortName} is at ${o.levelLabel} on the readiness scale, with an index of ${Math.round(o.score)} out of 100 (confidence ${formatPercent(o.confidence)}). ${meaning}`
      : 'The assessment has no answers or measurements yet, so no readiness level is given.',
    ...(summary.strongest && summary.weakest
      ? [`The strongest area is ${summary.strongest.name} (${Math.round(summary.strongest.score)}); the weakest is ${summary.weakest.name} (${Math.round(summary.weakest.score)}).`]
      : []),
    source.findings.length === 0
      ? 'No findings were raised.'
      : `${source.findings.length} finding${source.findings.length === 1 ? '' : 's'} need attention, ${urgent} of them critical or high${top ? `; the most pressing: ${top.title}.` : '.'}`,
  ];
};

const TopRisks = ({ model }: { model: ExecutiveReport }) =>
  model.topRisks.length === 0 ? (
    <EmptyNote>No risks recorded.</EmptyNote>
  ) : (
    <ol className="gw-risks">
      {model.topRisks.map((f) => (
        <li key={f.id}>
          <SeverityBadge severity={f.severity} /> <strong>{f.title}</strong>
          {f.detail ? <span className="gw-risk-why"> {firstSentence(f.detail)}</span> : null}
        </li>
      ))}
    </ol>
  );

const PillarSummaryTable = ({ model }: { model: ExecutiveReport }) =>
  model.pillarSummaries.length === 0 ? (
    <EmptyNote>No pillar has been scored yet.</EmptyNote>
  ) : (
    <table className="gw-table gw-pillar-summary">
      <thead>
        <tr>
          <th>Area</th>
          <th>Score</th>
          <th>Most pressing</th>
        </tr>
      </thead>
      <tbody>
        {model.pillarSummaries.map(({ pillar, worst, findingCount }) => (
          <tr key={pillar.id}>
            <td>{pillar.name}</td>
            <td className="gw-nowrap">
              <span className="gw-bar">
                <span style={{ width: `${Math.round(pillar.score)}%` }} />
              </span>{' '}
              {Math.round(pillar.score)}
            </td>
            <td>
              {worst ? (
                <>
                  {worst.title}
                  {findingCount > 1 ? <span className="gw-muted"> (+{findingCount - 1} more)</span> : null}
                </>
              ) : (
                <span className="gw-muted">Nothing open</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

/** Who, where, when and how sure: the frame around the numbers, with the disclaimer, so it never stands alone on a page. */
type AboutInputs = { cover: ExecutiveReport['cover']; source: ExecutiveReport['source'] };

/** Where, when, by whom and from what the assessment was made (shared with the DOCX). */
export const aboutText = ({ cover, source }: AboutInputs): string => {
  const n = source.measurements.length;
  const measured = n === 0 ? '; no network or system measurements were taken' : ` and ${n} network and system measurement${n === 1 ? '' : 's'}`;
  return (
    `Assessed ${cover.siteName ? `at ${cover.siteName} ` : ''}on ${formatDate(source.date)}${cover.engineer ? ` by ${cover.engineer}` : ''} for ${cover.partnerName}: ` +
    `an interview across ${source.pillars.length} areas${measured}.` +
    (source.overall ? ` Confidence ${formatPercent(source.overall.confidence)} is the share of the scored questions that have a known answer.` : '')
  );
};

export const AboutAssessment = ({ model }: { model: { cover: ExecutiveReport['cover']; source: ExecutiveReport['source']; branding: ExecutiveReport['branding'] } }) => {
  const { source, branding } = model;
  return (
    <Section title="About this assessment" className="gw-keep">
      <p>{aboutText(model)}</p>
      {source.exceptions.length > 0 ? (
        <>
          <p className="gw-label">Exceptions and areas not assessed</p>
          <ul>
            {source.exceptions.map((e, i) => (
              <li key={i}>
                {e.title}
                {e.reason ? <span className="gw-muted"> — {e.reason}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {branding.disclaimer ? <p className="gw-disclaimer">{branding.disclaimer}</p> : null}
    </Section>
  );
};

export const ExecutiveBody = ({ model }: { model: ExecutiveReport }) => (
  <>
    <Section title="At a glance" newPage>
      <ContextBlock context={model.source.context} />
      {executiveNarrative(model).map((s, i) => (
        <p key={i} className={i === 0 ? 'gw-lead' : undefined}>
          {s}
        </p>
      ))}
      <ReadinessScaleView source={model.source} />
      <CappedNote source={model.source} />
      <SummaryFacts summary={model.summary} />
    </Section>
    <Section title="Top risks">
      <TopRisks model={model} />
    </Section>
    <Section title="Readiness by area">
      <PillarSummaryTable model={model} />
    </Section>
    <Section title="Investment summary">
      <InvestmentSummary proposal={model.proposal} />
    </Section>
    <ComparisonSection comparison={model.source.comparison} compact />
    <Section title="Roadmap">
      <RoadmapView roadmap={model.roadmap} date={model.source.date} limit={shortRoadmapRows} />
    </Section>
    <AboutAssessment model={model} />
  </>
);

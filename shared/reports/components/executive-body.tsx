/** @jsxRuntime automatic @jsxImportSource react */
import type { ExecutiveReport } from '../report-model';
import { has, type Translator } from '../../i18n/translator';
import { useReportText } from './report-text';
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
export const executiveNarrative = (model: ExecutiveReport, tr: Translator): string[] => {
  const { t, fmt } = tr;
  const { source, summary } = model;
  const o = source.overall;
  const meaning = source.scale.find((l) => l.label === o?.levelLabel)?.meaning ?? '';
  const urgent = summary.severityCounts.critical + summary.severityCounts.high;
  const top = model.topRisks[0];
  return [
    ...(o
      ? [t('exec.narrative.level', { customer: model.cover.customerShortName, level: o.levelLabel, score: Math.round(o.score), confidence: fmt.percent(o.confidence) }), ...(meaning ? [meaning] : [])]
      : [t('exec.narrative.noLevel')]),
    ...(summary.strongest && summary.weakest
      ? [
          t('exec.narrative.strongest', {
            strongest: summary.strongest.name,
            strongestScore: Math.round(summary.strongest.score),
            weakest: summary.weakest.name,
            weakestScore: Math.round(summary.weakest.score),
          }),
        ]
      : []),
    source.findings.length === 0
      ? t('exec.narrative.noFindings')
      : t('exec.narrative.findings', { count: source.findings.length, urgent, top: top?.title ?? '', hasTop: has(top?.title) }),
  ];
};

const TopRisks = ({ model }: { model: ExecutiveReport }) => {
  const { t } = useReportText();
  return model.topRisks.length === 0 ? (
    <EmptyNote>{t('exec.noRisks')}</EmptyNote>
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
};

const PillarSummaryTable = ({ model }: { model: ExecutiveReport }) => {
  const { t } = useReportText();
  return model.pillarSummaries.length === 0 ? (
    <EmptyNote>{t('exec.noPillar')}</EmptyNote>
  ) : (
    <table className="gw-table gw-pillar-summary">
      <thead>
        <tr>
          <th>{t('exec.area')}</th>
          <th>{t('exec.score')}</th>
          <th>{t('exec.mostPressing')}</th>
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
                  {findingCount > 1 ? <span className="gw-muted"> {t('finding.andMore', { count: findingCount - 1 })}</span> : null}
                </>
              ) : (
                <span className="gw-muted">{t('exec.nothingOpen')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** Who, where, when and how sure: the frame around the numbers, with the disclaimer, so it never stands alone on a page. */
type AboutInputs = { cover: ExecutiveReport['cover']; source: ExecutiveReport['source'] };

/** Where, when, by whom and from what the assessment was made (shared with the DOCX). */
export const aboutText = ({ t, fmt }: Translator, { cover, source }: AboutInputs): string => {
  const text = t('about.text', {
    site: cover.siteName,
    hasSite: has(cover.siteName),
    date: fmt.date(source.date),
    engineer: cover.engineer,
    hasEngineer: has(cover.engineer),
    partner: cover.partnerName,
    areas: source.pillars.length,
    measurements: source.measurements.length,
  });
  return source.overall ? `${text} ${t('about.confidence', { confidence: fmt.percent(source.overall.confidence) })}` : text;
};

export const AboutAssessment = ({ model }: { model: { cover: ExecutiveReport['cover']; source: ExecutiveReport['source']; branding: ExecutiveReport['branding'] } }) => {
  const { source, branding } = model;
  const tr = useReportText();
  const { t } = tr;
  return (
    <Section title={t('about.title')} className="gw-keep">
      <p>{aboutText(tr, model)}</p>
      {source.exceptions.length > 0 ? (
        <>
          <p className="gw-label">{t('about.exceptions')}</p>
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

export const ExecutiveBody = ({ model }: { model: ExecutiveReport }) => {
  const tr = useReportText();
  const { t } = tr;
  return (
  <>
    <Section title={t('exec.atAGlance')} newPage>
      <ContextBlock context={model.source.context} />
      {executiveNarrative(model, tr).map((s, i) => (
        <p key={i} className={i === 0 ? 'gw-lead' : undefined}>
          {s}
        </p>
      ))}
      <ReadinessScaleView source={model.source} />
      <CappedNote source={model.source} />
      <SummaryFacts summary={model.summary} />
    </Section>
    <Section title={t('exec.topRisks')}>
      <TopRisks model={model} />
    </Section>
    <Section title={t('exec.byArea')}>
      <PillarSummaryTable model={model} />
    </Section>
    <Section title={t('exec.investment')}>
      <InvestmentSummary proposal={model.proposal} />
    </Section>
    <ComparisonSection comparison={model.source.comparison} compact />
    <Section title={t('exec.roadmap')}>
      <RoadmapView roadmap={model.roadmap} date={model.source.date} limit={shortRoadmapRows} />
    </Section>
    <AboutAssessment model={model} />
  </>
  );
};

/** @jsxRuntime automatic @jsxImportSource react */
import type { ReassessmentReport } from '../report-model';
import { has, type Translator } from '../../i18n/translator';
import { useReportText } from './report-text';
import { ContextBlock } from './captured-evidence';
import { ComparisonSection } from './comparison-section';
import { AboutAssessment, firstSentence } from './executive-body';
import { CappedNote, ReadinessScaleView } from './readiness-scale-view';
import { EmptyNote, Section, SeverityBadge } from './report-parts';
import { RoadmapView } from './roadmap-view';
import { shortRoadmapRows } from '../roadmap';

export const signedText = ({ t }: Translator, n: number | null): string => {
  if (n === null) return t('reassess.notComparable');
  if (n === 0) return t('reassess.unchanged');
  const points = Math.round(Math.abs(n));
  return n > 0 ? t('reassess.deltaUp', { points }) : t('reassess.deltaDown', { points });
};

/** The re-assessment's opening sentence, shared with the Word document. */
export const reassessmentLead = (tr: Translator, model: ReassessmentReport): string => {
  const c = model.source.comparison;
  const o = model.source.overall;
  if (!c) return tr.t('reassess.first');
  return tr.t('reassess.lead', {
    date: tr.fmt.date(c.before.createdAt.slice(0, 10)),
    delta: signedText(tr, c.indexDelta),
    now: o ? Math.round(o.score) : '',
    hasNow: has(o?.score),
    level: o?.levelLabel ?? '',
    resolved: c.findings.resolved.length,
    added: c.findings.new.length,
    open: c.findings.stillOpen.length,
  });
};

/** What changed since the last assessment, in a page a customer reads: the progress first, then what is left. */
export const ReassessmentBody = ({ model }: { model: ReassessmentReport }) => {
  const tr = useReportText();
  const { t } = tr;
  const c = model.source.comparison;
  if (!c) {
    return (
      <Section title={t('compare.title')} newPage>
        <EmptyNote>{t('reassess.first')}</EmptyNote>
      </Section>
    );
  }
  return (
    <>
      <Section title={t('reassess.progress')} newPage>
        <ContextBlock context={model.source.context} />
        <p className="gw-lead">{reassessmentLead(tr, model)}</p>
        <ReadinessScaleView source={model.source} />
        <CappedNote source={model.source} />
      </Section>
      <ComparisonSection comparison={c} />
      <Section title={t('reassess.stillOpen')}>
        {model.stillOpen.length + model.newFindings.length === 0 ? (
          <EmptyNote>{t('reassess.nothingOpen')}</EmptyNote>
        ) : (
          <ol className="gw-risks">
            {[...model.newFindings, ...model.stillOpen].map((f) => (
              <li key={f.id}>
                <SeverityBadge severity={f.severity} /> <strong>{f.title}</strong>
                {model.newFindings.includes(f) ? <span className="gw-muted"> {t('finding.new')}</span> : null}
                {f.detail ? <span className="gw-risk-why"> {firstSentence(f.detail)}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Section title={t('reassess.nextSteps')}>
        <RoadmapView roadmap={model.roadmap} date={model.source.date} limit={shortRoadmapRows} />
      </Section>
      <AboutAssessment model={model} />
    </>
  );
};

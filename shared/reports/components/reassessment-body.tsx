/** @jsxRuntime automatic @jsxImportSource react */
import { formatDate, pointsText } from '../format';
import type { ReassessmentReport } from '../report-model';
import { ContextBlock } from './captured-evidence';
import { ComparisonSection } from './comparison-section';
import { AboutAssessment, firstSentence } from './executive-body';
import { CappedNote, ReadinessScaleView } from './readiness-scale-view';
import { EmptyNote, Section, SeverityBadge } from './report-parts';
import { RoadmapView } from './roadmap-view';
import { shortRoadmapRows } from '../roadmap';

const signedText = (n: number | null): string => (n === null ? 'not comparable' : n === 0 ? 'unchanged' : `${n > 0 ? 'up' : 'down'} ${pointsText(Math.abs(n))}`);

/** What changed since the last assessment, in a page a customer reads: the progress first, then what is left. */
export const ReassessmentBody = ({ model }: { model: ReassessmentReport }) => {
  const c = model.source.comparison;
  if (!c) {
    return (
      <Section title="Since the last assessment" newPage>
        <EmptyNote>This assessment is the first one for this customer: there is nothing earlier to compare it with.</EmptyNote>
      </Section>
    );
  }
  const o = model.source.overall;
  return (
    <>
      <Section title="Progress at a glance" newPage>
        <ContextBlock context={model.source.context} />
        <p className="gw-lead">
          Since the assessment of {formatDate(c.before.createdAt.slice(0, 10))}, the readiness index is {signedText(c.indexDelta)}
          {o ? ` (now ${Math.round(o.score)} / 100, ${o.levelLabel})` : ''}. {c.findings.resolved.length} finding{c.findings.resolved.length === 1 ? ' was' : 's were'} resolved,{' '}
          {c.findings.new.length} new {c.findings.new.length === 1 ? 'one was' : 'ones were'} found and {c.findings.stillOpen.length} remain open.
        </p>
        <ReadinessScaleView source={model.source} />
        <CappedNote source={model.source} />
      </Section>
      <ComparisonSection comparison={c} />
      <Section title="What is still open">
        {model.stillOpen.length + model.newFindings.length === 0 ? (
          <EmptyNote>Nothing is open.</EmptyNote>
        ) : (
          <ol className="gw-risks">
            {[...model.newFindings, ...model.stillOpen].map((f) => (
              <li key={f.id}>
                <SeverityBadge severity={f.severity} /> <strong>{f.title}</strong>
                {model.newFindings.includes(f) ? <span className="gw-muted"> (new)</span> : null}
                {f.detail ? <span className="gw-risk-why"> {firstSentence(f.detail)}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Section title="Next steps">
        <RoadmapView roadmap={model.roadmap} date={model.source.date} limit={shortRoadmapRows} />
      </Section>
      <AboutAssessment model={model} />
    </>
  );
};

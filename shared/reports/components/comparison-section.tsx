/** @jsxRuntime automatic @jsxImportSource react */
import type { Comparison } from '../../history/compare';
import { formatDate } from '../format';
import { Section, SeverityBadge } from './report-parts';

const signed = (n: number | null): string => (n === null ? '—' : `${n > 0 ? '+' : ''}${Math.round(n)}`);

const FindingList = ({ title, items }: { title: string; items: Comparison['findings']['resolved'] }) => (
  <div>
    <h3>
      {title} ({items.length})
    </h3>
    {items.length === 0 ? (
      <p className="gw-muted">None.</p>
    ) : (
      <ul>
        {items.map((f) => (
          <li key={f.id}>
            <SeverityBadge severity={f.severity} /> {f.title}
          </li>
        ))}
      </ul>
    )}
  </div>
);

/** What changed since the assessment this one re-assesses: the index, each pillar, the findings. */
export const ComparisonSection = ({ comparison, compact = false }: { comparison: Comparison | null; compact?: boolean }) => {
  if (!comparison) return null;
  const { before, indexDelta, pillars, findings } = comparison;
  if (compact) {
    return (
      <Section title="Since the last assessment">
        <p>
          Compared with the assessment of {formatDate(before.createdAt.slice(0, 10))}
          {before.readinessIndex !== null ? ` (readiness ${Math.round(before.readinessIndex)} / 100)` : ''}: readiness index {signed(indexDelta)},{' '}
          {findings.resolved.length} finding{findings.resolved.length === 1 ? '' : 's'} resolved, {findings.new.length} new, {findings.stillOpen.length} still open. The
          re-assessment report lists them.
        </p>
      </Section>
    );
  }
  return (
    <Section title="Since the last assessment">
      <p className="gw-lead">
        Compared with the assessment of {formatDate(before.createdAt.slice(0, 10))}
        {before.readinessIndex !== null ? ` (readiness ${Math.round(before.readinessIndex)} / 100)` : ''}: readiness index {signed(indexDelta)},{' '}
        {findings.resolved.length} finding{findings.resolved.length === 1 ? '' : 's'} resolved, {findings.new.length} new,{' '}
        {findings.stillOpen.length} still open.
      </p>
      <table className="gw-table">
        <thead>
          <tr>
            <th>Pillar</th>
            <th>Before</th>
            <th>Now</th>
            <th>Change</th>
          </tr>
        </thead>
        <tbody>
          {pillars.map((p) => (
            <tr key={p.pillarId}>
              <td>{p.title}</td>
              <td>{p.before === null ? '—' : Math.round(p.before)}</td>
              <td>{p.after === null ? '—' : Math.round(p.after)}</td>
              <td>{signed(p.delta)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="gw-change-lists">
        <FindingList title="Resolved" items={findings.resolved} />
        <FindingList title="New" items={findings.new} />
        <FindingList title="Still open" items={findings.stillOpen} />
      </div>
    </Section>
  );
};

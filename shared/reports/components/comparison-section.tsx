/** @jsxRuntime automatic @jsxImportSource react */
import type { Comparison } from '../../history/compare';
import type { Translator } from '../../i18n/translator';
import { has } from '../../i18n/translator';
import { Section, SeverityBadge } from './report-parts';
import { useReportText } from './report-text';

/** "+4", "-2", "0", "—" in whole points (the comparison is in whole points, so the changes add up). */
export const signedDelta = ({ intl }: Translator, n: number | null): string => (n === null ? '—' : intl.formatNumber(Math.round(n), { signDisplay: 'exceptZero' }));

/** The one-sentence comparison both the executive and the technical report open with. */
export const comparisonLead = (tr: Translator, comparison: Comparison): string => {
  const { before, indexDelta, findings } = comparison;
  return tr.t('compare.lead', {
    date: tr.fmt.date(before.createdAt.slice(0, 10)),
    before: before.readinessIndex === null ? '' : Math.round(before.readinessIndex),
    hasBefore: has(before.readinessIndex),
    delta: signedDelta(tr, indexDelta),
    resolved: findings.resolved.length,
    added: findings.new.length,
    open: findings.stillOpen.length,
  });
};

const FindingList = ({ title, items }: { title: string; items: Comparison['findings']['resolved'] }) => {
  const { t } = useReportText();
  return (
    <div>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="gw-muted">{t('compare.none')}</p>
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
};

/** What changed since the assessment this one re-assesses: the index, each pillar, the findings. */
export const ComparisonSection = ({ comparison, compact = false }: { comparison: Comparison | null; compact?: boolean }) => {
  const tr = useReportText();
  const { t } = tr;
  if (!comparison) return null;
  const { pillars, findings } = comparison;
  if (compact) {
    return (
      <Section title={t('compare.title')}>
        <p>
          {comparisonLead(tr, comparison)} {t('compare.seeReport')}
        </p>
      </Section>
    );
  }
  return (
    <Section title={t('compare.title')}>
      <p className="gw-lead">{comparisonLead(tr, comparison)}</p>
      <table className="gw-table">
        <thead>
          <tr>
            <th>{t('tech.pillar')}</th>
            <th>{t('compare.before')}</th>
            <th>{t('compare.now')}</th>
            <th>{t('compare.change')}</th>
          </tr>
        </thead>
        <tbody>
          {pillars.map((p) => (
            <tr key={p.pillarId}>
              <td>{p.title}</td>
              <td>{p.before === null ? '—' : Math.round(p.before)}</td>
              <td>{p.after === null ? '—' : Math.round(p.after)}</td>
              <td>{signedDelta(tr, p.delta)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="gw-change-lists">
        <FindingList title={t('compare.resolved', { count: findings.resolved.length })} items={findings.resolved} />
        <FindingList title={t('compare.new', { count: findings.new.length })} items={findings.new} />
        <FindingList title={t('compare.stillOpen', { count: findings.stillOpen.length })} items={findings.stillOpen} />
      </div>
    </Section>
  );
};

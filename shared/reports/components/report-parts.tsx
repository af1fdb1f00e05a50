/** @jsxRuntime automatic @jsxImportSource react */
import type { ReactNode } from 'react';
import type { BrandingProfile } from '../branding';
import type { Cover, ExecutiveSummary, FindingPriority } from '../report-model';
import type { Effort, FindingSource, Severity } from '../report-source';
import type { MessageId } from '../../i18n/messages-en';
import { has, type Translator } from '../../i18n/translator';
import { AttachmentList, NoteList } from './captured-evidence';
import { useReportText } from './report-text';

export const severityMessages: Record<Severity, MessageId> = {
  critical: 'severity.critical',
  high: 'severity.high',
  medium: 'severity.medium',
  low: 'severity.low',
  info: 'severity.info',
};
export const effortMessages: Record<Effort, MessageId> = { low: 'effort.low', medium: 'effort.medium', high: 'effort.high' };

/** The cover's name size steps down with its length, so any name fits the one cover page. */
export const coverNameClass = (name: string): string => {
  const n = [...name].length;
  return n <= 60 ? 'gw-cover-customer' : n <= 200 ? 'gw-cover-customer gw-name-long' : n <= 1000 ? 'gw-cover-customer gw-name-longer' : 'gw-cover-customer gw-name-longest';
};

/** Only our own checked logo formats may reach an <img>: anything else is not shown. */
export const safeLogoUri = (uri: string): string | null =>
  /^data:image\/(?:png|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/.test(uri) ? uri : null;

export const Logo = ({ branding, className }: { branding: BrandingProfile; className?: string }) => {
  const { t } = useReportText();
  const src = safeLogoUri(branding.logoDataUri);
  return src ? <img className={className ?? 'gw-logo'} src={src} alt={t('cover.logoAlt', { name: branding.partnerName })} /> : null;
};

export const CoverPage = ({ cover, branding }: { cover: Cover; branding: BrandingProfile }) => {
  const { t, fmt } = useReportText();
  return (
  <section className="gw-cover">
    <div className="gw-cover-band">
      <Logo branding={branding} className="gw-cover-logo" />
      <p className="gw-cover-partner">{cover.partnerName}</p>
    </div>
    <div className="gw-cover-body">
      <p className="gw-cover-kicker">{cover.subtitle}</p>
      <h1 className="gw-cover-title">{cover.title}</h1>
      <div className="gw-cover-customer-row">
        {safeLogoUri(cover.customerLogoDataUri) ? (
          <img className="gw-customer-logo" src={safeLogoUri(cover.customerLogoDataUri) ?? undefined} alt={t('cover.logoAlt', { name: cover.customerName })} />
        ) : null}
        <p className={coverNameClass(cover.customerName)}>{cover.customerName}</p>
      </div>
      {cover.siteName ? (
        <p className="gw-cover-site">{t('cover.site', { site: cover.siteName, address: cover.siteAddress, hasAddress: has(cover.siteAddress) })}</p>
      ) : null}
      <dl className="gw-cover-meta">
        <dt>{t('cover.preparedBy')}</dt>
        <dd>{t('cover.preparedByValue', { engineer: cover.engineer, hasEngineer: has(cover.engineer), partner: cover.partnerName })}</dd>
        <dt>{t('cover.date')}</dt>
        <dd>{fmt.date(cover.date)}</dd>
      </dl>
    </div>
    {branding.contact ? <p className="gw-cover-contact">{branding.contact}</p> : null}
  </section>
  );
};

export const SeverityBadge = ({ severity }: { severity: Severity }) => {
  const { t } = useReportText();
  return <span className={`gw-sev gw-sev-${severity}`}>{t(severityMessages[severity])}</span>;
};

export const Section = ({ title, children, newPage = false, id, className }: { title: string; children: ReactNode; newPage?: boolean; id?: string; className?: string }) => (
  <section className={['gw-section', newPage ? 'gw-new-page' : '', className ?? ''].filter(Boolean).join(' ')} id={id}>
    <h2>{title}</h2>
    {children}
  </section>
);

export const SummaryFacts = ({ summary }: { summary: ExecutiveSummary }) => {
  const { t, fmt } = useReportText();
  return (
  <div className="gw-facts">
    <div className="gw-fact">
      <span className="gw-fact-value">{summary.overall ? Math.round(summary.overall.score) : '—'}</span>
      <span className="gw-fact-label">{t('facts.score')}</span>
    </div>
    <div className="gw-fact">
      <span className="gw-fact-value">{summary.overall ? summary.overall.levelLabel || t('facts.levelNumber', { level: summary.overall.level }) : '—'}</span>
      <span className="gw-fact-label">{t('facts.level')}</span>
    </div>
    <div className="gw-fact">
      <span className="gw-fact-value">{summary.overall ? fmt.percent(summary.overall.confidence) : '—'}</span>
      <span className="gw-fact-label">{t('facts.confidence')}</span>
    </div>
    <div className="gw-fact">
      <span className="gw-fact-value">{summary.severityCounts.critical + summary.severityCounts.high}</span>
      <span className="gw-fact-label">{t('facts.urgent')}</span>
    </div>
  </div>
  );
};

export const priorityText = (tr: Translator, p: FindingPriority, severity: Severity, pillarName: string | undefined): string =>
  tr.t('finding.priority', {
    score: tr.fmt.number(p.score),
    severity: tr.t(severityMessages[severity]),
    points: p.severityPoints,
    pillar: pillarName ?? tr.t('finding.pillarFallback'),
    weight: tr.fmt.number(p.pillarWeight),
  });

export const findingEffortText = (tr: Translator, f: FindingSource): string =>
  f.effortDays > 0 ? tr.t('effort.aboutDays', { days: f.effortDays }) : tr.t(effortMessages[f.effort]);

/** "Security · about 3 days of work · caps readiness at Follower", each part in the report's language. */
const findingMeta = (tr: Translator, finding: FindingSource, pillarName: string | undefined): string =>
  [pillarName ?? '', findingEffortText(tr, finding), finding.gateLabel ? tr.t('finding.caps', { level: finding.gateLabel }) : ''].filter(Boolean).join(' · ');

export const FindingCard = ({ finding, pillarName, priority, scope }: { finding: FindingSource; pillarName?: string; priority?: FindingPriority; scope?: string }) => {
  const tr = useReportText();
  const { t } = tr;
  return (
  <article className="gw-finding">
    <header>
      <SeverityBadge severity={finding.severity} />
      <h3>{finding.title}</h3>
    </header>
    <p className="gw-finding-meta">{findingMeta(tr, finding, pillarName)}</p>
    {priority || scope ? (
      <p className="gw-finding-meta">
        {[priority ? priorityText(tr, priority, finding.severity, pillarName) : '', scope ? t('finding.affects', { scope }) : ''].filter(Boolean).join(' · ')}
      </p>
    ) : null}
    {finding.detail ? <p>{finding.detail}</p> : null}
    {finding.evidence.length > 0 ? (
      <>
        <p className="gw-label">{t('finding.evidence')}</p>
        <ul className="gw-evidence">
          {finding.evidence.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      </>
    ) : null}
    <NoteList notes={finding.notes} />
    <AttachmentList attachments={finding.attachments} />
    {finding.expectedEvidence && finding.attachments.length === 0 ? (
      <p className="gw-muted gw-small">{t('finding.keepOnFile', { evidence: finding.expectedEvidence })}</p>
    ) : null}
    {finding.recommendation ? (
      <p>
        <span className="gw-label">{t('finding.recommendation')} </span>
        {finding.recommendation}
      </p>
    ) : null}
  </article>
  );
};

export const EmptyNote = ({ children }: { children: ReactNode }) => <p className="gw-empty">{children}</p>;

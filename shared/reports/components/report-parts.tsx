/** @jsxRuntime automatic @jsxImportSource react */
import type { ReactNode } from 'react';
import type { BrandingProfile } from '../branding';
import { formatDate, formatPercent } from '../format';
import type { Cover, ExecutiveSummary, FindingPriority } from '../report-model';
import { effortLabels, severityLabels, type FindingSource, type Severity } from '../report-source';
import { AttachmentList, NoteList } from './captured-evidence';

/** The cover's name size steps down with its length, so any name fits the one cover page. */
export const coverNameClass = (name: string): string => {
  const n = [...name].length;
  return n <= 60 ? 'gw-cover-customer' : n <= 200 ? 'gw-cover-customer gw-name-long' : n <= 1000 ? 'gw-cover-customer gw-name-longer' : 'gw-cover-customer gw-name-longest';
};

/** Only our own checked logo formats may reach an <img>: anything else is not shown. */
export const safeLogoUri = (uri: string): string | null =>
  /^data:image\/(?:png|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/.test(uri) ? uri : null;

export const Logo = ({ branding, className }: { branding: BrandingProfile; className?: string }) => {
  const src = safeLogoUri(branding.logoDataUri);
  return src ? <img className={className ?? 'gw-logo'} src={src} alt={`${branding.partnerName} logo`} /> : null;
};

export const CoverPage = ({ cover, branding }: { cover: Cover; branding: BrandingProfile }) => (
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
          <img className="gw-customer-logo" src={safeLogoUri(cover.customerLogoDataUri) ?? undefined} alt={`${cover.customerName} logo`} />
        ) : null}
        <p className={coverNameClass(cover.customerName)}>{cover.customerName}</p>
      </div>
      {cover.siteName ? (
        <p className="gw-cover-site">
          {cover.siteName}
          {cover.siteAddress ? ` · ${cover.siteAddress}` : ''}
        </p>
      ) : null}
      <dl className="gw-cover-meta">
        <dt>Prepared by</dt>
        <dd>
          {cover.engineer ? `${cover.engineer}, ` : ''}
          {cover.partnerName}
        </dd>
        <dt>Date</dt>
        <dd>{formatDate(cover.date)}</dd>
      </dl>
    </div>
    {branding.contact ? <p className="gw-cover-contact">{branding.contact}</p> : null}
  </section>
);

export const SeverityBadge = ({ severity }: { severity: Severity }) => <span className={`gw-sev gw-sev-${severity}`}>{severityLabels[severity]}</span>;

export const Section = ({ title, children, newPage = false, id, className }: { title: string; children: ReactNode; newPage?: boolean; id?: string; className?: string }) => (
  <section className={['gw-section', newPage ? 'gw-new-page' : '', className ?? ''].filter(Boolean).join(' ')} id={id}>
    <h2>{title}</h2>
    {children}
  </section>
);

export const SummaryFacts = ({ summary }: { summary: ExecutiveSummary }) => (
  <div className="gw-facts">
    <div className="gw-fact">
      <span className="gw-fact-value">{summary.overall ? Math.round(summary.overall.score) : '—'}</span>
      <span className="gw-fact-label">Readiness score / 100</span>
    </div>
    <div className="gw-fact">
      <span className="gw-fact-value">{summary.overall ? summary.overall.levelLabel || `Level ${summary.overall.level}` : '—'}</span>
      <span className="gw-fact-label">Maturity level</span>
    </div>
    <div className="gw-fact">
      <span className="gw-fact-value">{summary.overall ? formatPercent(summary.overall.confidence) : '—'}</span>
      <span className="gw-fact-label">Confidence</span>
    </div>
    <div className="gw-fact">
      <span className="gw-fact-value">{summary.severityCounts.critical + summary.severityCounts.high}</span>
      <span className="gw-fact-label">Critical and high findings</span>
    </div>
  </div>
);

export const priorityText = (p: FindingPriority, severity: Severity, pillarName: string | undefined): string =>
  `Priority ${p.score} = ${severityLabels[severity]} (${p.severityPoints}) × ${pillarName ?? 'pillar'} weight ${p.pillarWeight}`;

export const findingEffortText = (f: FindingSource): string => (f.effortDays > 0 ? `about ${f.effortDays} day${f.effortDays === 1 ? '' : 's'} of work` : effortLabels[f.effort]);

export const FindingCard = ({ finding, pillarName, priority, scope }: { finding: FindingSource; pillarName?: string; priority?: FindingPriority; scope?: string }) => (
  <article className="gw-finding">
    <header>
      <SeverityBadge severity={finding.severity} />
      <h3>{finding.title}</h3>
    </header>
    <p className="gw-finding-meta">
      {pillarName ? `${pillarName} · ` : ''}
      {findingEffortText(finding)}
      {finding.gateLabel ? ` · caps readiness at ${finding.gateLabel}` : ''}
    </p>
    {priority || scope ? (
      <p className="gw-finding-meta">
        {priority ? priorityText(priority, finding.severity, pillarName) : ''}
        {priority && scope ? ' · ' : ''}
        {scope ? `Affects: ${scope}` : ''}
      </p>
    ) : null}
    {finding.detail ? <p>{finding.detail}</p> : null}
    {finding.evidence.length > 0 ? (
      <>
        <p className="gw-label">Evidence collected</p>
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
      <p className="gw-muted gw-small">Evidence to keep on file: {finding.expectedEvidence}</p>
    ) : null}
    {finding.recommendation ? (
      <p>
        <span className="gw-label">Recommendation: </span>
        {finding.recommendation}
      </p>
    ) : null}
  </article>
);

export const EmptyNote = ({ children }: { children: ReactNode }) => <p className="gw-empty">{children}</p>;

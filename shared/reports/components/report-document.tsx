/** @jsxRuntime automatic @jsxImportSource react */
import type { CSSProperties } from 'react';
import { fontStacks } from '../branding';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../format';
import type { ProposalLine } from '../proposal';
import type { ExecutiveReport, ProposalReport, ReportModel, TechnicalReport } from '../report-model';
import { roadmapHorizons, roadmapLabels, type Roadmap } from '../roadmap';
import { effortLabels, quantityRuleLabels } from '../report-source';
import { BarChart, RadarChart, TimeSeriesChart } from './charts';
import { CoverPage, EmptyNote, FindingCard, Section, SeverityBadge, SummaryFacts } from './report-parts';
import { ComparisonSection } from './comparison-section';

const RoadmapTable = ({ roadmap }: { roadmap: Roadmap }) => (
  <div className="gw-roadmap">
    {roadmapHorizons.map((h) => (
      <div key={h} className="gw-roadmap-col">
        <h3>{roadmapLabels[h]}</h3>
        {roadmap[h].length === 0 ? (
          <EmptyNote>Nothing planned.</EmptyNote>
        ) : (
          <ul>
            {roadmap[h].map((item) => (
              <li key={item.id}>
                <SeverityBadge severity={item.severity} /> {item.title}
                <span className="gw-muted"> · {effortLabels[item.effort]}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    ))}
  </div>
);

const PillarRadar = ({ model }: { model: ExecutiveReport | TechnicalReport }) =>
  model.source.pillars.length >= 3 ? (
    <RadarChart points={model.source.pillars.map((p) => ({ label: p.name, value: p.score }))} color={model.branding.primaryColor} />
  ) : model.source.pillars.length > 0 ? (
    <BarChart bars={model.source.pillars.map((p) => ({ label: p.name, value: p.score }))} color={model.branding.primaryColor} />
  ) : (
    <EmptyNote>No pillar has been scored yet.</EmptyNote>
  );

const Executive = ({ model }: { model: ExecutiveReport }) => (
  <>
    <Section title="Summary" newPage>
      <p className="gw-lead">{model.summary.headline}</p>
      <SummaryFacts summary={model.summary} />
      <div className="gw-two-col">
        <div>
          <h3>Readiness by pillar</h3>
          <PillarRadar model={model} />
        </div>
        <div>
          <h3>Top risks</h3>
          {model.topRisks.length === 0 ? (
            <EmptyNote>No risks recorded.</EmptyNote>
          ) : (
            <ol className="gw-risks">
              {model.topRisks.map((f) => (
                <li key={f.id}>
                  <SeverityBadge severity={f.severity} /> {f.title}
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </Section>
    <ComparisonSection comparison={model.source.comparison} />
    <Section title="Roadmap">
      <RoadmapTable roadmap={model.roadmap} />
    </Section>
    {model.source.exceptions.length > 0 ? (
      <Section title="Exceptions and areas not assessed">
        <ul>
          {model.source.exceptions.map((e, i) => (
            <li key={i}>
              {e.title}
              {e.reason ? <span className="gw-muted"> — {e.reason}</span> : null}
            </li>
          ))}
        </ul>
      </Section>
    ) : null}
  </>
);

const verdictWords: Record<string, string> = { pass: 'Good', warn: 'Watch', fail: 'Problem', info: 'For information' };
const verdictText = (m: TechnicalReport['measurements'][number]): string => `${verdictWords[m.status] ?? 'For information'}${m.target ? ` (${m.target})` : ''}`;

/**
 * Only what was measured, by probe: each value with its unit, far end and time; sample series as a
 * count and range. No raw dumps and no LAN identifiers (MAC addresses, host names): the figures
 * travel as the JSON attachment beside the report.
 */
const MeasurementAppendix = ({ model }: { model: TechnicalReport }) => {
  const probes = [...new Set(model.measurements.map((m) => m.probe))];
  if (probes.length === 0) return null;
  return (
    <Section title="Appendix: measurements" newPage>
      <p className="gw-muted">Every figure below was measured on site; the same figures are in the machine-readable attachment exported with this report.</p>
      {probes.map((probe) => (
        <div key={probe} className="gw-raw">
          <h3>{probe}</h3>
          <table className="gw-table gw-small">
            <tbody>
              {model.measurements
                .filter((m) => m.probe === probe)
                .map((m) => (
                  <tr key={m.id}>
                    <td className="gw-q">{m.name}</td>
                    <td>
                      {m.samples.length > 0
                        ? `${m.samples.length} samples, ${Math.round(Math.min(...m.samples.map((s) => s.value)) * 100) / 100}–${Math.round(Math.max(...m.samples.map((s) => s.value)) * 100) / 100} ${m.unit}`
                        : m.display || formatNumber(m.value, m.unit)}
                    </td>
                    <td className="gw-muted">{[m.farEnd, m.measuredAt.slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · ')}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </Section>
  );
};

const Technical = ({ model }: { model: TechnicalReport }) => {
  const showLevels = model.source.pillars.some((p) => p.level > 0 || p.levelLabel !== '');
  const pillarName = new Map(model.source.pillars.map((p) => [p.id, p.name]));
  const withSamples = model.measurements.filter((m) => m.samples.length > 1);
  return (
    <>
      <Section title="Summary" newPage>
        <p className="gw-lead">{model.summary.headline}</p>
        <SummaryFacts summary={model.summary} />
        <PillarRadar model={model} />
        <table className="gw-table">
          <thead>
            <tr>
              <th>Pillar</th>
              <th>Score</th>
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
                {showLevels ? <td>{pillar.levelLabel || (pillar.level > 0 ? pillar.level : '—')}</td> : null}
                <td>{formatPercent(pillar.confidence)}</td>
                <td>{findings.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <ComparisonSection comparison={model.source.comparison} />
      <Section title="Findings" newPage>
        {model.findings.length === 0 ? <EmptyNote>No findings recorded.</EmptyNote> : null}
        {model.findings.map((f) => (
          <FindingCard key={f.id} finding={f} pillarName={pillarName.get(f.pillarId)} />
        ))}
      </Section>
      <Section title="Measurements" newPage>
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
              {model.measurements.filter((m) => m.samples.length === 0).map((m) => (
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
      <Section title="Answers behind each pillar" newPage>
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
                    <tr key={i}>
                      <td className="gw-q">{a.question}</td>
                      <td>
                        {a.answer}
                        {a.note ? <span className="gw-muted"> — {a.note}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))}
        {model.source.exceptions.length > 0 ? (
          <>
            <h3>Exceptions and areas not assessed</h3>
            <ul>
              {model.source.exceptions.map((e, i) => (
                <li key={i}>
                  {e.title}
                  {e.reason ? <span className="gw-muted"> — {e.reason}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
      <MeasurementAppendix model={model} />
    </>
  );
};

const LineRows = ({ lines, currency }: { lines: readonly ProposalLine[]; currency: string }) => (
  <>
    {lines.map((l) => (
      <tr key={l.sku}>
        <td className="gw-mono">{l.sku}</td>
        <td>
          {l.description}
          <span className="gw-muted gw-small"> ({quantityRuleLabels[l.rule].toLowerCase()})</span>
        </td>
        <td className="gw-num">
          {l.quantity} {l.unit}
        </td>
        <td className="gw-num">{formatMoney(l.unitPriceMinor, currency)}</td>
        <td className="gw-num">{formatMoney(l.totalMinor, currency)}</td>
      </tr>
    ))}
  </>
);

const LinesTable = ({ title, lines, currency, subtotal, tax, total, taxRate, per = '' }: { title: string; per?: string; lines: readonly ProposalLine[]; currency: string; subtotal: number; tax: number; total: number; taxRate: number }) => (
  <>
    <h3>{title}</h3>
    <table className="gw-table gw-lines">
      <thead>
        <tr>
          <th>SKU</th>
          <th>Description</th>
          <th className="gw-num">Quantity</th>
          <th className="gw-num">Unit price</th>
          <th className="gw-num">Total</th>
        </tr>
      </thead>
      <tbody>
        <LineRows lines={lines} currency={currency} />
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4}>Subtotal</td>
          <td className="gw-num">{formatMoney(subtotal, currency)}</td>
        </tr>
        <tr>
          <td colSpan={4}>Tax ({taxRate / 100} %)</td>
          <td className="gw-num">{formatMoney(tax, currency)}</td>
        </tr>
        <tr className="gw-total">
          <td colSpan={4}>Total{per}</td>
          <td className="gw-num">{formatMoney(total, currency)}</td>
        </tr>
      </tfoot>
    </table>
  </>
);

const ProposalBody = ({ model }: { model: ProposalReport }) => {
  const p = model.proposal;
  return (
    <>
      <Section title="Proposal" newPage>
        <p className="gw-lead">
          Prepared for {model.cover.customerName} on {formatDate(p.date)}. Prices in {p.currency}, valid until {formatDate(p.validUntil)}.
        </p>
        {p.oneTime.length === 0 && p.monthly.length === 0 ? <EmptyNote>No priced items: the recommendations refer to no SKU in the price book yet.</EmptyNote> : null}
        {p.oneTime.length > 0 ? (
          <LinesTable title="One-time" lines={p.oneTime} currency={p.currency} subtotal={p.totals.oneTimeSubtotalMinor} tax={p.totals.oneTimeTaxMinor} total={p.totals.oneTimeTotalMinor} taxRate={p.taxRateBasisPoints} />
        ) : null}
        {p.monthly.length > 0 ? (
          <LinesTable title="Monthly" lines={p.monthly} currency={p.currency} subtotal={p.totals.monthlySubtotalMinor} tax={p.totals.monthlyTaxMinor} total={p.totals.monthlyTotalMinor} taxRate={p.taxRateBasisPoints} per=" per month" />
        ) : null}
        {p.warnings.length > 0 ? (
          <div className="gw-warnings gw-screen-only">
            {p.warnings.map((w, i) => (
              <p key={i}>{w}</p>
            ))}
          </div>
        ) : null}
      </Section>
      <Section title="What this addresses">
        <RoadmapTable roadmap={model.roadmap} />
      </Section>
      <Section title="Acceptance">
        <p>
          By signing, {model.cover.customerName} accepts this proposal from {model.cover.partnerName} as set out above, valid until {formatDate(p.validUntil)}.
        </p>
        <div className="gw-accept">
          {['Name', 'Position', 'Signature', 'Date'].map((label) => (
            <div key={label} className="gw-accept-field">
              <span className="gw-accept-line" />
              <span className="gw-small">{label}</span>
            </div>
          ))}
        </div>
      </Section>
    </>
  );
};

/** Brand colours and font reach the stylesheet as custom properties on the report root. */
const brandStyle = (model: ReportModel): CSSProperties =>
  ({
    '--gw-primary': model.branding.primaryColor,
    '--gw-accent': model.branding.accentColor,
    '--gw-font': fontStacks[model.branding.font],
  }) as CSSProperties;

export const ReportDocument = ({ model }: { model: ReportModel }) => (
  <div className={`gw-report gw-report-${model.kind}`} style={brandStyle(model)}>
    <CoverPage cover={model.cover} branding={model.branding} />
    {model.kind === 'executive' ? <Executive model={model} /> : model.kind === 'technical' ? <Technical model={model} /> : <ProposalBody model={model} />}
    <footer className="gw-closing">
      {model.branding.footer ? <p>{model.branding.footer}</p> : null}
      {model.branding.disclaimer ? <p className="gw-disclaimer">{model.branding.disclaimer}</p> : null}
      <p className="gw-muted gw-small">
        {model.cover.partnerName} · generated with {model.generator} · template {model.templateVersion}
      </p>
    </footer>
  </div>
);

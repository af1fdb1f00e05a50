import { BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatDate, formatMoney, formatNumber, formatPercent, pointsText } from '../../../shared/reports/format';
import { conversionText, taxLabel, type ProposalLine } from '../../../shared/reports/proposal';
import { scaleRange } from '../../../shared/reports/readiness-scale';
import { reportKindLabels, shortName, type ExecutiveReport, type ProposalReport, type ReassessmentReport, type ReportModel, type TechnicalReport } from '../../../shared/reports/report-model';
import { emptyRoadmapText, firstActions, horizonDates, isEmptyRoadmap, moreActionsText, roadmapHorizons, roadmapLabels, shortRoadmapRows, type Roadmap } from '../../../shared/reports/roadmap';
import { severityLabels, type AttachmentSource, type FindingSource, type ReportSource } from '../../../shared/reports/report-source';
import type { Comparison } from '../../../shared/history/compare';
import { aboutText, executiveNarrative, firstSentence } from '../../../shared/reports/components/executive-body';
import { technicalSections } from '../../../shared/reports/components/technical-body';
import { costText, effortText } from '../../../shared/reports/components/roadmap-view';
import { findingEffortText, priorityText } from '../../../shared/reports/components/report-parts';
import { scopeText } from '../../../shared/reports/components/proposal-body';
import { seriesSummary, verdictText } from '../../../shared/reports/components/measurement-appendix';
import { frameworkAppendixBlocks } from './framework-appendix-docx';
import { bullet, cell, h, hex, imageRun, italicNote, p, signatureLines, table, type Block } from './docx-parts';

/**
 * The Word version of a report, from the same model as the HTML and with the same wording
 * (shared helpers): real heading styles, tables and images, so an account manager can edit it.
 * Charts become tables (Word has no inline SVG without a raster fallback).
 */

/** Name sizes in half-points, stepping down with length, so the cover stays one page for any name. */
const coverNameSize = (name: string): number => {
  const n = [...name].length;
  return n <= 60 ? 40 : n <= 200 ? 28 : n <= 1000 ? 18 : 12;
};

const cover = (model: ReportModel): Block[] => {
  const { cover: c, branding } = model;
  const logo = imageRun(branding.logoDataUri, `${shortName(branding.partnerName, 60)} logo`);
  const customerLogo = imageRun(c.customerLogoDataUri, `${c.customerShortName} logo`, 160);
  const long = [...c.customerName].length > 200;
  return [
    ...(logo ? [new Paragraph({ children: [logo] })] : []),
    p(c.partnerName, { bold: true, color: hex(branding.primaryColor), size: 32 }),
    new Paragraph({ spacing: { before: long ? 400 : 1200 }, children: [new TextRun({ text: c.subtitle.toUpperCase(), color: hex(branding.accentColor), bold: true, size: 20 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(c.title)] }),
    ...(customerLogo ? [new Paragraph({ children: [customerLogo] })] : []),
    new Paragraph({ children: [new TextRun({ text: c.customerName, bold: !long, size: coverNameSize(c.customerName) })] }),
    ...(c.siteName ? [p(`${c.siteName}${c.siteAddress ? ` · ${c.siteAddress}` : ''}`, { size: 24 })] : []),
    new Paragraph({ spacing: { before: long ? 300 : 1200 }, children: [new TextRun({ text: 'Prepared by: ', color: '555555' }), new TextRun(`${c.engineer ? `${c.engineer}, ` : ''}${c.partnerName}`)] }),
    new Paragraph({ children: [new TextRun({ text: 'Date: ', color: '555555' }), new TextRun(formatDate(c.date))] }),
    ...(branding.contact
      ? branding.contact.split('\n').map((line, i) => new Paragraph({ spacing: { before: i === 0 ? (long ? 300 : 1600) : 0 }, children: [new TextRun({ text: line, size: 18, color: '444444' })] }))
      : []),
  ];
};

const contextBlocks = (source: ReportSource): Block[] =>
  source.context ? [p('About the organisation', { bold: true, keepNext: true }), p(source.context, { italics: true })] : [];

/** The scale as a table: level, index range, meaning; the case's level in bold with a marker. */
const scaleBlocks = (source: ReportSource, primary: string): Block[] => {
  const o = source.overall;
  if (!o || source.scale.length === 0) return [];
  const rows = source.scale.map(
    (level, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(`${level.label === o.levelLabel ? '▶ ' : ''}${level.label}`, { bold: level.label === o.levelLabel }),
          cell(scaleRange(source.scale, i)),
          cell(level.meaning, { bold: level.label === o.levelLabel }),
        ],
      }),
  );
  return [
    p(`Readiness scale: ${o.levelLabel}, index ${Math.round(o.score)} / 100`, { bold: true, keepNext: true }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ tableHeader: true, children: ['Level', 'Index', 'What it means'].map((t) => cell(t, { header: true, primary })) }), ...rows],
    }),
    ...(o.cappedBy.length > 0 && o.uncappedLevelLabel !== o.levelLabel
      ? [p(`Capped at ${o.levelLabel} (the index alone would give ${o.uncappedLevelLabel}) until this is fixed: ${o.cappedBy.join('; ')}.`, { bold: true })]
      : []),
  ];
};

const factsTable = (model: ExecutiveReport | TechnicalReport | ReassessmentReport): Table => {
  const s = model.summary;
  return table(
    ['Readiness index', 'Level', 'Confidence', 'Critical and high findings'],
    [
      [
        s.overall ? `${Math.round(s.overall.score)} / 100` : '—',
        s.overall ? s.overall.levelLabel || `Level ${s.overall.level}` : '—',
        s.overall ? formatPercent(s.overall.confidence) : '—',
        String(s.severityCounts.critical + s.severityCounts.high),
      ],
    ],
    model.branding.primaryColor,
  );
};

/** Pillar scores with a bar drawn in the brand colour: a bar of blocks prints anywhere. */
const pillarTable = (model: TechnicalReport): Table => {
  const primary = model.branding.primaryColor;
  const scoreCell = (score: number): TableCell =>
    new TableCell({
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: [new Paragraph({ children: [new TextRun({ text: `${Math.round(score)}  `, size: 19 }), new TextRun({ text: '█'.repeat(Math.round(score / 10)), color: hex(primary), size: 19 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: ['Pillar', 'Score', 'Weight', 'Confidence', 'Findings'].map((t) => cell(t, { header: true, primary })) }),
      ...model.pillarSections.map(
        ({ pillar, findings }) =>
          new TableRow({ cantSplit: true, children: [cell(pillar.name), scoreCell(pillar.score), cell(String(pillar.weight)), cell(formatPercent(pillar.confidence)), cell(String(findings.length))] }),
      ),
    ],
  });
};

const roadmapBlocks = (roadmap: Roadmap, date: string, primary: string, limit: number): Block[] =>
  isEmptyRoadmap(roadmap)
    ? [italicNote(emptyRoadmapText)]
    : roadmapHorizons.flatMap((horizon) => {
        const { shown, more } = firstActions(roadmap[horizon], limit);
        return [
          h(`${roadmapLabels[horizon]} · ${horizonDates(horizon, date)}`, 3),
          shown.length === 0
            ? italicNote('Nothing planned.')
            : table(['Action', 'Owner', 'Effort', 'Cost'], shown.map((i) => [`${severityLabels[i.severity]}: ${i.title}`, i.owner, effortText(i), costText(i.cost)]), primary, [3]),
          ...(more > 0 ? [p(moreActionsText(more), { size: 17, color: '5A606B' })] : []),
        ];
      });

const attachmentBlocks = (attachments: readonly AttachmentSource[]): Block[] => {
  const images = attachments.flatMap((a) => {
    const run = imageRun(a.imageDataUri, a.caption || a.fileName, 160, 120);
    return run ? [new Paragraph({ children: [run] }), p(a.caption || a.fileName, { size: 15, color: '5A606B' })] : [];
  });
  return [
    ...images,
    ...attachments.map(
      (a) =>
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun({ text: a.fileName, bold: true, size: 17 }), new TextRun({ text: `${a.caption ? ` — ${a.caption}` : ''} · SHA-256 ${a.sha256}`, size: 15, color: '5A606B' })],
        }),
    ),
  ];
};

const findingBlocks = (f: FindingSource & Partial<Pick<TechnicalReport['findings'][number], 'priority' | 'scope'>>, pillarName: string | undefined): Block[] => [
  h(`${severityLabels[f.severity]}: ${f.title}`, 3),
  p(`${pillarName ? `${pillarName} · ` : ''}${findingEffortText(f)}${f.gateLabel ? ` · caps readiness at ${f.gateLabel}` : ''}`, { color: '5A606B', size: 18 }),
  ...(f.priority ? [p(`${priorityText(f.priority, f.severity, pillarName)}${f.scope ? ` · Affects: ${f.scope}` : ''}`, { color: '5A606B', size: 18 })] : []),
  ...(f.detail ? [p(f.detail)] : []),
  ...(f.evidence.length ? [p('Evidence collected', { bold: true, keepNext: true }), ...f.evidence.map((e) => bullet(e))] : []),
  ...(f.notes.length ? [p("Engineer's notes", { bold: true, keepNext: true }), ...f.notes.map((n) => bullet(n))] : []),
  ...attachmentBlocks(f.attachments),
  ...(f.expectedEvidence && f.attachments.length === 0 ? [p(`Evidence to keep on file: ${f.expectedEvidence}`, { size: 16, color: '5A606B' })] : []),
  ...(f.recommendation ? [new Paragraph({ children: [new TextRun({ text: 'Recommendation: ', bold: true }), new TextRun(f.recommendation)] })] : []),
];

/** The same "since the last assessment" section the HTML and PDF carry, as Word blocks. */
const comparisonBlocks = (comparison: Comparison | null, primary: string, compact = false): Block[] => {
  if (!comparison) return [];
  const signed = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : ''}${Math.round(n)}`);
  const round = (n: number | null) => (n === null ? '—' : String(Math.round(n)));
  const list = (title: string, items: Comparison['findings']['resolved']): Block[] => [
    h(`${title} (${items.length})`, 3),
    ...(items.length === 0 ? [italicNote('None.')] : items.map((f) => bullet(f.title, `${severityLabels[f.severity]}: `))),
  ];
  const { before, findings } = comparison;
  const lead = (extra = '') =>
    p(
      `Compared with the assessment of ${formatDate(before.createdAt.slice(0, 10))}${before.readinessIndex !== null ? ` (readiness ${Math.round(before.readinessIndex)} / 100)` : ''}: ` +
        `readiness index ${signed(comparison.indexDelta)}, ${findings.resolved.length} finding${findings.resolved.length === 1 ? '' : 's'} resolved, ${findings.new.length} new, ${findings.stillOpen.length} still open.${extra}`,
    );
  if (compact) return [h('Since the last assessment', 1), lead(' The re-assessment report lists them.')];
  return [
    h('Since the last assessment', 1, true),
    lead(),
    table(['Pillar', 'Before', 'Now', 'Change'], comparison.pillars.map((pl) => [pl.title, round(pl.before), round(pl.after), signed(pl.delta)]), primary),
    ...list('Resolved', comparison.findings.resolved),
    ...list('New', comparison.findings.new),
    ...list('Still open', comparison.findings.stillOpen),
  ];
};

const aboutBlocks = (model: ReportModel): Block[] => {
  const { source, branding } = model;
  return [
    h('About this assessment', 1),
    p(aboutText(model)),
    ...(source.exceptions.length ? [p('Exceptions and areas not assessed', { bold: true, keepNext: true }), ...source.exceptions.map((e) => bullet(e.reason ? `${e.title} — ${e.reason}` : e.title))] : []),
    ...(branding.disclaimer ? branding.disclaimer.split('\n').map((l) => p(l, { size: 17, italics: true })) : []),
  ];
};

const investmentBlocks = (model: ExecutiveReport): Block[] => {
  const pr = model.proposal;
  if (!pr) return [italicNote('No investment priced yet: the proposal follows separately.')];
  const c = pr.currency;
  return [
    table(
      ['Investment', 'Amount'],
      [
        ['One-time (projects, set-up), incl. tax', formatMoney(pr.totals.oneTimeTotalMinor, c)],
        ['Recurring (services, licences), incl. tax', `${formatMoney(pr.totals.monthlyTotalMinor, c)} per month`],
        [`Total contract value over ${pr.totals.contractTermMonths} months, incl. tax`, formatMoney(pr.totals.contractValueMinor, c)],
      ],
      model.branding.primaryColor,
      [1],
    ),
  ];
};

const executive = (model: ExecutiveReport): Block[] => {
  const primary = model.branding.primaryColor;
  return [
    h('At a glance', 1, true),
    ...contextBlocks(model.source),
    ...executiveNarrative(model).map((s, i) => p(s, { size: i === 0 ? 24 : undefined })),
    ...scaleBlocks(model.source, primary),
    factsTable(model),
    h('Top risks', 1),
    ...(model.topRisks.length === 0 ? [italicNote('No risks recorded.')] : model.topRisks.map((f) => bullet(`${f.title}${f.detail ? ` — ${firstSentence(f.detail)}` : ''}`, `${severityLabels[f.severity]}: `))),
    h('Readiness by area', 1),
    model.pillarSummaries.length === 0
      ? italicNote('No pillar has been scored yet.')
      : table(
          ['Area', 'Score', 'Most pressing'],
          model.pillarSummaries.map((s) => [s.pillar.name, String(Math.round(s.pillar.score)), s.worst ? `${s.worst.title}${s.findingCount > 1 ? ` (+${s.findingCount - 1} more)` : ''}` : 'Nothing open']),
          primary,
        ),
    h('Investment summary', 1),
    ...investmentBlocks(model),
    ...comparisonBlocks(model.source.comparison, primary, true),
    h('Roadmap', 1, true),
    ...roadmapBlocks(model.roadmap, model.source.date, primary, shortRoadmapRows),
    ...aboutBlocks(model),
  ];
};

const technical = (model: TechnicalReport): Block[] => {
  const names = new Map(model.source.pillars.map((pl) => [pl.id, pl.name]));
  const primary = model.branding.primaryColor;
  return [
    h('Contents', 1, true),
    ...technicalSections(model).map((e, i) => p(`${i + 1}. ${e.title}`)),
    h('Summary', 1, true),
    ...contextBlocks(model.source),
    p(model.summary.headline, { size: 24 }),
    ...scaleBlocks(model.source, primary),
    factsTable(model),
    h('Readiness by pillar', 2),
    model.source.pillars.length === 0 ? italicNote('No pillar has been scored yet.') : pillarTable(model),
    p("The index is the weighted mean of the pillar scores. Each finding's priority is its severity points (critical 10, high 6, medium 3, low 1) times its pillar's weight; findings are listed by priority.", { size: 16, color: '5A606B' }),
    ...comparisonBlocks(model.source.comparison, primary),
    h('Findings', 1, true),
    ...(model.findings.length === 0 ? [italicNote('No findings recorded.')] : model.findings.flatMap((f) => findingBlocks(f, names.get(f.pillarId)))),
    h('Measurements', 1, true),
    model.measurements.length === 0
      ? italicNote('No probe measurements recorded.')
      : table(
          ['Measurement', 'Value', 'Verdict and threshold', 'Measured against'],
          model.measurements.filter((m) => m.samples.length === 0).map((m) => [m.scope ? `${m.name} · ${m.scope}` : m.name, m.display || formatNumber(m.value, m.unit), verdictText(m), m.farEnd || '—']),
          primary,
        ),
    ...(model.source.unmeasured.length ? [h('Could not be measured here', 2), ...model.source.unmeasured.map((u) => bullet(`${u.name} (${u.scope}): ${u.reason}`))] : []),
    h('Answers behind each pillar', 1, true),
    ...(model.pillarSections.length === 0 ? [italicNote('No interview answers recorded.')] : []),
    ...model.pillarSections.flatMap(({ pillar }) => [
      h(`${pillar.name} · ${Math.round(pillar.score)} / 100`, 2),
      ...(pillar.answers.length === 0
        ? [italicNote('No answers.')]
        : pillar.answers.flatMap((a) => [
            new Paragraph({ keepNext: true, children: [new TextRun({ text: a.question, bold: true, size: 19 })] }),
            p(`${a.answer}${a.note ? ` — ${a.note}` : ''}`, { size: 19 }),
            ...(a.engineerNote ? [new Paragraph({ children: [new TextRun({ text: 'Note: ', bold: true, size: 18 }), new TextRun({ text: a.engineerNote, size: 18 })] })] : []),
            ...attachmentBlocks(a.attachments),
          ])),
    ]),
    ...(model.source.caseAttachments.length ? [h('Other evidence', 1), p('Files attached to the assessment as a whole.'), ...attachmentBlocks(model.source.caseAttachments)] : []),
    // Before the appendices, as in the PDF: the last page is never "About this assessment" alone.
    ...aboutBlocks(model),
    // Only what was measured, by probe; no raw dumps or LAN identifiers (the JSON attachment has the figures).
    ...(model.measurements.length === 0
      ? []
      : [
          h('Appendix: measurements', 1, true),
          p('Every figure below was measured on site; the same figures are in the machine-readable attachment exported with this report.', { italics: true }),
          ...[...new Set(model.measurements.map((m) => m.probe))].flatMap((probe) => [
            h(probe, 3),
            table(
              ['Measurement', 'Value', 'Measured against'],
              model.measurements.filter((m) => m.probe === probe).map((m) => [m.name, seriesSummary(m), [m.farEnd, m.measuredAt.slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · ')]),
              primary,
            ),
          ]),
        ]),
    ...frameworkAppendixBlocks(model.source.frameworkCoverage, { h, p, table, primary }),
  ];
};

const lineRow = (l: ProposalLine, currency: string): TableRow =>
  new TableRow({
    cantSplit: true,
    children: [
      cell(l.description, { lines: [l.sku] }),
      cell(`${l.quantity} ${l.unit}`, { right: true, lines: l.quantityBasis ? [l.quantityBasis] : [] }),
      cell(formatMoney(l.unitPriceMinor, currency), { right: true, lines: l.converted ? [formatMoney(l.converted.unitPriceMinor, l.converted.currency)] : [] }),
      cell(l.recurring ? '' : formatMoney(l.totalMinor, currency), { right: true }),
      cell(l.recurring ? formatMoney(l.totalMinor, currency) : '', { right: true }),
    ],
  });

/** Both parties side by side in one row that Word may not split: the blocks always share a page. */
const signatureTable = (customer: string, partner: string): Table => {
  const party = (title: string, name: string) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      margins: { top: 80, bottom: 80, left: 120, right: 240 },
      borders: { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } },
      children: [p(title, { bold: true, keepNext: true }), p(name, { keepNext: true }), signatureLines(['Name', 'Position', 'Signature', 'Date']), new Paragraph({ children: [] })],
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ cantSplit: true, children: [party('For the customer', customer), party('For the partner', partner)] })] });
};

const proposal = (model: ProposalReport): Block[] => {
  const pr = model.proposal;
  const primary = model.branding.primaryColor;
  const c = pr.currency;
  if (pr.refusal) return [h('Proposal', 1, true), p('This proposal cannot be issued yet', { bold: true }), p(pr.refusal)];
  const empty = pr.oneTime.length === 0 && pr.monthly.length === 0;
  const t = pr.totals;
  const totalRows = (label: string, subtotal: number, taxes: typeof t.oneTimeTaxes, total: number): string[][] => [
    [`${label} subtotal`, formatMoney(subtotal, c)],
    ...taxes.map((x) => [taxLabel(x), formatMoney(x.minor, c)]),
    [`${label} total`, formatMoney(total, c)],
  ];
  const lines = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: ['Item', 'Quantity', 'Unit price', 'One-time', 'Monthly'].map((x, i) => cell(x, { header: true, primary, right: i > 0 })) }),
      ...pr.groups.flatMap((g) => [
        new TableRow({ cantSplit: true, children: [cell(`${g.severity ? `${severityLabels[g.severity]}: ` : ''}${g.title}`, { bold: true, shade: 'F0F3F6', span: 5 })] }),
        ...g.lines.map((l) => lineRow(l, c)),
      ]),
    ],
  });
  return [
    h('Proposal', 1, true),
    p(`Prepared for ${model.cover.customerShortName} by ${model.cover.partnerName} on ${formatDate(pr.date)}. Prices in ${c}, valid until ${formatDate(pr.validUntil)}.`),
    h('Scope', 2),
    p(scopeText(model)),
    ...(empty
      ? [italicNote('No priced items: the recommendations refer to no SKU in the price book yet.')]
      : [
          lines,
          p(''),
          table(
            ['Totals', c],
            [
              ...(pr.oneTime.length ? totalRows('One-time', t.oneTimeSubtotalMinor, t.oneTimeTaxes, t.oneTimeTotalMinor) : []),
              ...(pr.monthly.length ? totalRows('Monthly', t.monthlySubtotalMinor, t.monthlyTaxes, t.monthlyTotalMinor) : []),
              [`Total contract value (${pr.oneTime.length ? 'one-time + ' : ''}${t.contractTermMonths} months of monthly), incl. tax`, formatMoney(t.contractValueMinor, c)],
            ],
            primary,
            [1],
          ),
        ]),
    ...pr.conversions.map((x) => p(conversionText(x, c), { size: 16, color: '5A606B' })),
    h('Terms', 1),
    ...(pr.text.assumptions ? [h('Assumptions', 3), ...pr.text.assumptions.split('\n').map((l) => p(l))] : []),
    ...(pr.text.exclusions ? [h('Exclusions', 3), ...pr.text.exclusions.split('\n').map((l) => p(l))] : []),
    h('Payment and contract term', 3),
    ...(pr.text.paymentTerms ? pr.text.paymentTerms.split('\n').map((l) => p(l)) : []),
    p(`${pr.monthly.length ? `Monthly services run for ${t.contractTermMonths} months from acceptance. ` : ''}This proposal is valid until ${formatDate(pr.validUntil)}.`),
    ...(model.branding.disclaimer ? [p(model.branding.disclaimer, { size: 17, italics: true })] : []),
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: false, keepNext: true, keepLines: true, children: [new TextRun('Acceptance')] }),
    p(`By signing, ${model.cover.customerShortName} accepts this proposal from ${model.cover.partnerName} as set out above, valid until ${formatDate(pr.validUntil)}.`, { keepNext: true }),
    signatureTable(model.cover.customerShortName, model.cover.partnerName),
  ];
};

const reassessment = (model: ReassessmentReport): Block[] => {
  const primary = model.branding.primaryColor;
  const c = model.source.comparison;
  if (!c) return [h('Since the last assessment', 1, true), italicNote('This assessment is the first one for this customer: there is nothing earlier to compare it with.')];
  const o = model.source.overall;
  const delta = c.indexDelta === null ? 'not comparable' : c.indexDelta === 0 ? 'unchanged' : `${c.indexDelta > 0 ? 'up' : 'down'} ${pointsText(Math.abs(c.indexDelta))}`;
  const open = [...model.newFindings, ...model.stillOpen];
  return [
    h('Progress at a glance', 1, true),
    ...contextBlocks(model.source),
    p(
      `Since the assessment of ${formatDate(c.before.createdAt.slice(0, 10))}, the readiness index is ${delta}${o ? ` (now ${Math.round(o.score)} / 100, ${o.levelLabel})` : ''}. ` +
        `${c.findings.resolved.length} findings resolved, ${c.findings.new.length} new, ${c.findings.stillOpen.length} still open.`,
      { size: 24 },
    ),
    ...scaleBlocks(model.source, primary),
    ...comparisonBlocks(c, primary),
    h('What is still open', 1),
    ...(open.length === 0 ? [italicNote('Nothing is open.')] : open.map((f) => bullet(`${f.title}${model.newFindings.includes(f) ? ' (new)' : ''}${f.detail ? ` — ${firstSentence(f.detail)}` : ''}`, `${severityLabels[f.severity]}: `))),
    h('Next steps', 1),
    ...roadmapBlocks(model.roadmap, model.source.date, primary, shortRoadmapRows),
    ...aboutBlocks(model),
  ];
};

/** The running head: partner, report and customer, cut so it always fits on one line. */
export const docxHeaderText = (model: ReportModel): string =>
  `${shortName(model.cover.partnerName, 30)} · ${reportKindLabels[model.kind]} · ${shortName(model.cover.customerName, 40)}`;

export const buildReportDocx = async (model: ReportModel): Promise<Buffer> => {
  const { branding } = model;
  const font = branding.font;
  const primary = hex(branding.primaryColor);
  const body =
    model.kind === 'executive' ? executive(model) : model.kind === 'technical' ? technical(model) : model.kind === 'proposal' ? proposal(model) : reassessment(model);
  const closing: Block[] = [
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    ...(branding.footer ? [p(branding.footer, { size: 17 })] : []),
    p(`${shortName(model.cover.partnerName, 60)} · generated with ${model.generator} · template ${model.templateVersion}`, { size: 16, color: '5A606B' }),
  ];
  const doc = new Document({
    creator: shortName(branding.partnerName, 60),
    title: `${reportKindLabels[model.kind]} — ${model.cover.customerShortName}`,
    description: `${model.generator}, report template ${model.templateVersion}`,
    styles: {
      default: {
        document: { run: { font, size: 21 } },
        title: { run: { font, size: 56, bold: true, color: primary } },
        heading1: { run: { font, size: 34, bold: true, color: primary }, paragraph: { spacing: { before: 240, after: 160 } } },
        heading2: { run: { font, size: 26, bold: true, color: primary }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font, size: 22, bold: true, color: primary }, paragraph: { spacing: { before: 200, after: 80 } } },
      },
    },
    sections: [
      {
        headers: { default: new Header({ children: [p(docxHeaderText(model), { size: 16, color: '555555' })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [
                  new TextRun({ text: branding.footer ? `${shortName(branding.footer, 90)}    ` : '', size: 16, color: '555555' }),
                  new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16, color: '555555' }),
                ],
              }),
            ],
          }),
        },
        children: [...cover(model), ...body, ...closing],
      },
    ],
  });
  return Packer.toBuffer(doc);
};

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../../shared/reports/format';
import type { ProposalLine } from '../../../shared/reports/proposal';
import { reportKindLabels, type ExecutiveReport, type ProposalReport, type ReportModel, type TechnicalReport } from '../../../shared/reports/report-model';
import { roadmapHorizons, roadmapLabels, type Roadmap } from '../../../shared/reports/roadmap';
import { effortLabels, severityLabels, type FindingSource } from '../../../shared/reports/report-source';
import type { Comparison } from '../../../shared/history/compare';

/**
 * The Word version of a report, from the same model as the HTML: real headings, tables and
 * styles, so an account manager can edit it. Charts become tables (Word has no inline SVG
 * without a raster fallback); the PNG logo is embedded, an SVG logo is left out.
 */

type Block = Paragraph | Table;

const hex = (color: string): string => color.replace('#', '').toUpperCase();

const p = (text: string, options: { bold?: boolean; color?: string; size?: number; italics?: boolean; style?: string } = {}): Paragraph =>
  new Paragraph({ style: options.style, children: [new TextRun({ text, bold: options.bold, color: options.color, size: options.size, italics: options.italics })] });

const h = (text: string, level: 1 | 2 | 3, pageBreakBefore = false): Paragraph =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    pageBreakBefore,
    children: [new TextRun(text)],
  });

const cell = (text: string, options: { header?: boolean; primary?: string; right?: boolean; bold?: boolean } = {}): TableCell =>
  new TableCell({
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: options.header && options.primary ? { type: ShadingType.CLEAR, color: 'auto', fill: hex(options.primary) } : undefined,
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.header || options.bold, color: options.header ? 'FFFFFF' : undefined, size: 19 })],
      }),
    ],
  });

const table = (header: readonly string[], rows: readonly (readonly string[])[], primary: string, rightColumns: readonly number[] = []): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((t, i) => cell(t, { header: true, primary, right: rightColumns.includes(i) })) }),
      ...rows.map((r) => new TableRow({ children: r.map((t, i) => cell(t, { right: rightColumns.includes(i) })) })),
    ],
  });

const pngSize = (bytes: Buffer): { width: number; height: number } | null =>
  bytes.length > 24 && bytes.toString('latin1', 12, 16) === 'IHDR' ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : null;

const logoRun = (dataUri: string, name: string, maxWidth = 200): ImageRun | null => {
  const m = /^data:image\/png;base64,(.+)$/.exec(dataUri);
  if (!m?.[1]) return null;
  const bytes = Buffer.from(m[1], 'base64');
  const size = pngSize(bytes);
  if (!size) return null;
  const scale = Math.min(1, maxWidth / size.width, 80 / size.height);
  return new ImageRun({
    type: 'png',
    data: bytes,
    transformation: { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) },
    altText: { name: 'logo', description: `${name} logo`, title: name },
  });
};

const cover = (model: ReportModel): Block[] => {
  const { cover: c, branding } = model;
  const logo = logoRun(branding.logoDataUri, branding.partnerName);
  const customerLogo = logoRun(c.customerLogoDataUri, c.customerName, 160);
  return [
    ...(logo ? [new Paragraph({ children: [logo] })] : []),
    p(c.partnerName, { bold: true, color: hex(branding.primaryColor), size: 32 }),
    new Paragraph({ spacing: { before: 1200 }, children: [new TextRun({ text: c.subtitle.toUpperCase(), color: hex(branding.accentColor), bold: true, size: 20 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(c.title)] }),
    ...(customerLogo ? [new Paragraph({ children: [customerLogo] })] : []),
    p(c.customerName, { bold: true, size: 40 }),
    ...(c.siteName ? [p(`${c.siteName}${c.siteAddress ? ` · ${c.siteAddress}` : ''}`, { size: 24 })] : []),
    new Paragraph({ spacing: { before: 1200 }, children: [new TextRun({ text: 'Prepared by: ', color: '555555' }), new TextRun(`${c.engineer ? `${c.engineer}, ` : ''}${c.partnerName}`)] }),
    new Paragraph({ children: [new TextRun({ text: 'Date: ', color: '555555' }), new TextRun(formatDate(c.date))] }),
    ...(branding.contact
      ? branding.contact.split('\n').map((line, i) => new Paragraph({ spacing: { before: i === 0 ? 1600 : 0 }, children: [new TextRun({ text: line, size: 18, color: '444444' })] }))
      : []),
  ];
};

/** Pillar scores with a bar drawn in the brand colour: Word has no inline SVG, a bar of blocks prints anywhere. */
const pillarTable = (model: ExecutiveReport | TechnicalReport): Table => {
  const primary = model.branding.primaryColor;
  const scoreCell = (score: number): TableCell =>
    new TableCell({
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: [
        new Paragraph({
          children: [new TextRun({ text: `${Math.round(score)}  `, size: 19 }), new TextRun({ text: '█'.repeat(Math.round(score / 10)), color: hex(primary), size: 19 })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: ['Pillar', 'Score', 'Level', 'Confidence'].map((t) => cell(t, { header: true, primary })) }),
      ...model.source.pillars.map(
        (pl) =>
          new TableRow({
            children: [cell(pl.name), scoreCell(pl.score), cell(pl.levelLabel || (pl.level > 0 ? String(pl.level) : '—')), cell(formatPercent(pl.confidence))],
          }),
      ),
    ],
  });
};

const summaryBlocks = (model: ExecutiveReport | TechnicalReport): Block[] => {
  const s = model.summary;
  return [
    h('Summary', 1, true),
    p(s.headline, { size: 24 }),
    table(
      ['Readiness score', 'Maturity level', 'Confidence', 'Critical and high findings'],
      [
        [
          s.overall ? `${Math.round(s.overall.score)} / 100` : '—',
          s.overall ? s.overall.levelLabel || `Level ${s.overall.level}` : '—',
          s.overall ? formatPercent(s.overall.confidence) : '—',
          String(s.severityCounts.critical + s.severityCounts.high),
        ],
      ],
      model.branding.primaryColor,
    ),
    h('Readiness by pillar', 2),
    model.source.pillars.length === 0
      ? p('No pillar has been scored yet.', { italics: true })
      : pillarTable(model),
  ];
};

const roadmapBlocks = (roadmap: Roadmap, primary: string): Block[] =>
  roadmapHorizons.flatMap((horizon) => [
    h(roadmapLabels[horizon], 3),
    roadmap[horizon].length === 0
      ? p('Nothing planned.', { italics: true })
      : table(['Severity', 'Action', 'Effort'], roadmap[horizon].map((i) => [severityLabels[i.severity], i.title, effortLabels[i.effort]]), primary),
  ]);

const findingBlocks = (f: FindingSource, pillarName: string | undefined): Block[] => [
  h(`${severityLabels[f.severity]}: ${f.title}`, 3),
  p(`${pillarName ? `${pillarName} · ` : ''}${effortLabels[f.effort]}${f.skuRefs.length ? ` · ${f.skuRefs.map((r) => r.sku).join(', ')}` : ''}`, { color: '5A606B', size: 18 }),
  ...(f.detail ? [p(f.detail)] : []),
  ...(f.evidence.length ? [p('Evidence', { bold: true }), ...f.evidence.map((e) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(e)] }))] : []),
  ...(f.recommendation ? [new Paragraph({ children: [new TextRun({ text: 'Recommendation: ', bold: true }), new TextRun(f.recommendation)] })] : []),
];

/** The same "since the last assessment" section the HTML and PDF carry, as Word blocks. */
const comparisonBlocks = (comparison: Comparison | null, primary: string): Block[] => {
  if (!comparison) return [];
  const signed = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : ''}${n.toFixed(1)}`);
  const round = (n: number | null) => (n === null ? '—' : String(Math.round(n)));
  const list = (title: string, items: Comparison['findings']['resolved']): Block[] => [
    h(`${title} (${items.length})`, 3),
    ...(items.length === 0
      ? [p('None.', { italics: true })]
      : items.map((f) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: `${severityLabels[f.severity]}: `, bold: true }), new TextRun(f.title)] }))),
  ];
  return [
    h('Since the last assessment', 1, true),
    p(
      `Compared with the assessment of ${formatDate(comparison.before.createdAt.slice(0, 10))}: readiness index ${signed(comparison.indexDelta)}, ` +
        `${comparison.findings.resolved.length} findings resolved, ${comparison.findings.new.length} new, ${comparison.findings.stillOpen.length} still open.`,
    ),
    table(['Pillar', 'Before', 'Now', 'Change'], comparison.pillars.map((pl) => [pl.title, round(pl.before), round(pl.after), signed(pl.delta)]), primary),
    ...list('Resolved', comparison.findings.resolved),
    ...list('New', comparison.findings.new),
    ...list('Still open', comparison.findings.stillOpen),
  ];
};

const executive = (model: ExecutiveReport): Block[] => [
  ...summaryBlocks(model),
  ...comparisonBlocks(model.source.comparison, model.branding.primaryColor),
  h('Top risks', 2),
  ...(model.topRisks.length === 0 ? [p('No risks recorded.', { italics: true })] : model.topRisks.map((f) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: `${severityLabels[f.severity]}: `, bold: true }), new TextRun(f.title)] }))),
  h('Roadmap', 1, true),
  ...roadmapBlocks(model.roadmap, model.branding.primaryColor),
];

const verdictWords: Record<string, string> = { pass: 'Good', warn: 'Watch', fail: 'Problem', info: 'For information' };
const verdictText = (m: TechnicalReport['measurements'][number]): string => `${verdictWords[m.status] ?? 'For information'}${m.target ? ` (${m.target})` : ''}`;

const technical = (model: TechnicalReport): Block[] => {
  const names = new Map(model.source.pillars.map((pl) => [pl.id, pl.name]));
  const primary = model.branding.primaryColor;
  return [
    ...summaryBlocks(model),
    ...comparisonBlocks(model.source.comparison, primary),
    h('Findings', 1, true),
    ...(model.findings.length === 0 ? [p('No findings recorded.', { italics: true })] : model.findings.flatMap((f) => findingBlocks(f, names.get(f.pillarId)))),
    h('Measurements', 1, true),
    model.measurements.length === 0
      ? p('No probe measurements recorded.', { italics: true })
      : table(
          ['Measurement', 'Value', 'Verdict and threshold', 'Measured against'],
          model.measurements.filter((m) => m.samples.length === 0).map((m) => [m.scope ? `${m.name} · ${m.scope}` : m.name, m.display || formatNumber(m.value, m.unit), verdictText(m), m.farEnd || '—']),
          primary,
        ),
    ...(model.source.unmeasured.length
      ? [h('Could not be measured here', 2), ...model.source.unmeasured.map((u) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(`${u.name} (${u.scope}): ${u.reason}`)] }))]
      : []),
    h('Answers behind each pillar', 1, true),
    ...(model.pillarSections.length === 0 ? [p('No interview answers recorded.', { italics: true })] : []),
    ...model.pillarSections.flatMap(({ pillar }) => [
      h(`${pillar.name} · ${Math.round(pillar.score)} / 100`, 2),
      pillar.answers.length === 0 ? p('No answers.', { italics: true }) : table(['Question', 'Answer'], pillar.answers.map((a) => [a.question, a.note ? `${a.answer} — ${a.note}` : a.answer]), primary),
    ]),
    ...(model.source.exceptions.length ? [h('Exceptions and areas not assessed', 2), ...model.source.exceptions.map((e) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(e.reason ? `${e.title} — ${e.reason}` : e.title)] }))] : []),
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
              model.measurements
                .filter((m) => m.probe === probe)
                .map((m) => [
                  m.name,
                  m.samples.length > 0
                    ? `${m.samples.length} samples, ${Math.round(Math.min(...m.samples.map((s) => s.value)) * 100) / 100}–${Math.round(Math.max(...m.samples.map((s) => s.value)) * 100) / 100} ${m.unit}`
                    : m.display || formatNumber(m.value, m.unit),
                  [m.farEnd, m.measuredAt.slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · '),
                ]),
              primary,
            ),
          ]),
        ]),
  ];
};

const lineRows = (lines: readonly ProposalLine[], currency: string): string[][] =>
  lines.map((l) => [l.sku, l.description, `${l.quantity} ${l.unit}`, formatMoney(l.unitPriceMinor, currency), formatMoney(l.totalMinor, currency)]);

const proposal = (model: ProposalReport): Block[] => {
  const pr = model.proposal;
  const primary = model.branding.primaryColor;
  const section = (title: string, lines: readonly ProposalLine[], subtotal: number, tax: number, total: number): Block[] =>
    lines.length === 0
      ? []
      : [
          h(title, 2),
          table(
            ['SKU', 'Description', 'Quantity', 'Unit price', 'Total'],
            [...lineRows(lines, pr.currency), ['', 'Subtotal', '', '', formatMoney(subtotal, pr.currency)], ['', `Tax (${pr.taxRateBasisPoints / 100} %)`, '', '', formatMoney(tax, pr.currency)], ['', 'Total', '', '', formatMoney(total, pr.currency)]],
            primary,
            [2, 3, 4],
          ),
        ];
  return [
    h('Proposal', 1, true),
    p(`Prepared for ${model.cover.customerName} on ${formatDate(pr.date)}. Prices in ${pr.currency}, valid until ${formatDate(pr.validUntil)}.`),
    ...(pr.oneTime.length === 0 && pr.monthly.length === 0 ? [p('No priced items: the recommendations refer to no SKU in the price book yet.', { italics: true })] : []),
    ...section('One-time', pr.oneTime, pr.totals.oneTimeSubtotalMinor, pr.totals.oneTimeTaxMinor, pr.totals.oneTimeTotalMinor),
    ...section('Monthly', pr.monthly, pr.totals.monthlySubtotalMinor, pr.totals.monthlyTaxMinor, pr.totals.monthlyTotalMinor),
    h('What this addresses', 2),
    ...roadmapBlocks(model.roadmap, primary),
    h('Acceptance', 2),
    p(`By signing, ${model.cover.customerName} accepts this proposal from ${model.cover.partnerName} as set out above, valid until ${formatDate(pr.validUntil)}.`),
    ...['Name', 'Position', 'Signature', 'Date'].map(
      (label) =>
        new Paragraph({
          spacing: { before: 480 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '333333', space: 1 } },
          children: [new TextRun({ text: `${label}:`, size: 18, color: '555555' })],
        }),
    ),
  ];
};

export const buildReportDocx = async (model: ReportModel): Promise<Buffer> => {
  const { branding } = model;
  const font = branding.font;
  const primary = hex(branding.primaryColor);
  const body = model.kind === 'executive' ? executive(model) : model.kind === 'technical' ? technical(model) : proposal(model);
  const closing: Block[] = [
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    ...(branding.footer ? [p(branding.footer, { size: 17 })] : []),
    ...(branding.disclaimer ? branding.disclaimer.split('\n').map((l) => p(l, { size: 17, italics: true })) : []),
    p(`${model.cover.partnerName} · generated with ${model.generator} · template ${model.templateVersion}`, { size: 16, color: '5A606B' }),
  ];
  const doc = new Document({
    creator: branding.partnerName,
    title: `${reportKindLabels[model.kind]} — ${model.cover.customerName}`,
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
        headers: {
          default: new Header({ children: [p(`${model.cover.partnerName} · ${reportKindLabels[model.kind]} · ${model.cover.customerName}`, { size: 16, color: '555555' })] }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [
                  new TextRun({ text: branding.footer ? `${branding.footer}    ` : '', size: 16, color: '555555' }),
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

import { BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { conversionText, taxLabel, type ProposalLine } from '../../../shared/reports/proposal';
import { scaleRange } from '../../../shared/reports/readiness-scale';
import { reportKindMessages, shortName, type ExecutiveReport, type ProposalReport, type ReassessmentReport, type ReportModel, type TechnicalReport } from '../../../shared/reports/report-model';
import { emptyRoadmapText, firstActions, horizonDates, isEmptyRoadmap, moreActionsText, roadmapHorizons, roadmapLabels, shortRoadmapRows, type Roadmap } from '../../../shared/reports/roadmap';
import type { AttachmentSource, FindingSource, ReportSource } from '../../../shared/reports/report-source';
import type { Comparison } from '../../../shared/history/compare';
import { aboutText, executiveNarrative, firstSentence } from '../../../shared/reports/components/executive-body';
import { technicalSections } from '../../../shared/reports/components/technical-body';
import { costText, effortText } from '../../../shared/reports/components/roadmap-view';
import { findingEffortText, priorityText, severityMessages } from '../../../shared/reports/components/report-parts';
import { acceptanceText, contractTermText, contractValueText, discountLabel, lineHeads, proposalLead, scopeText, signatureFields } from '../../../shared/reports/components/proposal-body';
import { seriesSummary, verdictText } from '../../../shared/reports/components/measurement-appendix';
import { comparisonLead, signedDelta } from '../../../shared/reports/components/comparison-section';
import { reassessmentLead } from '../../../shared/reports/components/reassessment-body';
import { fileSizeText } from '../../../shared/reports/components/captured-evidence';
import { documentLanguageTag } from '../../../shared/i18n/locales';
import { createTranslator, has, pageOfParts, type Translator } from '../../../shared/i18n/translator';
import { frameworkAppendixBlocks } from './framework-appendix-docx';
import { bullet, cell, h, hex, imageRun, italicNote, p, signatureLines, table, type Block } from './docx-parts';

/**
 * The Word version of a report, from the same model as the HTML and with the same wording
 * (shared helpers and the same message catalogue): real heading styles, tables and images, so an
 * account manager can edit it. Charts become tables (Word has no inline SVG without a raster fallback).
 */

/** "Critical: title" in the report's language. */
const sevText = (tr: Translator, severity: keyof typeof severityMessages, text: string): string => tr.t('severity.prefixed', { severity: tr.t(severityMessages[severity]), text });
const sevPrefix = (tr: Translator, severity: keyof typeof severityMessages): string => `${tr.t('severity.prefixed', { severity: tr.t(severityMessages[severity]), text: '' }).trimEnd()} `;

/** Name sizes in half-points, stepping down with length, so the cover stays one page for any name. */
const coverNameSize = (name: string): number => {
  const n = [...name].length;
  return n <= 60 ? 40 : n <= 200 ? 28 : n <= 1000 ? 18 : 12;
};

const cover = (model: ReportModel, tr: Translator): Block[] => {
  const { t, fmt } = tr;
  const { cover: c, branding } = model;
  const logo = imageRun(branding.logoDataUri, t('cover.logoAlt', { name: shortName(branding.partnerName, 60) }));
  const customerLogo = imageRun(c.customerLogoDataUri, t('cover.logoAlt', { name: c.customerShortName }), 160);
  const long = [...c.customerName].length > 200;
  return [
    ...(logo ? [new Paragraph({ children: [logo] })] : []),
    p(c.partnerName, { bold: true, color: hex(branding.primaryColor), size: 32 }),
    new Paragraph({ spacing: { before: long ? 400 : 1200 }, children: [new TextRun({ text: c.subtitle.toLocaleUpperCase(documentLanguageTag(model.locale)), color: hex(branding.accentColor), bold: true, size: 20 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(c.title)] }),
    ...(customerLogo ? [new Paragraph({ children: [customerLogo] })] : []),
    new Paragraph({ children: [new TextRun({ text: c.customerName, bold: !long, size: coverNameSize(c.customerName) })] }),
    ...(c.siteName ? [p(t('cover.site', { site: c.siteName, address: c.siteAddress, hasAddress: has(c.siteAddress) }), { size: 24 })] : []),
    new Paragraph({
      spacing: { before: long ? 300 : 1200 },
      children: [
        new TextRun({ text: `${t('cover.labelled', { label: t('cover.preparedBy') })} `, color: '555555' }),
        new TextRun(t('cover.preparedByValue', { engineer: c.engineer, hasEngineer: has(c.engineer), partner: c.partnerName })),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: `${t('cover.labelled', { label: t('cover.date') })} `, color: '555555' }), new TextRun(fmt.date(c.date))] }),
    ...(branding.contact
      ? branding.contact.split('\n').map((line, i) => new Paragraph({ spacing: { before: i === 0 ? (long ? 300 : 1600) : 0 }, children: [new TextRun({ text: line, size: 18, color: '444444' })] }))
      : []),
  ];
};

const contextBlocks = (source: ReportSource, { t }: Translator): Block[] =>
  source.context ? [p(t('context.title'), { bold: true, keepNext: true }), p(source.context, { italics: true })] : [];

/** The scale as a table: level, index range, meaning; the case's level in bold with a marker. */
const scaleBlocks = (source: ReportSource, primary: string, { t }: Translator): Block[] => {
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
    p(t('scale.heading', { level: o.levelLabel, score: Math.round(o.score) }), { bold: true, keepNext: true }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ tableHeader: true, children: [t('scale.level'), t('scale.index'), t('scale.meaning')].map((x) => cell(x, { header: true, primary })) }), ...rows],
    }),
    ...(o.cappedBy.length > 0 && o.uncappedLevelLabel !== o.levelLabel
      ? [p(t('scale.cappedFull', { level: o.levelLabel, uncapped: o.uncappedLevelLabel, reasons: o.cappedBy.join('; ') }), { bold: true })]
      : []),
  ];
};

const factsTable = (model: ExecutiveReport | TechnicalReport | ReassessmentReport, { t, fmt }: Translator): Table => {
  const s = model.summary;
  return table(
    [t('facts.scoreDocx'), t('scale.level'), t('facts.confidence'), t('facts.urgent')],
    [
      [
        s.overall ? t('tech.pillarScore', { score: Math.round(s.overall.score) }) : '—',
        s.overall ? s.overall.levelLabel || t('facts.levelNumber', { level: s.overall.level }) : '—',
        s.overall ? fmt.percent(s.overall.confidence) : '—',
        String(s.severityCounts.critical + s.severityCounts.high),
      ],
    ],
    model.branding.primaryColor,
  );
};

/** Pillar scores with a bar drawn in the brand colour: a bar of blocks prints anywhere. */
const pillarTable = (model: TechnicalReport, { t, fmt }: Translator): Table => {
  const primary = model.branding.primaryColor;
  const scoreCell = (score: number): TableCell =>
    new TableCell({
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: [new Paragraph({ children: [new TextRun({ text: `${Math.round(score)}  `, size: 19 }), new TextRun({ text: '█'.repeat(Math.round(score / 10)), color: hex(primary), size: 19 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [t('tech.pillar'), t('tech.score'), t('tech.weight'), t('tech.confidence'), t('tech.findingCount')].map((x) => cell(x, { header: true, primary })),
      }),
      ...model.pillarSections.map(
        ({ pillar, findings }) =>
          new TableRow({
            cantSplit: true,
            children: [cell(pillar.name), scoreCell(pillar.score), cell(fmt.number(pillar.weight)), cell(fmt.percent(pillar.confidence)), cell(String(findings.length))],
          }),
      ),
    ],
  });
};

const roadmapBlocks = (roadmap: Roadmap, date: string, primary: string, tr: Translator, limit: number): Block[] =>
  isEmptyRoadmap(roadmap)
    ? [italicNote(emptyRoadmapText(tr))]
    : roadmapHorizons.flatMap((horizon) => {
        const { shown, more } = firstActions(roadmap[horizon], limit);
        return [
          h(`${tr.t(roadmapLabels[horizon])} · ${horizonDates(horizon, date, tr)}`, 3),
          shown.length === 0
            ? italicNote(tr.t('roadmap.nothing'))
            : table(
                [tr.t('roadmap.action'), tr.t('roadmap.owner'), tr.t('roadmap.effort'), tr.t('roadmap.cost')],
                shown.map((i) => [sevText(tr, i.severity, i.title), i.owner, effortText(tr, i), costText(tr, i.cost)]),
                primary,
                [3],
              ),
          ...(more > 0 ? [p(moreActionsText(tr, more), { size: 17, color: '5A606B' })] : []),
        ];
      });

const attachmentBlocks = (attachments: readonly AttachmentSource[], tr: Translator): Block[] => {
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
          children: [new TextRun({ text: a.fileName, bold: true, size: 17 }), new TextRun({ text: `${a.caption ? ` — ${a.caption}` : ''} · ${tr.t('attachment.meta', { size: fileSizeText(tr, a.sizeBytes), hash: a.sha256 })}`, size: 15, color: '5A606B' })],
        }),
    ),
  ];
};

const findingBlocks = (f: FindingSource & Partial<Pick<TechnicalReport['findings'][number], 'priority' | 'scope'>>, pillarName: string | undefined, tr: Translator): Block[] => {
  const { t } = tr;
  const meta = [pillarName ?? '', findingEffortText(tr, f), f.gateLabel ? t('finding.caps', { level: f.gateLabel }) : ''].filter(Boolean).join(' · ');
  const priority = [f.priority ? priorityText(tr, f.priority, f.severity, pillarName) : '', f.scope ? t('finding.affects', { scope: f.scope }) : ''].filter(Boolean).join(' · ');
  return [
    h(sevText(tr, f.severity, f.title), 3),
    p(meta, { color: '5A606B', size: 18 }),
    ...(f.priority ? [p(priority, { color: '5A606B', size: 18 })] : []),
    ...(f.detail ? [p(f.detail)] : []),
    ...(f.evidence.length ? [p(t('finding.evidence'), { bold: true, keepNext: true }), ...f.evidence.map((e) => bullet(e))] : []),
    ...(f.notes.length ? [p(t('finding.notes'), { bold: true, keepNext: true }), ...f.notes.map((n) => bullet(n))] : []),
    ...attachmentBlocks(f.attachments, tr),
    ...(f.expectedEvidence && f.attachments.length === 0 ? [p(t('finding.keepOnFile', { evidence: f.expectedEvidence }), { size: 16, color: '5A606B' })] : []),
    ...(f.recommendation ? [new Paragraph({ children: [new TextRun({ text: `${t('finding.recommendation')} `, bold: true }), new TextRun(f.recommendation)] })] : []),
  ];
};

/** The same "since the last assessment" section the HTML and PDF carry, as Word blocks. */
/** `newPage`: false in the re-assessment report, where the comparison follows its summary on the same page (as in the PDF). */
const comparisonBlocks = (comparison: Comparison | null, primary: string, tr: Translator, compact = false, newPage = true): Block[] => {
  if (!comparison) return [];
  const { t } = tr;
  const round = (n: number | null) => (n === null ? '—' : String(Math.round(n)));
  const list = (title: string, items: Comparison['findings']['resolved']): Block[] => [
    h(title, 3),
    ...(items.length === 0 ? [italicNote(t('compare.none'))] : items.map((f) => bullet(f.title, sevPrefix(tr, f.severity)))),
  ];
  const lead = p(comparisonLead(tr, comparison));
  if (compact) return [h(t('compare.title'), 1), p(`${comparisonLead(tr, comparison)} ${t('compare.seeReport')}`)];
  return [
    h(t('compare.title'), 1, newPage),
    lead,
    table(
      [t('tech.pillar'), t('compare.before'), t('compare.now'), t('compare.change')],
      comparison.pillars.map((pl) => [pl.title, round(pl.before), round(pl.after), signedDelta(tr, pl.delta)]),
      primary,
    ),
    ...list(t('compare.resolved', { count: comparison.findings.resolved.length }), comparison.findings.resolved),
    ...list(t('compare.new', { count: comparison.findings.new.length }), comparison.findings.new),
    ...list(t('compare.stillOpen', { count: comparison.findings.stillOpen.length }), comparison.findings.stillOpen),
  ];
};

const aboutBlocks = (model: ReportModel, tr: Translator): Block[] => {
  const { t } = tr;
  const { source, branding } = model;
  return [
    h(t('about.title'), 1),
    p(aboutText(tr, model)),
    ...(source.exceptions.length ? [p(t('about.exceptions'), { bold: true, keepNext: true }), ...source.exceptions.map((e) => bullet(e.reason ? `${e.title} — ${e.reason}` : e.title))] : []),
    ...(branding.disclaimer ? branding.disclaimer.split('\n').map((l) => p(l, { size: 17, italics: true })) : []),
  ];
};

const investmentBlocks = (model: ExecutiveReport, { t, fmt }: Translator): Block[] => {
  const pr = model.proposal;
  if (!pr) return [italicNote(t('investment.none'))];
  const c = pr.currency;
  return [
    table(
      [t('investment.heading'), t('investment.amount')],
      [
        [t('investment.oneTime'), fmt.money(pr.totals.oneTimeTotalMinor, c)],
        [t('investment.recurring'), t('investment.perMonth', { amount: fmt.money(pr.totals.monthlyTotalMinor, c) })],
        [t('investment.contract', { months: pr.totals.contractTermMonths }), fmt.money(pr.totals.contractValueMinor, c)],
      ],
      model.branding.primaryColor,
      [1],
    ),
  ];
};

const withWhy = ({ t }: Translator, title: string, detail: string): string => (detail ? t('finding.withWhy', { title, why: firstSentence(detail) }) : title);

const executive = (model: ExecutiveReport, tr: Translator): Block[] => {
  const { t } = tr;
  const primary = model.branding.primaryColor;
  return [
    h(t('exec.atAGlance'), 1, true),
    ...contextBlocks(model.source, tr),
    ...executiveNarrative(model, tr).map((s, i) => p(s, { size: i === 0 ? 24 : undefined })),
    ...scaleBlocks(model.source, primary, tr),
    factsTable(model, tr),
    h(t('exec.topRisks'), 1),
    ...(model.topRisks.length === 0 ? [italicNote(t('exec.noRisks'))] : model.topRisks.map((f) => bullet(withWhy(tr, f.title, f.detail), sevPrefix(tr, f.severity)))),
    h(t('exec.byArea'), 1),
    model.pillarSummaries.length === 0
      ? italicNote(t('exec.noPillar'))
      : table(
          [t('exec.area'), t('exec.score'), t('exec.mostPressing')],
          model.pillarSummaries.map((s) => [
            s.pillar.name,
            String(Math.round(s.pillar.score)),
            s.worst ? `${s.worst.title}${s.findingCount > 1 ? ` ${t('finding.andMore', { count: s.findingCount - 1 })}` : ''}` : t('exec.nothingOpen'),
          ]),
          primary,
        ),
    h(t('exec.investment'), 1),
    ...investmentBlocks(model, tr),
    ...comparisonBlocks(model.source.comparison, primary, tr, true),
    h(t('exec.roadmap'), 1, true),
    ...roadmapBlocks(model.roadmap, model.source.date, primary, tr, shortRoadmapRows),
    ...aboutBlocks(model, tr),
  ];
};

const technical = (model: TechnicalReport, tr: Translator): Block[] => {
  const { t, fmt } = tr;
  const names = new Map(model.source.pillars.map((pl) => [pl.id, pl.name]));
  const primary = model.branding.primaryColor;
  return [
    h(t('tech.contents'), 1, true),
    ...technicalSections(model, tr).map((e, i) => p(`${i + 1}. ${e.title}`)),
    h(t('tech.summary'), 1, true),
    ...contextBlocks(model.source, tr),
    p(model.summary.headline, { size: 24 }),
    ...scaleBlocks(model.source, primary, tr),
    factsTable(model, tr),
    h(t('tech.byPillar'), 2),
    model.source.pillars.length === 0 ? italicNote(t('exec.noPillar')) : pillarTable(model, tr),
    p(t('tech.method'), { size: 16, color: '5A606B' }),
    ...comparisonBlocks(model.source.comparison, primary, tr),
    h(t('tech.findings'), 1, true),
    ...(model.findings.length === 0 ? [italicNote(t('tech.noFindings'))] : model.findings.flatMap((f) => findingBlocks(f, names.get(f.pillarId), tr))),
    h(t('tech.measurements'), 1, true),
    model.measurements.length === 0
      ? italicNote(t('tech.noMeasurements'))
      : table(
          [t('tech.measurement'), t('tech.value'), t('tech.verdict'), t('tech.against')],
          model.measurements
            .filter((m) => m.samples.length === 0)
            .map((m) => [m.scope ? `${m.name} · ${m.scope}` : m.name, m.display || fmt.number(m.value, m.unit), verdictText(tr, m), m.farEnd || '—']),
          primary,
        ),
    ...(model.source.unmeasured.length
      ? [h(t('tech.unmeasured'), 2), ...model.source.unmeasured.map((u) => bullet(t('tech.unmeasuredItem', { name: u.name, scope: u.scope, reason: u.reason })))]
      : []),
    h(t('tech.answers'), 1, true),
    ...(model.pillarSections.length === 0 ? [italicNote(t('tech.noAnswers'))] : []),
    ...model.pillarSections.flatMap(({ pillar }) => [
      h(`${pillar.name} · ${t('tech.pillarScore', { score: Math.round(pillar.score) })}`, 2),
      ...(pillar.answers.length === 0
        ? [italicNote(t('tech.noAnswersPillar'))]
        : pillar.answers.flatMap((a) => [
            new Paragraph({ keepNext: true, children: [new TextRun({ text: a.question, bold: true, size: 19 })] }),
            p(`${a.answer}${a.note ? ` — ${a.note}` : ''}`, { size: 19 }),
            ...(a.engineerNote
              ? [new Paragraph({ children: [new TextRun({ text: `${t('finding.note')} `, bold: true, size: 18 }), new TextRun({ text: a.engineerNote, size: 18 })] })]
              : []),
            ...attachmentBlocks(a.attachments, tr),
          ])),
    ]),
    ...(model.source.caseAttachments.length ? [h(t('tech.otherEvidence'), 1), p(t('tech.caseFiles')), ...attachmentBlocks(model.source.caseAttachments, tr)] : []),
    // Before the appendices, as in the PDF: the last page is never "About this assessment" alone.
    ...aboutBlocks(model, tr),
    // Only what was measured, by probe; no raw dumps or LAN identifiers (the JSON attachment has the figures).
    ...(model.measurements.length === 0
      ? []
      : [
          h(t('tech.appendixMeasurements'), 1, true),
          p(t('tech.appendixIntro'), { italics: true }),
          ...[...new Set(model.measurements.map((m) => m.probe))].flatMap((probe) => [
            h(probe, 3),
            table(
              [t('tech.measurement'), t('tech.value'), t('tech.against')],
              model.measurements.filter((m) => m.probe === probe).map((m) => [m.name, seriesSummary(tr, m), [m.farEnd, m.measuredAt.slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · ')]),
              primary,
            ),
          ]),
        ]),
    ...frameworkAppendixBlocks(model.source.frameworkCoverage, { h, p, table, primary, t }),
  ];
};

const lineRow = (l: ProposalLine, currency: string, { fmt }: Translator): TableRow =>
  new TableRow({
    cantSplit: true,
    children: [
      cell(l.description, { lines: [l.sku] }),
      cell(`${fmt.number(l.quantity)} ${l.unit}`, { right: true, lines: l.quantityBasis ? [l.quantityBasis] : [] }),
      cell(fmt.money(l.unitPriceMinor, currency), { right: true, lines: l.converted ? [fmt.money(l.converted.unitPriceMinor, l.converted.currency)] : [] }),
      cell(l.recurring ? '' : fmt.money(l.totalMinor, currency), { right: true }),
      cell(l.recurring ? fmt.money(l.totalMinor, currency) : '', { right: true }),
    ],
  });

/** Both parties side by side in one row that Word may not split: the blocks always share a page. */
const signatureTable = (customer: string, partner: string, { t }: Translator): Table => {
  const party = (title: string, name: string) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      margins: { top: 80, bottom: 80, left: 120, right: 240 },
      borders: { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } },
      children: [p(title, { bold: true, keepNext: true }), p(name, { keepNext: true }), signatureLines(signatureFields.map((id) => t(id))), new Paragraph({ children: [] })],
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ cantSplit: true, children: [party(t('proposal.forCustomer'), customer), party(t('proposal.forPartner'), partner)] })] });
};

const proposal = (model: ProposalReport, tr: Translator): Block[] => {
  const { t, fmt } = tr;
  const pr = model.proposal;
  const primary = model.branding.primaryColor;
  const c = pr.currency;
  if (pr.refusal) return [h(t('proposal.title'), 1, true), p(t('proposal.refused'), { bold: true }), p(pr.refusal)];
  const empty = pr.oneTime.length === 0 && pr.monthly.length === 0;
  const totals = pr.totals;
  const discountBasisPoints = pr.record?.discountBasisPoints ?? 0;
  const totalRows = (kind: 'oneTime' | 'monthly', subtotal: number, discount: number, taxes: typeof totals.oneTimeTaxes, total: number): string[][] => [
    [t('proposal.subtotal', { kind }), fmt.money(subtotal, c)],
    ...(discount > 0 ? [[discountLabel(tr, discountBasisPoints), fmt.money(-discount, c)]] : []),
    ...taxes.map((x) => [taxLabel(x, tr), fmt.money(x.minor, c)]),
    [t('proposal.total', { kind }), fmt.money(total, c)],
  ];
  const lines = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: lineHeads.map((id, i) => cell(t(id), { header: true, primary, right: i > 0 })) }),
      ...pr.groups.flatMap((g) => [
        new TableRow({ cantSplit: true, children: [cell(g.severity ? sevText(tr, g.severity, g.title) : g.title, { bold: true, shade: 'F0F3F6', span: 5 })] }),
        ...g.lines.map((l) => lineRow(l, c, tr)),
      ]),
    ],
  });
  return [
    h(t('proposal.title'), 1, true),
    p(proposalLead(tr, model)),
    h(t('proposal.scope'), 2),
    p(scopeText(tr, model)),
    ...(empty
      ? [italicNote(t('proposal.empty'))]
      : [
          lines,
          p(''),
          table(
            [t('proposal.totals'), c],
            [
              ...(pr.oneTime.length ? totalRows('oneTime', totals.oneTimeSubtotalMinor, totals.oneTimeDiscountMinor, totals.oneTimeTaxes, totals.oneTimeTotalMinor) : []),
              ...(pr.monthly.length ? totalRows('monthly', totals.monthlySubtotalMinor, totals.monthlyDiscountMinor, totals.monthlyTaxes, totals.monthlyTotalMinor) : []),
              [contractValueText(tr, pr), fmt.money(totals.contractValueMinor, c)],
            ],
            primary,
            [1],
          ),
        ]),
    ...pr.conversions.map((x) => p(conversionText(x, c, tr), { size: 16, color: '5A606B' })),
    h(t('proposal.terms'), 1),
    ...(pr.text.assumptions ? [h(t('proposal.assumptions'), 3), ...pr.text.assumptions.split('\n').map((l) => p(l))] : []),
    ...(pr.text.exclusions ? [h(t('proposal.exclusions'), 3), ...pr.text.exclusions.split('\n').map((l) => p(l))] : []),
    h(t('proposal.payment'), 3),
    ...(pr.text.paymentTerms ? pr.text.paymentTerms.split('\n').map((l) => p(l)) : []),
    p(contractTermText(tr, pr).join(' ')),
    ...(model.branding.disclaimer ? [p(model.branding.disclaimer, { size: 17, italics: true })] : []),
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: false, keepNext: true, keepLines: true, children: [new TextRun(t('proposal.acceptance'))] }),
    p(acceptanceText(tr, model), { keepNext: true }),
    signatureTable(model.cover.customerShortName, model.cover.partnerName, tr),
  ];
};

const reassessment = (model: ReassessmentReport, tr: Translator): Block[] => {
  const { t } = tr;
  const primary = model.branding.primaryColor;
  const c = model.source.comparison;
  if (!c) return [h(t('compare.title'), 1, true), italicNote(t('reassess.first'))];
  const open = [...model.newFindings, ...model.stillOpen];
  const openText = (f: (typeof open)[number]): string => {
    const title = model.newFindings.includes(f) ? `${f.title} ${t('finding.new')}` : f.title;
    return withWhy(tr, title, f.detail);
  };
  return [
    h(t('reassess.progress'), 1, true),
    ...contextBlocks(model.source, tr),
    p(reassessmentLead(tr, model), { size: 24 }),
    ...scaleBlocks(model.source, primary, tr),
    ...comparisonBlocks(c, primary, tr, false, false),
    h(t('reassess.stillOpen'), 1),
    ...(open.length === 0 ? [italicNote(t('reassess.nothingOpen'))] : open.map((f) => bullet(openText(f), sevPrefix(tr, f.severity)))),
    h(t('reassess.nextSteps'), 1),
    ...roadmapBlocks(model.roadmap, model.source.date, primary, tr, shortRoadmapRows),
    ...aboutBlocks(model, tr),
  ];
};

/** The running head: partner, report and customer, cut so it always fits on one line. */
export const docxHeaderText = (model: ReportModel, tr: Translator = createTranslator(model.locale)): string =>
  `${shortName(model.cover.partnerName, 30)} · ${tr.t(reportKindMessages[model.kind])} · ${shortName(model.cover.customerName, 40)}`;

export const buildReportDocx = async (model: ReportModel): Promise<Buffer> => {
  const tr = createTranslator(model.locale);
  const { t } = tr;
  const { branding } = model;
  const font = branding.font;
  const primary = hex(branding.primaryColor);
  // Word's w:lang on the document defaults: spell checking and screen readers use the report's language.
  const language = { value: documentLanguageTag(model.locale) };
  const body =
    model.kind === 'executive'
      ? executive(model, tr)
      : model.kind === 'technical'
        ? technical(model, tr)
        : model.kind === 'proposal'
          ? proposal(model, tr)
          : reassessment(model, tr);
  const closing: Block[] = [
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    ...(branding.footer ? [p(branding.footer, { size: 17 })] : []),
    p(t('report.closing', { partner: shortName(model.cover.partnerName, 60), generator: model.generator, template: model.templateVersion }), { size: 16, color: '5A606B' }),
  ];
  const doc = new Document({
    creator: shortName(branding.partnerName, 60),
    title: t('report.title', { kind: t(reportKindMessages[model.kind]), customer: model.cover.customerShortName }),
    description: `${model.generator}, report template ${model.templateVersion}`,
    styles: {
      default: {
        document: { run: { font, size: 21, language } },
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
                  // Word fills the page fields in: the words around them come from the catalogue.
                  new TextRun({ children: pageOfParts(tr).map((part) => (part === 'page' ? PageNumber.CURRENT : part === 'total' ? PageNumber.TOTAL_PAGES : part)), size: 16, color: '555555' }),
                ],
              }),
            ],
          }),
        },
        children: [...cover(model, tr), ...body, ...closing],
      },
    ],
  });
  return Packer.toBuffer(doc);
};

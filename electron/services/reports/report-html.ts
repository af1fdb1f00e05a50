import fs from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ReportDocument } from '../../../shared/reports/components/report-document';
import { reportKindMessages, shortName, type ReportModel } from '../../../shared/reports/report-model';
import { documentLanguageTag } from '../../../shared/i18n/locales';
import { createTranslator, pageOfParts, type Translator } from '../../../shared/i18n/translator';
import { reportCss } from '../../../shared/reports/report-styles';
import { fontStacks, type ReportFont } from '../../../shared/reports/branding';

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * The exported document allows nothing active: no script, no network; only its own inline
 * styles, data: images and data: fonts. Even a field that slipped past escaping cannot run.
 */
export const exportedHtmlCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const fontFiles: Record<ReportFont, { regular: string; bold: string } | null> = {
  'DejaVu Sans': { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' },
  'DejaVu Serif': { regular: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf' },
  'Liberation Sans': null,
  Arial: null,
  Georgia: null,
};

const fontDirs = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/Library/Fonts', 'C:\\Windows\\Fonts'];

const fontCache = new Map<string, string | null>();
const fontBase64 = (file: string): string | null => {
  if (fontCache.has(file)) return fontCache.get(file) ?? null;
  let found: string | null = null;
  for (const dir of fontDirs) {
    if (!fs.existsSync(`${dir}/${file}`)) continue;
    found = fs.readFileSync(`${dir}/${file}`).toString('base64');
    break;
  }
  fontCache.set(file, found);
  return found;
};

/** @font-face rules with the font files inlined, so the HTML looks the same on any machine. */
export const embeddedFontCss = (font: ReportFont): string => {
  const files = fontFiles[font];
  if (!files) return '';
  const faces: string[] = [];
  for (const [weight, file] of [
    ['normal', files.regular],
    ['bold', files.bold],
  ] as const) {
    const data = fontBase64(file);
    if (data) faces.push(`@font-face { font-family: '${font}'; font-weight: ${weight}; src: url(data:font/ttf;base64,${data}) format('truetype'); }`);
  }
  return faces.join('\n');
};

export interface HtmlOptions {
  /** Inline the font files (HTML export); Chromium printing a PDF has them installed already. */
  readonly embedFonts: boolean;
}

export const reportTitle = (model: ReportModel, tr: Translator = createTranslator(model.locale)): string =>
  tr.t('report.title', { kind: tr.t(reportKindMessages[model.kind]), customer: model.cover.customerShortName });

/** The complete, self-contained HTML document of a report. */
export const buildReportHtml = (model: ReportModel, options: HtmlOptions): string => {
  const body = renderToStaticMarkup(createElement(ReportDocument, { model }));
  const fonts = options.embedFonts ? embeddedFontCss(model.branding.font) : '';
  return [
    '<!DOCTYPE html>',
    // The report's language, so screen readers and spell checkers read it right.
    `<html lang="${documentLanguageTag(model.locale)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${exportedHtmlCsp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(model.generator)}, report template ${escapeHtml(model.templateVersion)}">`,
    `<title>${escapeHtml(reportTitle(model))}</title>`,
    `<style>${fonts}\n@page { size: A4; }\nhtml, body { margin: 0; }\n${reportCss}</style>`,
    '</head><body>',
    body,
    '</body></html>',
  ].join('\n');
};

/**
 * Chromium's running header and footer (page numbers). They are rendered outside the page, so
 * they carry their own tiny inline styles; every value in them is escaped.
 */
export const pdfHeaderFooter = (model: ReportModel): { headerTemplate: string; footerTemplate: string } => {
  // One line each, whatever the names: cut with "…" here and clipped by the box if a font runs wide.
  const style = `font-family: ${escapeHtml(fontStacks[model.branding.font])}; font-size: 8px; color: #555; width: 100%; padding: 0 14mm; display: flex; justify-content: space-between; gap: 8mm; white-space: nowrap; overflow: hidden;`;
  const span = 'overflow: hidden; text-overflow: ellipsis;';
  const tr = createTranslator(model.locale);
  const left = escapeHtml(`${shortName(model.cover.partnerName, 40)} · ${tr.t(reportKindMessages[model.kind])}`);
  // Chromium fills in the page fields; the wording around them is the catalogue's.
  const pageOf = pageOfParts(tr)
    .map((part) => (part === 'page' ? '<span class="pageNumber"></span>' : part === 'total' ? '<span class="totalPages"></span>' : escapeHtml(part)))
    .join('');
  const right = escapeHtml(shortName(model.cover.customerName, 60));
  const footer = escapeHtml(shortName(model.branding.footer, 110));
  return {
    headerTemplate: `<div style="${style}"><span style="${span}">${left}</span><span style="${span}">${right}</span></div>`,
    footerTemplate: `<div style="${style}"><span style="${span}">${footer}</span><span>${pageOf}</span></div>`,
  };
};

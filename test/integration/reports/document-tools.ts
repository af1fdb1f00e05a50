import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** poppler and LibreOffice, run as a person would, to check what the exports really contain. */

const run = (cmd: string, args: readonly string[], timeout = 120_000) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.error?.message}`);
  return r.stdout;
};

export const pdfPages = (file: string): number => {
  const m = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]));
  if (!m?.[1]) throw new Error('pdfinfo printed no page count');
  return Number(m[1]);
};

/** The PDF's text with runs of white space folded, so wrapped lines still match. */
export const pdfText = (file: string): string => run('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ');

export const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Converts with LibreOffice headless in its own profile (parallel runs would share one otherwise). */
export const docxToPdf = (docx: string, outDir: string): string => {
  const profile = path.join(outDir, 'lo-profile');
  run('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], 180_000);
  const pdf = path.join(outDir, `${path.basename(docx, '.docx')}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error('LibreOffice wrote no PDF');
  return pdf;
};

/** The text of each page, white space folded: page n is [n - 1]. */
export const pdfPageTexts = (file: string): string[] =>
  Array.from({ length: pdfPages(file) }, (_, i) => run('pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), file, '-']).replace(/\s+/g, ' '));

/** One XML part of a DOCX (word/document.xml, word/header1.xml …), as stored. */
export const docxPart = (file: string, part: string): string => run('unzip', ['-p', file, part]);

const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

/** The visible text of a DOCX part: one line per paragraph, runs joined, entities decoded. */
export const docxText = (xml: string): string =>
  xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(lt|gt|quot|apos|amp);/g, (m) => entities[m] ?? m);

/** LibreOffice headless converting a DOCX to another format (docx again, to check what it kept). */
export const docxConvert = (docx: string, outDir: string, format: string): string => {
  const profile = path.join(outDir, 'lo-profile');
  fs.mkdirSync(outDir, { recursive: true });
  run('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, docx], 180_000);
  const out = path.join(outDir, `${path.basename(docx, '.docx')}.${format}`);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice wrote no ${format}`);
  return out;
};

/** RFC 4180 CSV to rows of cells: quoted cells may hold commas, quotes ("") and line breaks. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
};

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

import { z } from 'zod';
import { reportFormats, reportKinds } from './report-model';
import { reportLocaleSchema } from '../i18n/locales';

export const reportKindSchema = z.enum(reportKinds);
export const reportFormatSchema = z.enum(reportFormats);

export const reportExportRecordSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: reportKindSchema,
  format: reportFormatSchema,
  templateVersion: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  fileName: z.string(),
  createdAt: z.string(),
  /** What the export changed from the branding as entered (a colour darkened for contrast), in words. */
  adjustments: z.array(z.string()).default([]),
  /** The language the export was written in (the case's report language at the time). */
  language: reportLocaleSchema.default('en'),
  /** The laptop it was exported on, by its name at the hub; empty before enrolling. */
  exportedOn: z.string().default(''),
  /** Whether this laptop holds the inputs to render it again (an export pulled from another laptop does not). */
  inputsHere: z.boolean().default(true),
});
export type ReportExportRecord = z.infer<typeof reportExportRecordSchema>;

export const reportMimeTypes: Record<z.infer<typeof reportFormatSchema>, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
};

import { z } from 'zod';
import { defineCall } from '../define-call';
import { brandingProfileSchema } from '../../reports/branding';
import { priceBookItemSchema, priceBookSaveSchema } from '../../reports/price-book';
import { proposalSettingsSchema } from '../../reports/proposal-settings';
import { reportExportRecordSchema, reportFormatSchema, reportKindSchema } from '../../reports/report-exports';
import { quantityRuleSchema, reportSourceSchema } from '../../reports/report-source';

const byCase = z.object({ caseId: z.uuid() });

export const reportsCalls = {
  'reports:source': defineCall({
    method: 'getReportSource',
    summary: "Everything a case's reports are built from (for the in-app preview)",
    input: byCase,
    output: z.object({ source: reportSourceSchema, branding: brandingProfileSchema, priceBook: z.array(priceBookItemSchema) }),
  }),
  'reports:export': defineCall({
    method: 'exportReport',
    summary: 'Render a report of a case as PDF, Word, HTML or CSV and record the export; a proposal document prints the saved proposal named by proposalId',
    input: byCase.extend({ kind: reportKindSchema, format: reportFormatSchema, proposalId: z.uuid().optional() }),
    output: z.object({
      fileName: z.string(),
      mime: z.string(),
      base64: z.string(),
      record: reportExportRecordSchema,
      /** The measurements as JSON, to save beside the report (absent when nothing was measured). */
      attachment: z.object({ fileName: z.string(), mime: z.literal('application/json'), text: z.string() }).optional(),
    }),
  }),
  'reports:reproduce': defineCall({
    method: 'reproduceReportExport',
    summary: 'Render a recorded export again from the inputs kept with it; says whether the bytes are identical',
    input: z.object({ exportId: z.uuid() }),
    output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), record: reportExportRecordSchema, sha256: z.string(), identical: z.boolean() }),
  }),
  'reports:listExports': defineCall({
    method: 'listReportExports',
    summary: 'Every export of a case: time, kind, format, template version, SHA-256',
    input: byCase,
    output: z.array(reportExportRecordSchema),
  }),
  'reports:getProposalSettings': defineCall({
    method: 'getProposalSettings',
    summary: "A case's sizing (users, devices, sites) and proposal terms",
    input: byCase,
    output: proposalSettingsSchema,
  }),
  'reports:saveProposalSettings': defineCall({
    method: 'saveProposalSettings',
    summary: "Set a case's sizing and proposal terms",
    input: proposalSettingsSchema,
    output: proposalSettingsSchema,
  }),
  'priceBook:list': defineCall({
    method: 'listPriceBook',
    summary: 'Price book items, by SKU',
    input: z.object({}).strict(),
    output: z.array(priceBookItemSchema),
  }),
  'priceBook:save': defineCall({
    method: 'savePriceBookItem',
    summary: 'Create or edit a price book item',
    input: priceBookSaveSchema,
    output: priceBookItemSchema,
  }),
  'priceBook:bankSkus': defineCall({
    method: 'listQuestionBankSkus',
    summary: "The SKUs the active question bank's findings can propose, and whether each is priced",
    input: z.object({}).strict(),
    output: z.array(z.object({ sku: z.string(), quantityRule: quantityRuleSchema, usedBy: z.array(z.string()), priced: z.boolean() })),
  }),
  'priceBook:delete': defineCall({
    method: 'deletePriceBookItem',
    summary: 'Remove a price book item',
    input: z.object({ id: z.uuid() }),
    output: z.object({ deleted: z.literal(true) }),
  }),
} as const;

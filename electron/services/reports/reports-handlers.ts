import type { reportsCalls } from '../../../shared/contract/calls/reports-calls';
import { bankSkus } from '../../../shared/reports/bank-skus';
import { activeBank } from '../interview/bank-store';
import type { HandlersFor } from '../api/handler-types';
import type { AppServices } from '../app-services';
import { brandingForCase } from './branding-repository';
import { buildReportSource } from './build-report-source';
import { exportReport, reproduceExport } from './export-report';
import { getProposal } from '../proposals/proposals-repository';
import { listExports } from './exports-repository';
import { deletePriceBookItem, listPriceBook, savePriceBookItem } from './price-book-repository';
import { getProposalSettings, saveProposalSettings } from './proposal-settings-repository';

export const reportsHandlers = (services: AppServices): HandlersFor<typeof reportsCalls> => {
  const { db } = services;
  return {
  'reports:source': (input) => ({
    // In the case's report language, as its exports will be.
    source: buildReportSource(services, input.caseId, undefined, getProposalSettings(db, input.caseId).reportLanguage),
    branding: brandingForCase(db, input.caseId), priceBook: listPriceBook(db) }),
  'reports:export': async ({ proposalId, ...input }) => {
    // The saved proposal, when one is named: its own lines, prices, discount and terms are printed.
    const proposal = proposalId === undefined ? undefined : getProposal(db, proposalId);
    const result = await exportReport(services, { ...input, proposal }, services.pdf.printer);
    return {
      fileName: result.record.fileName,
      mime: result.mime,
      base64: Buffer.from(result.bytes).toString('base64'),
      record: result.record,
      ...(result.attachment ? { attachment: result.attachment } : {}),
    };
  },
  'reports:reproduce': async (input) => {
    const result = await reproduceExport(db, input.exportId, services.pdf.printer);
    return { fileName: result.record.fileName, mime: result.mime, base64: Buffer.from(result.bytes).toString('base64'), record: result.record, sha256: result.sha256, identical: result.identical };
  },
  'reports:listExports': (input) => listExports(db, input.caseId),
  'reports:getProposalSettings': (input) => getProposalSettings(db, input.caseId),
  'reports:saveProposalSettings': (input) => saveProposalSettings(db, input),
  'priceBook:list': () => listPriceBook(db),
  'priceBook:save': (input) => savePriceBookItem(db, input),
  'priceBook:bankSkus': () => bankSkus(activeBank(db), listPriceBook(db)),
  'priceBook:delete': (input) => {
    deletePriceBookItem(db, input.id);
    return { deleted: true as const };
  },
};
};

import type { Database } from 'better-sqlite3';
import { reportSourceSchema, type ReportSource } from '../../../shared/reports/report-source';
import { getCase } from '../cases/cases-repository';
import { getProposalSettings } from './proposal-settings-repository';

/**
 * The one place that knows where report data lives. Cases are read here; the interview (scores,
 * findings, answers, recommendations) and probe results are mapped in as those modules land —
 * until then those sections are empty and the reports say so.
 */
export const buildReportSource = (db: Database, caseId: string, date: string = new Date().toISOString().slice(0, 10)): ReportSource => {
  const found = getCase(db, caseId);
  const settings = getProposalSettings(db, caseId);
  return reportSourceSchema.parse({
    caseId: found.id,
    title: found.title,
    customer: { name: found.customerName },
    site: found.siteName ? { name: found.siteName, address: found.siteAddress } : null,
    engineer: found.engineer,
    date,
    contacts: found.contacts.map(({ name, role, email, phone }) => ({ name, role, email, phone })),
    overall: null,
    pillars: [],
    findings: [],
    exceptions: [],
    measurements: [],
    recommendations: [],
    sizing: settings.sizing,
    terms: settings.terms,
  });
};

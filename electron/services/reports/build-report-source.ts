import type { Database } from 'better-sqlite3';
import type { ScoreResult } from '../../../shared/interview/score-types';
import type { ProbeResult } from '../../../shared/probes/probe-schemas';
import { organisationContextQuestionId, reportSourceFrom } from '../../../shared/reports/from-case-data';
import { reportSourceSchema, type ReportSource } from '../../../shared/reports/report-source';
import { ApiFailure } from '../../../shared/contract/result';
import { findCase, getCase } from '../cases/cases-repository';
import { scoreCase } from '../interview/interview-service';
import { getProbeRun, listProbeRuns } from '../probes/probes-repository';
import { customerLogoOfCase } from './branding-repository';
import { getProposalSettings } from './proposal-settings-repository';
import { compareCases } from '../history/compare-service';
import type { Comparison } from '../../../shared/history/compare';
import type { Log } from '../log/logger';
import type { AttachmentSource } from '../../../shared/reports/report-source';
import { bankForCase } from '../interview/bank-store';
import { listEvidence } from '../interview/evidence-store';
import type { BlobStore } from '../at-rest/blob-store';
import { imageSize } from './image-size';
import type { ReportLocale } from '../../../shared/i18n/locales';
import type { QuestionBank } from '../../../shared/interview/bank-schema';
import { localiseBank } from '../../../shared/interview/bank-translations';
import { builtinBankTranslations } from '../interview/builtin-bank';

/** Where a report reads from: the case database and the data folder holding the evidence files. */
export interface ReportStore {
  readonly db: Database;
  readonly dataDir: string;
  readonly log: Log;
  /** Evidence files (encrypted at rest), for thumbnails. */
  readonly blobs: BlobStore;
}

/** Images up to this size go into the report inline; larger ones are listed with their hash like any file. */
export const maxInlineImageBytes = 2 * 1024 * 1024;
const inlineImageTypes = new Set(['image/png', 'image/jpeg']);

/** The case's bank; none when it cannot be read here (not installed yet): the legend then uses the built-in thresholds and the framework appendix says there is no coverage. */
const bankOf = (db: Database, caseId: string, language: ReportLocale) => {
  try {
    const { bank } = bankForCase(db, caseId, { pin: false });
    // The bank's texts in the report's language: its own translations, else the shipped ones, else its default language.
    return localiseBank(bank, language, { ...builtinBankTranslations(bank), ...(bank.translations ?? {}) });
  } catch (error) {
    if (error instanceof ApiFailure && error.code !== 'internal') return undefined;
    throw error;
  }
};

/** The organisation context answer as the engineer typed it (a text answer carries no score, so the score does not list it). */
const contextOf = (db: Database, caseId: string): string => {
  const value = db.prepare('SELECT value FROM answers WHERE case_id = ? AND question_id = ? AND deleted = 0').pluck().get(caseId, organisationContextQuestionId) as string | null | undefined;
  if (!value) return '';
  const parsed: unknown = JSON.parse(value);
  return typeof parsed === 'string' ? parsed.trim() : '';
};

const notesOf = (db: Database, caseId: string): Record<string, string> =>
  Object.fromEntries(
    (db.prepare("SELECT question_id, note FROM answers WHERE case_id = ? AND deleted = 0 AND note != ''").all(caseId) as { question_id: string; note: string }[]).map(
      (r) => [r.question_id, r.note],
    ),
  );

const attachmentsOf = (store: ReportStore, caseId: string): (AttachmentSource & { questionId: string | null })[] =>
  listEvidence(store.db, caseId).map((e) => {
    const base = { questionId: e.questionId, fileName: e.fileName, sha256: e.sha256, mediaType: e.mediaType, sizeBytes: e.sizeBytes, caption: e.caption };
    if (!inlineImageTypes.has(e.mediaType) || e.sizeBytes > maxInlineImageBytes) return { ...base, imageDataUri: '', width: 0, height: 0 };
    const bytes = store.blobs.read(e.sha256);
    // A file still on its way from the hub: the report lists it by name and hash, without the picture.
    if (!bytes) return { ...base, imageDataUri: '', width: 0, height: 0 };
    const size = imageSize(bytes);
    // A file whose bytes are not the image its type claims is listed, not shown.
    if (!size) return { ...base, imageDataUri: '', width: 0, height: 0 };
    return { ...base, imageDataUri: `data:${e.mediaType};base64,${bytes.toString('base64')}`, width: size.width, height: size.height };
  });

/** The interview's score, or none when the case has no interview to score (the report says so). */
const scoreOf = (db: Database, caseId: string, bank: QuestionBank | undefined): ScoreResult | null => {
  try {
    const score = scoreCase(db, caseId, bank);
    // Nothing answered or measured yet: a score of 0 would read as a verdict, so show none.
    return score.pillars.some((p) => p.knownCount > 0) ? score : null;
  } catch (error) {
    if (error instanceof ApiFailure && error.code !== 'internal') return null;
    throw error;
  }
};

/** The newest result of each probe, over all of the case's runs. */
const latestProbeResults = (db: Database, caseId: string): ProbeResult[] => {
  const newest = new Map<string, ProbeResult>();
  const runs = [...listProbeRuns(db, caseId)].reverse();
  for (const run of runs) {
    for (const result of getProbeRun(db, run.id).results) {
      const current = newest.get(result.probeId);
      // A failed rerun does not hide an earlier good measurement.
      if (!current || result.status === 'ok' || current.status !== 'ok') newest.set(result.probeId, result);
    }
  }
  return [...newest.values()];
};

/**
 * The one place that knows where report data lives: the case, the interview's score and
 * findings, the probes' results and the proposal settings, mapped by reportSourceFrom.
 */
/** A re-assessment is reported against the assessment it started from. */
const comparisonWithPrevious = (db: Database, caseId: string, log: Log): Comparison | null => {
  const previous = db.prepare('SELECT previous_case_id FROM cases WHERE id = ?').pluck().get(caseId) as string | null | undefined;
  if (!previous || !findCase(db, previous)) return null;
  return compareCases(db, previous, caseId, log);
};

export const buildReportSource = (store: ReportStore, caseId: string, date: string = new Date().toISOString().slice(0, 10), language: ReportLocale = 'en'): ReportSource => {
  const { db } = store;
  const found = getCase(db, caseId);
  const bank = bankOf(db, caseId, language);
  return reportSourceSchema.parse(
    reportSourceFrom({
      caseId: found.id,
      title: found.title,
      customerName: found.customerName,
      customerLogoDataUri: customerLogoOfCase(db, caseId),
      siteName: found.siteName,
      siteAddress: found.siteAddress,
      engineer: found.engineer,
      contacts: found.contacts,
      date,
      language,
      score: scoreOf(db, caseId, bank),
      probeResults: latestProbeResults(db, caseId),
      settings: getProposalSettings(db, caseId),
      comparison: comparisonWithPrevious(db, caseId, store.log),
      notes: notesOf(db, caseId),
      context: contextOf(db, caseId),
      attachments: attachmentsOf(store, caseId),
      levelThresholds: bank?.levels,
      bank: bank ?? null,
    }),
  );
};

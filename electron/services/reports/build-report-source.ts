import type { Database } from 'better-sqlite3';
import type { ScoreResult } from '../../../shared/interview/score-types';
import type { ProbeResult } from '../../../shared/probes/probe-schemas';
import { reportSourceFrom } from '../../../shared/reports/from-case-data';
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

/** The interview's score, or none when the case has no interview to score (the report says so). */
const scoreOf = (db: Database, caseId: string): ScoreResult | null => {
  try {
    const score = scoreCase(db, caseId);
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

export const buildReportSource = (db: Database, caseId: string, log: Log, date: string = new Date().toISOString().slice(0, 10)): ReportSource => {
  const found = getCase(db, caseId);
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
      score: scoreOf(db, caseId),
      probeResults: latestProbeResults(db, caseId),
      settings: getProposalSettings(db, caseId),
      comparison: comparisonWithPrevious(db, caseId, log),
    }),
  );
};

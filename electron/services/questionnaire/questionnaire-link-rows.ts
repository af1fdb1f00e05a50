import type { Database } from 'better-sqlite3';
import type { Stakeholder } from '../../../shared/interview/bank-schema';
import type { QuestionnaireLink } from '../../../shared/questionnaire/questionnaire-schemas';
import { serviceFailure } from '../../../shared/i18n/service-failure';

/** The laptop's record of its questionnaire hub links (migration 24), read as the status shows them. */

export interface LinkRow {
  id: string;
  questionnaire_id: string;
  stakeholder: Stakeholder;
  url: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  submitted_at: string | null;
  collected_at: string | null;
  answers_payload: string | null;
  kept_question_ids: string;
  import_error: string | null;
}

const stateOf = (row: LinkRow, now: number): QuestionnaireLink['state'] => {
  if (row.collected_at) return 'answered';
  if (row.revoked_at) return 'withdrawn';
  if (Date.parse(row.expires_at) <= now) return 'expired';
  return 'open';
};

export const toLink = (row: LinkRow, now: number): QuestionnaireLink => ({
  id: row.id,
  stakeholder: row.stakeholder,
  url: row.url,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  state: stateOf(row, now),
  collectedAt: row.collected_at,
  keptEngineerAnswers: JSON.parse(row.kept_question_ids) as string[],
  importError: row.import_error,
});

/** A questionnaire's links, newest first. */
export const linksOf = (db: Database, questionnaireId: string): QuestionnaireLink[] => {
  const now = Date.now();
  return (db.prepare('SELECT * FROM questionnaire_links WHERE questionnaire_id = ? ORDER BY created_at DESC, id').all(questionnaireId) as LinkRow[]).map((r) =>
    toLink(r, now),
  );
};

export const linkRow = (db: Database, id: string): LinkRow => {
  const row = db.prepare('SELECT * FROM questionnaire_links WHERE id = ?').get(id) as LinkRow | undefined;
  if (!row) throw serviceFailure('not_found', 'error.questionnaire.linkNotFound');
  return row;
};


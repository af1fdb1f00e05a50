import type { Migration } from './migration';

/**
 * Hub links of pre-visit questionnaires: one row per stakeholder link this laptop published (the
 * hub's link id, the address with its one-time token so the engineer can send it again, the
 * expiry), and what came of it: when it was withdrawn, when the answers were collected, the answers
 * payload as the hub sent it (so "take the customer's answers instead" can apply it later), which
 * engineer answers were kept, and why an import was refused.
 */
export const questionnaireLinks: Migration = {
  version: 24,
  name: 'hub links of pre-visit questionnaires',
  up: (db) => {
    db.exec(`
      CREATE TABLE questionnaire_links (
        id TEXT PRIMARY KEY,
        questionnaire_id TEXT NOT NULL REFERENCES questionnaires (id),
        stakeholder TEXT NOT NULL,
        url TEXT NOT NULL CHECK (url LIKE 'http%'),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT,
        submitted_at TEXT,
        collected_at TEXT,
        answers_payload TEXT,
        kept_question_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(kept_question_ids)),
        import_error TEXT
      ) STRICT;
      CREATE INDEX questionnaire_links_by_questionnaire ON questionnaire_links (questionnaire_id, stakeholder);
    `);
  },
};

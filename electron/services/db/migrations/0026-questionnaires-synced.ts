import type { Migration } from './migration';

/**
 * Questionnaires and what came back sync like the rest of a case, so a colleague (the account
 * manager, the engineer a case is handed to) sees what was sent to whom and what was answered, and
 * the new owner can still check answers files signed with the questionnaire's key. Returns get a
 * row id derived from the answers' sha256 (the same answers are one row everywhere) and their case.
 * Hub links stay on the laptop that published them: they carry the one-time token.
 */
export const questionnairesSynced: Migration = {
  version: 26,
  name: 'questionnaires and their returns sync',
  up: (db) => {
    db.exec(`
      ALTER TABLE questionnaires ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE questionnaires ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1));
      ALTER TABLE questionnaires ADD COLUMN origin_device TEXT NOT NULL DEFAULT '';
      ALTER TABLE questionnaire_returns ADD COLUMN id TEXT;
      ALTER TABLE questionnaire_returns ADD COLUMN case_id TEXT REFERENCES cases (id);
      ALTER TABLE questionnaire_returns ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE questionnaire_returns ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE questionnaire_returns ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1));
      ALTER TABLE questionnaire_returns ADD COLUMN origin_device TEXT NOT NULL DEFAULT '';
      UPDATE questionnaire_returns SET
        id = substr(file_sha256, 1, 8) || '-' || substr(file_sha256, 9, 4) || '-4' || substr(file_sha256, 14, 3) || '-8' || substr(file_sha256, 18, 3) || '-' || substr(file_sha256, 21, 12),
        case_id = (SELECT q.case_id FROM questionnaires q WHERE q.id = questionnaire_id),
        created_at = imported_at;
      CREATE UNIQUE INDEX questionnaire_returns_by_id ON questionnaire_returns (id);
    `);
  },
};

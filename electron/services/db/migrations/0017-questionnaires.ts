import type { Migration } from './migration';

/**
 * Pre-visit questionnaires. `questionnaires`: what the engineer chose to send (stakeholders,
 * question ids, cover message) and the key its answers files are signed with (the key travels inside
 * the form, so it proves a file belongs to this questionnaire and was not altered on the way, not who
 * wrote it). `questionnaire_returns`: every answers file imported, by its sha256, so importing the
 * same file twice changes nothing. `answers.customer_source`: where a customer-provided answer came
 * from (JSON), cleared when the engineer confirms or corrects it. Questionnaires stay on the laptop;
 * the answers they bring in sync like any answer.
 */
export const questionnaires: Migration = {
  version: 17,
  name: 'pre-visit questionnaires and customer-provided answers',
  up: (db) => {
    db.exec(`
      CREATE TABLE questionnaires (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        stakeholders TEXT NOT NULL CHECK (json_valid(stakeholders)),
        question_ids TEXT NOT NULL CHECK (json_valid(question_ids)),
        cover_message TEXT NOT NULL DEFAULT '',
        bank_id TEXT NOT NULL,
        bank_version TEXT NOT NULL,
        signing_key TEXT NOT NULL CHECK (length(signing_key) = 64),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX questionnaires_by_case ON questionnaires (case_id, created_at);
      CREATE TABLE questionnaire_returns (
        file_sha256 TEXT PRIMARY KEY CHECK (length(file_sha256) = 64),
        questionnaire_id TEXT NOT NULL REFERENCES questionnaires (id),
        stakeholder TEXT NOT NULL,
        respondent TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        answer_count INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX questionnaire_returns_by_questionnaire ON questionnaire_returns (questionnaire_id);
      ALTER TABLE answers ADD COLUMN customer_source TEXT CHECK (customer_source IS NULL OR json_valid(customer_source));
    `);
  },
};

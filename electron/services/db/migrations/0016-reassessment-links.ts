import type { Migration } from './migration';

/**
 * Re-assessment: a case can start from an earlier one of the same customer, and answers carried
 * over from it say so until the engineer confirms or changes them.
 */
export const reassessmentLinks: Migration = {
  version: 16,
  name: 'previous case of a re-assessment, carried answers',
  up: (db) => {
    db.exec(`
      ALTER TABLE cases ADD COLUMN previous_case_id TEXT REFERENCES cases (id);
      ALTER TABLE answers ADD COLUMN carried_from_case TEXT REFERENCES cases (id);
      CREATE INDEX cases_by_customer_created ON cases (customer_id, created_at);
      CREATE INDEX cases_by_created_id ON cases (created_at, id);
    `);
  },
};

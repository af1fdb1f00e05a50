import type { Migration } from './migration';

/**
 * The portfolio's two per-case figures kept with the score summary, so sorting 10,000 engagements
 * reads one row per case instead of scanning every answer: the latest HLC of the engineer's work
 * on the case (the case row, contacts, answers, probe runs, exceptions) and how many critical
 * findings no exception covers. The history index keeps both fresh; this fills them in once.
 */
export const portfolioSummary: Migration = {
  version: 28,
  name: 'last work and open critical findings in the case summaries',
  up: (db) => {
    db.exec(`
      ALTER TABLE case_summaries ADD COLUMN last_work TEXT;
      ALTER TABLE case_summaries ADD COLUMN open_critical INTEGER NOT NULL DEFAULT 0 CHECK (open_critical >= 0);
      UPDATE case_summaries SET
        last_work = (
          SELECT max(hlc) FROM (
            SELECT updated_at AS hlc FROM cases WHERE id = case_summaries.case_id
            UNION ALL SELECT max(updated_at) FROM contacts WHERE case_id = case_summaries.case_id
            UNION ALL SELECT max(updated_at) FROM answers WHERE case_id = case_summaries.case_id AND deleted = 0
            UNION ALL SELECT max(updated_at) FROM probe_runs WHERE case_id = case_summaries.case_id
            UNION ALL SELECT max(updated_at) FROM finding_exceptions WHERE case_id = case_summaries.case_id AND deleted = 0
          )
        ),
        open_critical = (
          SELECT count(*) FROM json_each(case_summaries.findings) f
          WHERE json_extract(f.value, '$.severity') = 'critical'
            AND NOT EXISTS (
              SELECT 1 FROM finding_exceptions e
              WHERE e.case_id = case_summaries.case_id AND e.finding_id = json_extract(f.value, '$.id') AND e.deleted = 0)
        );
    `);
  },
};

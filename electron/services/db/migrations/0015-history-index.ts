import type { Migration } from './migration';

/**
 * The history index: an FTS5 document and a score summary per case, so the account manager can
 * search and filter thousands of engagements. Writes stay cheap: triggers only mark a case dirty;
 * the history service rebuilds dirty cases (document, level, pillar scores) before it answers.
 */
/** Which case a changed row belongs to, per table whose rows feed the index. */
const caseOfChangedRow: ReadonlyArray<readonly [table: string, events: readonly string[], caseIds: string]> = [
  ['cases', ['INSERT', 'UPDATE'], 'SELECT NEW.id AS case_id'],
  ['customers', ['UPDATE'], 'SELECT id AS case_id FROM cases WHERE customer_id = NEW.id'],
  ['sites', ['UPDATE'], 'SELECT id AS case_id FROM cases WHERE site_id = NEW.id'],
  ['contacts', ['INSERT', 'UPDATE'], 'SELECT NEW.case_id AS case_id'],
  ['answers', ['INSERT', 'UPDATE'], 'SELECT NEW.case_id AS case_id'],
  ['finding_exceptions', ['INSERT', 'UPDATE'], 'SELECT NEW.case_id AS case_id'],
  ['probe_runs', ['INSERT', 'UPDATE'], 'SELECT NEW.case_id AS case_id'],
  ['probe_results', ['INSERT'], 'SELECT case_id FROM probe_runs WHERE id = NEW.run_id'],
];

const dirtyTriggers = caseOfChangedRow
  .flatMap(([table, events, caseIds]) =>
    events.map(
      (event) =>
        // Not INSERT OR IGNORE: an upsert firing the trigger would impose its own conflict policy.
        `CREATE TRIGGER case_index_on_${table}_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN
           INSERT INTO case_index_dirty (case_id)
             SELECT DISTINCT case_id FROM (${caseIds}) WHERE case_id NOT IN (SELECT case_id FROM case_index_dirty);
         END;`,
    ),
  )
  .join('\n');

export const historyIndex: Migration = {
  version: 15,
  name: 'history search index and case summaries',
  up: (db) => {
    db.exec(`
      -- rowid of a document = rowid of its case.
      CREATE VIRTUAL TABLE case_search USING fts5(
        customer, site, title, engineer, people, notes, findings,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );

      CREATE TABLE case_summaries (
        case_id TEXT PRIMARY KEY REFERENCES cases (id),
        level TEXT,
        readiness_index REAL,
        confidence REAL,
        pillar_scores TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(pillar_scores)),
        findings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(findings)),
        metrics TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metrics)),
        answered INTEGER NOT NULL DEFAULT 0,
        refreshed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_summaries_by_level ON case_summaries (level);

      CREATE TABLE case_index_dirty (case_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

      ${dirtyTriggers}

      INSERT OR IGNORE INTO case_index_dirty (case_id) SELECT id FROM cases;
    `);
  },
};

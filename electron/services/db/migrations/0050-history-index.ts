import type { Migration } from './migration';

/**
 * The history index: an FTS5 document and a score summary per case, so the account manager can
 * search and filter thousands of engagements. Writes stay cheap: triggers only mark a case dirty;
 * the history service rebuilds dirty cases (document, level, pillar scores) before it answers.
 */
export const historyIndex: Migration = {
  version: 50,
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

      CREATE TRIGGER case_index_on_case_insert AFTER INSERT ON cases BEGIN
        INSERT OR IGNORE INTO case_index_dirty (case_id) VALUES (NEW.id);
      END;
      CREATE TRIGGER case_index_on_case_update AFTER UPDATE ON cases BEGIN
        INSERT OR IGNORE INTO case_index_dirty (case_id) VALUES (NEW.id);
      END;
      CREATE TRIGGER case_index_on_customer_update AFTER UPDATE ON customers BEGIN
        INSERT OR IGNORE INTO case_index_dirty (case_id) SELECT id FROM cases WHERE customer_id = NEW.id;
      END;
      CREATE TRIGGER case_index_on_site_update AFTER UPDATE ON sites BEGIN
        INSERT OR IGNORE INTO case_index_dirty (case_id) SELECT id FROM cases WHERE site_id = NEW.id;
      END;
      CREATE TRIGGER case_index_on_contact_insert AFTER INSERT ON contacts BEGIN
        INSERT OR IGNORE INTO case_index_dirty (case_id) VALUES (NEW.case_id);
      END;
      CREATE TRIGGER case_index_on_contact_update AFTER UPDATE ON contacts BEGIN
        INSERT OR IGNORE INTO case_index_dirty (case_id) VALUES (NEW.case_id);
      END;
      CREATE TRIGGER case_index_on_answer_insert AFTER INSERT ON answers BEGIN
        INSERT OR IGNORE INTO case_index_dirty (case_id) VALUES (NEW.case_id);
      END;
      CREATE TRIGGER case_index_on_answer_update AFTER UPDATE ON answers BEGIN
        INSERT OR IGNORE INTO case_index_dirty (case_id) VALUES (NEW.case_id);
      END;
      CREATE TRIGGER case_index_on_exception_insert AFTER INSERT ON finding_exceptions BEGIN
        INSERT OR IGNORE INTO case_index_dirty (case_id) VALUES (NEW.case_id);
      END;
      CREATE TRIGGER case_index_on_exception_update AFTER UPDATE ON finding_exceptions BEGIN
        INSERT OR IGNORE INTO case_index_dirty (case_id) VALUES (NEW.case_id);
      END;
      CREATE TRIGGER case_index_on_probe_run_insert AFTER INSERT ON probe_runs BEGIN
        INSERT OR IGNORE INTO case_index_dirty (case_id) VALUES (NEW.case_id);
      END;
      CREATE TRIGGER case_index_on_probe_run_update AFTER UPDATE ON probe_runs BEGIN
        INSERT OR IGNORE INTO case_index_dirty (case_id) VALUES (NEW.case_id);
      END;
      CREATE TRIGGER case_index_on_probe_result_insert AFTER INSERT ON probe_results BEGIN
        INSERT OR IGNORE INTO case_index_dirty (case_id) SELECT case_id FROM probe_runs WHERE id = NEW.run_id;
      END;

      INSERT OR IGNORE INTO case_index_dirty (case_id) SELECT id FROM cases;
    `);
  },
};

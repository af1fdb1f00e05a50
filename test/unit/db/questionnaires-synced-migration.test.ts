import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { returnIdOf } from '../../../electron/services/questionnaire/import-answers';
import { tempDir } from '../../support/temp-dir';

describe('migration 26: questionnaires and their returns sync', () => {
  it('gives existing returns the id every laptop derives from their sha256, and their case', () => {
    const file = path.join(tempDir(), 'm26.sqlite');
    const old = openDatabase(file, { targetVersion: 25 });
    const std = "'2026-01-01', '0000000000001-00000-d', 'd'";
    old.exec(`INSERT INTO customers (id, name, created_at, updated_at, origin_device) VALUES ('cu', 'Acme', ${std})`);
    old.exec(`INSERT INTO cases (id, customer_id, created_at, updated_at, origin_device) VALUES ('c1', 'cu', ${std})`);
    old.exec(
      `INSERT INTO questionnaires (id, case_id, stakeholders, question_ids, bank_id, bank_version, signing_key, created_at) VALUES ('q1', 'c1', '["it_lead"]', '[]', 'b', '1', '${'0'.repeat(64)}', 'now')`,
    );
    const sha = 'ab'.repeat(32);
    old.exec(`INSERT INTO questionnaire_returns (file_sha256, questionnaire_id, stakeholder, respondent, submitted_at, imported_at, answer_count) VALUES ('${sha}', 'q1', 'it_lead', 'Priya', 's', 'i', 2)`);
    old.close();
    const db = openDatabase(file, { targetVersion: 26 });
    expect(schemaVersionOf(db)).toBe(26);
    // abababab-abab-4bab-8bab-abababababab: the JS and the SQL derivations agree.
    expect(db.prepare('SELECT id, case_id, created_at, deleted FROM questionnaire_returns').get()).toEqual({ id: returnIdOf(sha), case_id: 'c1', created_at: 'i', deleted: 0 });
    expect(returnIdOf(sha)).toBe('abababab-abab-4bab-8bab-abababababab');
    expect(db.prepare("SELECT deleted, origin_device FROM questionnaires WHERE id = 'q1'").get()).toEqual({ deleted: 0, origin_device: '' });
    // One row per id.
    expect(() =>
      db.exec(`INSERT INTO questionnaire_returns (file_sha256, id, questionnaire_id, stakeholder, respondent, submitted_at, imported_at, answer_count) VALUES ('${'cd'.repeat(32)}', '${returnIdOf(sha)}', 'q1', 'it_lead', 'P', 's', 'i', 1)`),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});

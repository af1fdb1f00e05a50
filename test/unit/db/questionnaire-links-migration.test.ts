import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { tempDir } from '../../support/temp-dir';

describe('migration 24: hub links of pre-visit questionnaires', () => {
  it('keeps each link with its questionnaire, an http(s) address and a JSON list of kept answers', () => {
    const file = path.join(tempDir(), 'm24.sqlite');
    openDatabase(file, { targetVersion: 23 }).close();
    const db = openDatabase(file, { targetVersion: 24 });
    expect(schemaVersionOf(db)).toBe(24);
    const std = "'2026-01-01', '0000000000001-00000-d', 'd'";
    db.exec(`INSERT INTO customers (id, name, created_at, updated_at, origin_device) VALUES ('cu', 'Acme', ${std})`);
    db.exec(`INSERT INTO cases (id, customer_id, created_at, updated_at, origin_device) VALUES ('c1', 'cu', ${std})`);
    db.exec(
      `INSERT INTO questionnaires (id, case_id, stakeholders, question_ids, bank_id, bank_version, signing_key, created_at) VALUES ('q1', 'c1', '["it_lead"]', '[]', 'b', '1', '${'0'.repeat(64)}', 'now')`,
    );
    const insert = db.prepare("INSERT INTO questionnaire_links (id, questionnaire_id, stakeholder, url, created_at, expires_at) VALUES (?, ?, 'it_lead', ?, 'now', 'later')");
    insert.run('l1', 'q1', 'https://hub.example/q/abc');
    expect(db.prepare("SELECT kept_question_ids, collected_at, import_error FROM questionnaire_links WHERE id = 'l1'").get()).toEqual({
      kept_question_ids: '[]',
      collected_at: null,
      import_error: null,
    });
    expect(() => insert.run('l2', 'q1', 'javascript:alert(1)')).toThrow(/CHECK/);
    expect(() => insert.run('l3', 'nope', 'https://hub.example/q/def')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE questionnaire_links SET kept_question_ids = 'not json' WHERE id = 'l1'").run()).toThrow(/CHECK/);
    db.close();
  });
});

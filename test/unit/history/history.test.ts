import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { openTestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { answerAll } from '../../support/answer-all';

describe('migration 15: history index', () => {
  it('creates the search table, summaries and dirty marks, and marks existing cases', () => {
    const file = path.join(tempDir(), 'h.sqlite');
    const db = openDatabase(file, { targetVersion: 14 });
    db.prepare("INSERT INTO device (singleton, device_id, created_at) VALUES (1, 'd', 'x')").run();
    db.prepare("INSERT INTO customers (id, name, created_at, updated_at, origin_device) VALUES ('c', 'Acme', 'x', 'y', 'd')").run();
    db.prepare("INSERT INTO cases (id, customer_id, created_at, updated_at, origin_device) VALUES ('k', 'c', 'x', 'y', 'd')").run();
    db.close();
    const migrated = openDatabase(file, { targetVersion: 15 });
    expect(schemaVersionOf(migrated)).toBe(15);
    expect(migrated.prepare('SELECT case_id FROM case_index_dirty').pluck().all()).toEqual(['k']);
    migrated.prepare("UPDATE customers SET name = 'Acme Ltd' WHERE id = 'c'").run();
    migrated.prepare('DELETE FROM case_index_dirty').run();
    migrated.prepare("UPDATE customers SET name = 'Acme plc' WHERE id = 'c'").run();
    expect(migrated.prepare('SELECT case_id FROM case_index_dirty').pluck().all()).toEqual(['k']);
    // An upsert on a watched table marks its case once, whatever conflict policy it carries.
    const upsert = migrated.prepare(
      `INSERT INTO answers (id, case_id, question_id, value, created_at, updated_at, origin_device) VALUES ('a', 'k', 'q', '1', 'x', 'y', 'd')
       ON CONFLICT (id) DO UPDATE SET value = excluded.value`,
    );
    upsert.run();
    upsert.run();
    expect(migrated.prepare('SELECT case_id FROM case_index_dirty').pluck().all()).toEqual(['k']);
    migrated.close();
  });
});

describe('migration 16: re-assessment links', () => {
  it('adds the previous case and the carried-from columns', () => {
    const db = openDatabase(path.join(tempDir(), 'r.sqlite'), { targetVersion: 16 });
    const caseColumns = db.prepare("SELECT name FROM pragma_table_info('cases')").pluck().all();
    const answerColumns = db.prepare("SELECT name FROM pragma_table_info('answers')").pluck().all();
    expect(caseColumns).toContain('previous_case_id');
    expect(answerColumns).toContain('carried_from_case');
    db.close();
  });
});

describe('history search', () => {
  it('finds cases by customer, site, contact and note text, as prefixes, accents folded', async () => {
    const { api, services } = openTestServices();
    const a = await api.createCase({ customerName: 'Müller Logistik GmbH', siteName: 'Hamburg depot', contacts: [{ name: 'Priya Shah' }] });
    await api.createCase({ customerName: 'Northwind Traders', siteName: 'Leeds' });
    const find = async (text: string) => (await api.searchHistory({ text })).rows.map((r) => r.id);
    expect(await find('muller')).toEqual([a.id]);
    expect(await find('hamb')).toEqual([a.id]);
    expect(await find('priya')).toEqual([a.id]);
    expect(await find('"; DROP TABLE cases; --')).toEqual([]);
    expect(await find('NEAR(x y)')).toEqual([]);
    expect((await api.searchHistory({ text: '' })).total).toBe(2);
    await api.answerQuestion({ caseId: a.id, questionId: 'strategy.user_count', value: 40 });
    await api.setAnswerNote({ caseId: a.id, questionId: 'strategy.user_count', note: 'Forklift tablets share accounts' });
    expect(await find('forklift')).toEqual([a.id]);
    services.close();
  });

  it('reflects edits: a renamed customer is found by its new name only', async () => {
    const { api, services } = openTestServices();
    const c = await api.createCase({ customerName: 'Old Name Ltd' });
    expect((await api.searchHistory({ text: 'old' })).total).toBe(1);
    await api.updateCase({ id: c.id, customerName: 'Fresh Name Ltd' });
    expect((await api.searchHistory({ text: 'old' })).total).toBe(0);
    expect((await api.searchHistory({ text: 'fresh' })).total).toBe(1);
    services.close();
  });

  it('filters by engineer, status, date, archive and pages through results', async () => {
    const { api, services } = openTestServices();
    for (let i = 0; i < 25; i += 1) {
      await api.createCase({ customerName: `Customer ${String(i).padStart(2, '0')}`, engineer: i % 2 ? 'Sam' : 'Alex' });
    }
    expect((await api.searchHistory({ engineer: 'sam' })).total).toBe(12);
    const first = await api.searchHistory({ sort: 'customer_asc', limit: 10 });
    const second = await api.searchHistory({ sort: 'customer_asc', limit: 10, offset: 10 });
    expect(first.total).toBe(25);
    expect(first.rows[0]?.customerName).toBe('Customer 00');
    expect(second.rows[0]?.customerName).toBe('Customer 10');
    const today = new Date().toISOString().slice(0, 10);
    expect((await api.searchHistory({ from: today, to: today })).total).toBe(25);
    expect((await api.searchHistory({ to: '2000-01-01' })).total).toBe(0);
    const some = first.rows[0]?.id as string;
    await api.updateCase({ id: some, status: 'in_progress' });
    expect((await api.searchHistory({ statuses: ['in_progress'] })).rows.map((r) => r.id)).toEqual([some]);
    await api.archiveCase({ id: some, archived: true });
    expect((await api.searchHistory({ includeArchived: false })).total).toBe(24);
    await expect(api.searchHistory({ from: 'yesterday' })).rejects.toMatchObject({ code: 'validation' });
    services.close();
  });

  it('filters by level and by a pillar score below a threshold', async () => {
    const { api, services } = openTestServices();
    const strong = await api.createCase({ customerName: 'Strong Co' });
    const weak = await api.createCase({ customerName: 'Weak Co' });
    await api.createCase({ customerName: 'Not interviewed' });
    await answerAll(api, strong.id, true);
    await answerAll(api, weak.id, false);
    const rows = (await api.searchHistory({})).rows;
    const levelOf = (id: string) => rows.find((r) => r.id === id)?.level;
    expect(levelOf(strong.id)).toBe('pacesetter');
    expect(levelOf(weak.id)).toBe('laggard');
    expect((await api.searchHistory({ levels: ['laggard'] })).rows.map((r) => r.id)).toEqual([weak.id]);
    expect((await api.searchHistory({ pillarBelow: { pillarId: 'network', score: 50 } })).rows.map((r) => r.id)).toEqual([weak.id]);
    const byIndex = await api.searchHistory({ sort: 'index_desc' });
    expect(byIndex.rows.map((r) => r.customerName)).toEqual(['Strong Co', 'Weak Co', 'Not interviewed']);
    services.close();
  });
});

describe('timeline, compare and re-assess', () => {
  it('re-assesses: customer, site, contacts and facts carried; scored answers asked afresh', async () => {
    const { api, services } = openTestServices();
    const first = await api.createCase({ customerName: 'Acme', siteName: 'HQ', engineer: 'Sam', contacts: [{ name: 'Ana' }] });
    await api.answerQuestion({ caseId: first.id, questionId: 'strategy.user_count', value: 120 });
    await answerAll(api, first.id, false);
    const second = await api.reassessCase({ previousCaseId: first.id });
    expect(second).toMatchObject({ customerId: first.customerId, siteId: first.siteId, engineer: 'Sam' });
    expect(second.contacts.map((c) => c.name)).toEqual(['Ana']);
    const carried = await api.listCarriedAnswers({ caseId: second.id });
    expect(carried).toContain('strategy.user_count');
    const answers = await api.listAnswers({ caseId: second.id });
    const scoredCarried = answers.answers.filter((a) => a.answered && !carried.includes(a.questionId));
    expect(scoredCarried).toEqual([]);
    // Answering a carried question confirms it: it is no longer marked as carried.
    await api.answerQuestion({ caseId: second.id, questionId: 'strategy.user_count', value: 130 });
    expect(await api.listCarriedAnswers({ caseId: second.id })).not.toContain('strategy.user_count');
    const timeline = await api.getCustomerTimeline({ customerId: first.customerId });
    expect(timeline.assessments.map((a) => a.id)).toEqual([first.id, second.id]);
    expect(timeline.assessments[1]?.previousCaseId).toBe(first.id);
    services.close();
  });

  it('compares two assessments: pillar deltas, findings resolved, new and still open', async () => {
    const { api, services } = openTestServices();
    const before = await api.createCase({ customerName: 'Acme' });
    await answerAll(api, before.id, false);
    const after = await api.reassessCase({ previousCaseId: before.id });
    await answerAll(api, after.id, true);
    const comparison = await api.compareAssessments({ firstCaseId: after.id, secondCaseId: before.id });
    expect(comparison.before.caseId).toBe(before.id);
    expect(comparison.indexDelta).toBeGreaterThan(50);
    expect(comparison.pillars.every((p) => (p.delta ?? 0) > 0)).toBe(true);
    expect(comparison.findings.resolved.length).toBeGreaterThan(0);
    expect(comparison.findings.new).toEqual([]);
    const other = await api.createCase({ customerName: 'Someone else' });
    await expect(api.compareAssessments({ firstCaseId: before.id, secondCaseId: other.id })).rejects.toThrow(/same customer/);
    services.close();
  });
});

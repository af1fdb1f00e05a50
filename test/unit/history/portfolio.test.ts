import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { parseCsv } from '../../integration/reports/document-tools';
import { answerAll } from '../../support/answer-all';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { setAppLanguage } from '../../../electron/services/db/app-language';

/**
 * Three engagements: a weak one with a sent proposal (critical findings), a strong one, one not
 * started; and another engineer's case, as pulled from the hub (owned by another laptop).
 */
const desk = async (t: TestServices) => {
  const { api, services } = t;
  const weak = await api.createCase({ customerName: 'Northwind Traders', siteName: 'Leeds', engineer: 'Sam Field', title: 'AI readiness 2026' });
  await answerAll(api, weak.id, false);
  const strong = await api.createCase({ customerName: 'Contoso Dental', siteName: 'HQ', engineer: 'Ada Moss', title: 'AI readiness 2026' });
  await answerAll(api, strong.id, true);
  const fresh = await api.createCase({ customerName: 'Fabrikam 100% Foods', engineer: 'Sam Field', title: 'First visit' });
  const partner = await api.createCase({ customerName: 'Woodgrove Bank', engineer: 'Bo Lind', title: 'AI readiness 2025' });
  await answerAll(api, partner.id, false);
  services.db.prepare("UPDATE cases SET owner_device = 'bo-hub-id', owner_name = 'bo-laptop' WHERE id = ?").run(partner.id);
  // Every SKU the findings can ask for is priced, one-time and monthly alike, so the proposal has a value.
  for (const [i, { sku }] of (await api.listQuestionBankSkus({})).entries()) {
    await api.savePriceBookItem({ sku, description: `Work for ${sku}`, unitPriceMinor: 15_000 + i, currency: 'EUR', recurring: i % 2 === 1, quantityRule: 'fixed' });
  }
  const proposal = await api.createProposal({ caseId: weak.id });
  await api.updateProposal({ id: proposal.id, discountBasisPoints: 1250 });
  const sent = await api.updateProposal({ id: proposal.id, status: 'sent' });
  return { weak, strong, fresh, partner, sent };
};

describe('history:portfolio', () => {
  it('lists every engagement with engineer, level, confidence, open critical findings, proposal and last activity', async () => {
    const t = openTestServices();
    const { api } = t;
    const { weak, strong, fresh, partner, sent } = await desk(t);
    const page = await api.getPortfolio({});
    expect(page.total).toBe(4);
    const byId = new Map(page.rows.map((r) => [r.caseId, r]));
    const weakScore = await api.getCaseScore({ caseId: weak.id });
    const weakRow = byId.get(weak.id)!;
    expect(weakRow).toMatchObject({ customerName: 'Northwind Traders', siteName: 'Leeds', engineer: 'Sam Field', level: weakScore.level, partner: false });
    expect(weakRow.confidence).toBeCloseTo(weakScore.confidence, 3);
    const critical = weakScore.findings.filter((f) => f.severity === 'critical' && !f.exception);
    expect(critical.length).toBeGreaterThan(0);
    expect(weakRow.openCritical).toBe(critical.length);
    // The value is the proposal's own figure after the discount, not recomputed differently.
    expect(sent.oneTimeMinor + sent.monthlyMinor).toBeGreaterThan(0);
    expect(weakRow.proposal).toEqual({ status: 'sent', currency: sent.currency, oneTimeMinor: sent.oneTimeMinor, monthlyMinor: sent.monthlyMinor, count: 1 });
    expect(byId.get(strong.id)?.openCritical).toBe(0);
    expect(byId.get(strong.id)?.proposal).toBeNull();
    expect(byId.get(fresh.id)).toMatchObject({ level: null, confidence: null, openCritical: 0, proposal: null });
    expect(byId.get(partner.id)).toMatchObject({ partner: true, ownerName: 'bo-laptop', engineer: 'Bo Lind' });
    for (const row of page.rows) expect(Number.isNaN(Date.parse(row.lastActivity))).toBe(false);
    expect(page.engineers).toEqual(['Ada Moss', 'Bo Lind', 'Sam Field']);

    // An exception takes a critical finding off the list; the report still shows it.
    await api.addFindingException({ caseId: weak.id, findingId: critical[0]!.id, compensatingControl: 'Offline backups', reason: 'Signed off by the CFO' });
    expect((await api.getPortfolio({})).rows.find((r) => r.caseId === weak.id)?.openCritical).toBe(critical.length - 1);
    t.services.close();
  });

  it('sorts by every column both ways, rows without a value last, and pages without repeats', async () => {
    const t = openTestServices();
    const { api } = t;
    const { weak, strong, fresh, partner } = await desk(t);
    const order = async (sort: Parameters<typeof api.getPortfolio>[0]['sort'], direction: 'asc' | 'desc') =>
      (await api.getPortfolio({ sort, direction })).rows.map((r) => r.caseId);
    expect(await order('customer', 'asc')).toEqual([strong.id, fresh.id, weak.id, partner.id]);
    expect(await order('customer', 'desc')).toEqual([partner.id, weak.id, fresh.id, strong.id]);
    expect((await order('openCritical', 'desc')).slice(2)).toEqual([strong.id, fresh.id]);
    expect((await order('proposalStatus', 'asc'))[0]).toBe(weak.id);
    expect((await order('proposalValue', 'desc'))[0]).toBe(weak.id);
    // The case never scored is last whichever way the level is sorted.
    expect((await order('level', 'asc')).at(-1)).toBe(fresh.id);
    expect((await order('level', 'desc')).at(-1)).toBe(fresh.id);
    expect((await order('level', 'desc'))[0]).toBe(strong.id);
    expect((await order('confidence', 'asc')).at(-1)).toBe(fresh.id);
    expect((await order('engineer', 'asc'))[0]).toBe(strong.id);

    // A comment is activity: the commented case comes first by last activity.
    await api.addComment({ caseId: strong.id, body: 'Ready for the roadmap call.' });
    expect((await order('lastActivity', 'desc'))[0]).toBe(strong.id);
    await api.answerQuestion({ caseId: fresh.id, questionId: 'strategy.user_count', value: 12 });
    expect((await order('lastActivity', 'desc'))[0]).toBe(fresh.id);

    const seen: string[] = [];
    for (let offset = 0; offset < 4; offset += 1) {
      const one = await api.getPortfolio({ sort: 'openCritical', offset, limit: 1 });
      expect(one.total).toBe(4);
      seen.push(...one.rows.map((r) => r.caseId));
    }
    expect(new Set(seen).size).toBe(4);
    t.services.close();
  });

  it('filters by text, engineer, mine / partner, level, proposal and open critical findings', async () => {
    const t = openTestServices();
    const { api } = t;
    const { weak, strong, fresh, partner } = await desk(t);
    const ids = async (filter: Parameters<typeof api.getPortfolio>[0]) => (await api.getPortfolio(filter)).rows.map((r) => r.caseId).sort();
    expect(await ids({ text: '100%' })).toEqual([fresh.id]);
    expect(await ids({ text: '%' })).toEqual([fresh.id]);
    expect(await ids({ text: 'leeds' })).toEqual([weak.id]);
    expect(await ids({ engineer: 'sam field' })).toEqual([weak.id, fresh.id].sort());
    expect(await ids({ ownership: 'partner' })).toEqual([partner.id]);
    expect(await ids({ ownership: 'mine' })).toEqual([weak.id, strong.id, fresh.id].sort());
    expect(await ids({ proposals: ['sent'] })).toEqual([weak.id]);
    expect(await ids({ proposals: ['none'] })).toEqual([strong.id, fresh.id, partner.id].sort());
    expect(await ids({ proposals: ['none', 'sent'] })).toHaveLength(4);
    expect(await ids({ proposals: ['draft'] })).toEqual([]);
    expect(await ids({ openCriticalOnly: true })).toEqual([weak.id, partner.id].sort());
    const strongLevel = (await api.getCaseScore({ caseId: strong.id })).level;
    expect(await ids({ levels: [strongLevel] })).toEqual([strong.id]);
    const counted = await api.getPortfolio({ proposals: ['none'], limit: 1 });
    expect(counted.total).toBe(3);
    expect(counted.rows).toHaveLength(1);
    t.services.close();
  });

  it('counts customers by level once each, at their latest scored assessment, across engineers', async () => {
    const t = openTestServices();
    const { api, services } = t;
    const { strong } = await desk(t);
    // Contoso Dental was assessed again by another engineer: its newer, weaker level counts.
    const again = await api.createCase({ customerName: 'Contoso Dental', engineer: 'Bo Lind', title: 'AI readiness 2027' });
    await answerAll(api, again.id, false);
    services.db.prepare("UPDATE cases SET created_at = '2999-01-01T00:00:00.000Z' WHERE id = ?").run(again.id);
    const chart = await api.getCustomersByLevel({});
    expect(chart.customers).toBe(4);
    expect(chart.unscored).toBe(1);
    expect(chart.levels.map((l) => l.level)).toEqual(['pacesetter', 'chaser', 'follower', 'laggard']);
    expect(chart.levels.reduce((s, l) => s + l.customers, 0)).toBe(3);
    const weakLevel = (await api.getCaseScore({ caseId: again.id })).level;
    const strongLevel = (await api.getCaseScore({ caseId: strong.id })).level;
    expect(weakLevel).not.toBe(strongLevel);
    expect(chart.levels.find((l) => l.level === weakLevel)?.customers).toBe(3);
    expect((await api.getCustomersByLevel({ ownership: 'partner' })).customers).toBe(1);
    t.services.close();
  });
});

describe('history:portfolio-csv', () => {
  const hostile = [
    '=HYPERLINK("http://evil.example","click")',
    '+SUM(A1:A9)',
    '-2+3',
    '@cmd|calc',
    '<script>alert(1)</script>',
    'شركة الأمل للتجارة',
    `Long ${'x'.repeat(4_995)}`,
  ];

  it('exports the filtered, sorted portfolio; hostile names stay text and come back intact', async () => {
    const t = openTestServices();
    const { api } = t;
    await desk(t);
    for (const name of hostile) await api.createCase({ customerName: name, engineer: '=cmd()', title: 'Visit, "quoted"\nsecond line' });
    const csv = await api.exportPortfolioCsv({ sort: 'customer', direction: 'asc' });
    expect(csv.mime).toBe('text/csv');
    expect(csv.fileName).toMatch(/^portfolio-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.rows).toBe(4 + hostile.length);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(csv.text.slice(1));
    expect(header).toEqual([
      'Customer', 'Site', 'Assessment', 'Engineer', 'Owner’s laptop', 'Case status', 'Level', 'Readiness index', 'Confidence (%)',
      'Open critical findings', 'Proposal', 'One-time value', 'Monthly value', 'Currency', 'Last activity (UTC)',
    ]);
    expect(rows).toHaveLength(csv.rows);
    const page = await api.getPortfolio({ sort: 'customer', direction: 'asc', limit: 500 });
    expect(rows.map((r) => r[0]?.replace(/^'/, ''))).toEqual(page.rows.map((r) => r.customerName));
    // Every cell that a spreadsheet would run starts with an apostrophe; the rest of it is the name.
    for (const row of rows) {
      for (const cell of row) {
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(cell).not.toMatch(/\b(null|undefined|NaN)\b|^-1$/);
      }
    }
    const names = rows.map((r) => r[0]);
    expect(names).toContain(`'${hostile[0]}`);
    expect(names).toContain(`'${hostile[2]}`);
    expect(names).toContain(hostile[4]);
    expect(names).toContain(hostile[5]);
    expect(names).toContain(hostile[6]);
    const hostileRow = rows.find((r) => r[0] === hostile[4])!;
    expect(hostileRow[2]).toBe('Visit, "quoted"\nsecond line');
    expect(hostileRow[3]).toBe("'=cmd()");
    const northwind = rows.find((r) => r[0] === 'Northwind Traders')!;
    expect(northwind[10]).toBe('Sent');
    expect(Number(northwind[9])).toBeGreaterThan(0);
    expect(northwind[11]).toMatch(/^\d+\.\d{2}$/);
    expect(northwind[14]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    // Filters apply to the export as to the screen.
    const sent = await api.exportPortfolioCsv({ proposals: ['sent'] });
    expect(sent.rows).toBe(1);
    t.services.close();
  });

  it('writes headers and words in the app language', async () => {
    const t = openTestServices();
    await desk(t);
    setAppLanguage(t.services.db, 'fr-CA');
    const [header, ...rows] = parseCsv((await t.api.exportPortfolioCsv({ proposals: ['sent'] })).text.slice(1));
    expect(header?.[0]).toBe('Client');
    expect(header?.[2]).toBe('Évaluation');
    expect(rows[0]?.[10]).toBe('Envoyée');
    t.services.close();
  });
});

describe('migration 28: portfolio figures in the case summaries', () => {
  it('fills last work and open critical findings for cases already indexed', () => {
    const file = path.join(tempDir(), 'p.sqlite');
    const db = openDatabase(file, { targetVersion: 27 });
    db.prepare("INSERT INTO device (singleton, device_id, created_at) VALUES (1, 'd', 'x')").run();
    db.prepare("INSERT INTO customers (id, name, created_at, updated_at, origin_device) VALUES ('c', 'Acme', 'x', '0001700000000000-0000-d', 'd')").run();
    db.prepare("INSERT INTO cases (id, customer_id, created_at, updated_at, origin_device) VALUES ('k', 'c', 'x', '0001700000000000-0000-d', 'd')").run();
    db.prepare(
      "INSERT INTO answers (id, case_id, question_id, value, created_at, updated_at, origin_device) VALUES ('a', 'k', 'q', '1', 'x', '0001700000009999-0000-d', 'd')",
    ).run();
    const findings = JSON.stringify([
      { id: 'f1', title: 'No backups', severity: 'critical' },
      { id: 'f2', title: 'No MFA', severity: 'critical' },
      { id: 'f3', title: 'Old firmware', severity: 'high' },
    ]);
    db.prepare("INSERT INTO case_summaries (case_id, findings, refreshed_at) VALUES ('k', ?, 'x')").run(findings);
    db.prepare(
      "INSERT INTO finding_exceptions (id, case_id, finding_id, compensating_control, reason, created_at, updated_at, origin_device) VALUES ('e', 'k', 'f2', 'c', 'r', 'x', '0001700000000001-0000-d', 'd')",
    ).run();
    db.close();
    const migrated = openDatabase(file, { targetVersion: 28 });
    expect(schemaVersionOf(migrated)).toBe(28);
    expect(migrated.prepare("SELECT last_work, open_critical FROM case_summaries WHERE case_id = 'k'").get()).toEqual({
      last_work: '0001700000009999-0000-d',
      open_critical: 1,
    });
    migrated.close();
  });
});

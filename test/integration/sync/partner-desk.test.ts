import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubStore } from '../../../hub/store/hub-store';
import { openHubStore } from '../../../hub/store/open-hub-store';
import { nextTimestamp } from '../../../electron/services/db/device-clock';
import { appendMutation } from '../../../electron/services/db/outbox';
import { tuneSync } from '../../../electron/services/sync/sync-services';
import { useHubStores } from '../../support/hub-stores';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../../support/hub-process';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { answerEverything, recordProbeRun } from '../reports/full-case';
import { docxPart, docxText, fold } from '../reports/document-tools';

const stores = useHubStores();
const fastRetry = { retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 } };
const evidenceBytes = Buffer.from('photo of the comms cabinet, taken on site');

/** What an engineer's case reads like, through the same calls every screen uses. */
const readCase = async (t: TestServices, caseId: string) => {
  const runs = await t.api.listProbeRuns({ caseId });
  const score = await t.api.getCaseScore({ caseId });
  return {
    answers: (await t.api.listAnswers({ caseId })).answers.map((a) => [a.questionId, a.value, a.note]).sort(),
    runs: await Promise.all(runs.map(async (r) => (await t.api.getProbeRun({ runId: r.id })).results.map((x) => [x.probeId, x.metrics]))),
    findings: score.findings.map((f) => [f.id, f.severity]).sort(),
    level: score.level,
    index: score.index,
  };
};

describe('the account manager desk with a real hub and three laptops', () => {
  let where: HubLocation;
  let hub: HubProcess;
  let store: HubStore;
  const opened: TestServices[] = [];

  beforeAll(async () => {
    where = await stores.location('sqlite');
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hub = await HubProcess.start(where);
    store = await openHubStore(where);
  });
  afterAll(async () => {
    for (const t of opened) {
      await t.services.pdf.close();
      t.services.close();
    }
    await hub?.kill('SIGTERM');
    await store?.close();
  });

  const laptop = async (role: string, name: string): Promise<TestServices> => {
    const t = openTestServices(tempDir());
    opened.push(t);
    tuneSync(t.services, { ...fastRetry, batchSize: 200 });
    await t.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', role), deviceName: name });
    return t;
  };

  const fullCase = async (t: TestServices, customerName: string, engineer: string): Promise<string> => {
    const created = await t.api.createCase({ customerName, siteName: 'Head office', engineer, contacts: [{ name: 'Jo Smith', role: 'IT lead' }] });
    await answerEverything(t.api, created.id);
    recordProbeRun(t.services, created.id);
    await t.api.addEvidence({ caseId: created.id, fileName: 'cabinet.jpg', mediaType: 'image/jpeg', dataBase64: evidenceBytes.toString('base64') });
    return created.id;
  };

  it('two engineers sync full cases; the account manager opens, exports, proposes and comments; nothing else changes', async () => {
    const a = await laptop('engineer', 'ada-laptop');
    const b = await laptop('engineer', 'bo-laptop');
    const am = await laptop('account-manager', 'amy-desk');
    const caseA = await fullCase(a, 'Contoso Dental', 'Ada');
    const caseB = await fullCase(b, 'Fabrikam Foods', 'Bo');
    // The first answer moved each draft to in progress by itself.
    expect((await a.api.getCase({ id: caseA })).status).toBe('in_progress');
    // What Ada handed over on site travels with the case: its record, not its inputs.
    const onSite = await a.api.exportReport({ caseId: caseA, kind: 'executive', format: 'pdf' });
    await a.api.syncNow({});
    await b.api.syncNow({});

    await am.api.syncNow({});
    const desk = await am.api.listCases({});
    expect(desk.map((c) => [c.customerName, c.engineer, c.ownerName, c.partner]).sort()).toEqual([
      ['Contoso Dental', 'Ada', 'ada-laptop', true],
      ['Fabrikam Foods', 'Bo', 'bo-laptop', true],
    ]);
    expect((await am.api.listCases({ ownership: 'mine' })).length).toBe(0);
    // Same answers, measurements, findings and score as on the engineer's own laptop.
    const onA = await readCase(a, caseA);
    expect(onA.answers.length).toBeGreaterThan(50);
    expect(onA.findings.length).toBeGreaterThan(0);
    expect(await readCase(am, caseA)).toEqual(onA);
    expect(await readCase(am, caseB)).toEqual(await readCase(b, caseB));
    expect((await am.api.getCase({ id: caseA })).contacts.map((c) => c.name)).toEqual(['Jo Smith']);
    // Evidence comes from the hub by its hash the first time it is opened.
    const [evidence] = (await am.api.listAnswers({ caseId: caseA })).evidence;
    const content = await am.api.getEvidenceContent({ caseId: caseA, sha256: evidence!.sha256 });
    expect(Buffer.from(content.dataBase64, 'base64').equals(evidenceBytes)).toBe(true);

    const handedOver = await am.api.listReportExports({ caseId: caseA });
    expect(handedOver.map((e) => [e.id, e.kind, e.format, e.sha256, e.exportedOn, e.inputsHere])).toEqual([
      [onSite.record.id, 'executive', 'pdf', onSite.record.sha256, 'ada-laptop', false],
    ]);
    await expect(am.api.reproduceReportExport({ exportId: onSite.record.id })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/made on ada-laptop; the inputs .* stay on that laptop/),
    });
    expect(await am.api.listReportExports({ caseId: caseB })).toEqual([]);

    // Reports of another engineer's case: a technical PDF and a proposal in Word.
    const pdf = await am.api.exportReport({ caseId: caseA, kind: 'technical', format: 'pdf' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await am.api.exportReport({ caseId: caseA, kind: 'proposal', format: 'docx' });
    expect(Buffer.from(docx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');

    // The account manager's own work: a proposal and review comments (one on a finding).
    // A price book on the desk for every SKU the bank's findings ask for. It is the partner
    // admin's reference data: the hub keeps it out of the partner's copy.
    const skus = await am.api.listQuestionBankSkus({});
    for (const [i, sku] of skus.entries()) {
      await am.api.savePriceBookItem({ sku: sku.sku, description: `Service ${sku.sku}`, unitPriceMinor: 10_000 + i * 500, currency: 'EUR', quantityRule: 'fixed', recurring: false });
    }
    expect((await am.api.syncNow({})).refused).toBe(skus.length);
    const proposalA = await am.api.createProposal({ caseId: caseA });
    expect(proposalA.lines.length).toBeGreaterThan(0);
    const edited = await am.api.updateProposal({ id: proposalA.id, discountBasisPoints: 1_000, terms: 'Net 30', status: 'sent' });
    expect(edited).toMatchObject({ status: 'sent', discountBasisPoints: 1_000, terms: 'Net 30' });
    // That proposal, as the customer gets it in Word: its title, 10 % off, its terms.
    const proposalDocx = await am.api.exportReport({ caseId: caseA, kind: 'proposal', format: 'docx', proposalId: proposalA.id });
    const docxFile = path.join(tempDir(), 'proposal-a.docx');
    fs.writeFileSync(docxFile, Buffer.from(proposalDocx.base64, 'base64'));
    const word = fold(docxText(docxPart(docxFile, 'word/document.xml')));
    expect(word.toUpperCase()).toContain(proposalA.title.toUpperCase());
    expect(word).toContain('Discount (10 %)');
    expect(word).toContain('Net 30');
    const proposalB = await am.api.createProposal({ caseId: caseB, title: 'Fabrikam roadmap' });
    const finding = onA.findings[0]![0] as string;
    await am.api.addComment({ caseId: caseA, findingId: finding, body: 'Customer asked about this one twice.' });
    await am.api.addComment({ caseId: caseB, body: 'Good visit, follow up in May.' });

    // What the engineer owns is refused here, with a clear message, on every kind of write.
    const refusals = [
      () => am.api.answerQuestion({ caseId: caseA, questionId: onA.answers[0]![0] as string, value: 'yes' }),
      () => am.api.updateCase({ id: caseA, title: 'Renamed by the desk' }),
      () => am.api.addEvidence({ caseId: caseA, fileName: 'x.txt', mediaType: 'text/plain', dataBase64: 'eA==' }),
      () => am.api.completeCase({ id: caseA }),
      () => am.api.archiveCase({ id: caseA, archived: true }),
    ];
    for (const attempt of refusals) await expect(attempt()).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/belongs to Ada .*read-only here/) });
    // And if a change got past the laptop anyway (written straight into its outbox), the hub refuses it.
    const db = am.services.db;
    const answerRow = db.prepare('SELECT id, value FROM answers WHERE case_id = ? LIMIT 1').get(caseA) as { id: string; value: string };
    db.transaction(() => appendMutation(db, 'answers', answerRow.id, { value: '"tampered"' }, nextTimestamp(db)))();
    db.transaction(() => appendMutation(db, 'cases', caseA, { title: 'tampered' }, nextTimestamp(db)))();
    const pushed = await am.api.syncNow({});
    expect(pushed.refused).toBe(2);
    const hubRows = await store.records((await store.findPartnerByName('Acme IT'))!.id);
    expect(hubRows.find((r) => r.table === 'answers' && r.rowId === answerRow.id)?.fields.value).toBe(answerRow.value);
    expect(hubRows.find((r) => r.table === 'cases' && r.rowId === caseA)?.fields.title).toBe('');

    // An engineer cannot change a proposal: refused at the laptop and at the hub.
    await a.api.syncNow({});
    await b.api.syncNow({});
    await expect(a.api.updateProposal({ id: proposalA.id, status: 'accepted' })).rejects.toMatchObject({ code: 'forbidden' });
    a.services.db.transaction(() => appendMutation(a.services.db, 'proposals', proposalA.id, { status: 'accepted' }, nextTimestamp(a.services.db)))();
    expect((await a.api.syncNow({})).refused).toBe(1);

    // Both engineers see the proposal and the comment on their case, with author and time.
    for (const [t, caseId, proposal] of [
      [a, caseA, proposalA],
      [b, caseB, proposalB],
    ] as const) {
      const proposals = await t.api.listProposals({ caseId });
      expect(proposals.map((p) => [p.id, p.status, p.readOnly])).toEqual([[proposal.id, caseId === caseA ? 'sent' : 'draft', true]]);
      expect(proposals[0]!.lines.map((l) => l.sku)).toEqual(proposal.lines.map((l) => l.sku));
      const comments = await t.api.listComments({ caseId });
      expect(comments).toHaveLength(1);
      expect(comments[0]).toMatchObject({ author: 'amy-desk', mine: false });
      expect(Number.isNaN(Date.parse(comments[0]!.createdAt))).toBe(false);
    }
    expect((await a.api.listComments({ caseId: caseA }))[0]!.findingId).toBe(finding);
    // Ada sees what the desk sent her customer, beside her own export (which she can still render again).
    const onAda = await a.api.listReportExports({ caseId: caseA });
    expect(onAda.map((e) => [e.kind, e.format, e.exportedOn, e.inputsHere]).sort()).toEqual([
      ['executive', 'pdf', 'ada-laptop', true],
      ['proposal', 'docx', 'amy-desk', false],
      ['proposal', 'docx', 'amy-desk', false],
      ['technical', 'pdf', 'amy-desk', false],
    ]);
    const again = await a.api.reproduceReportExport({ exportId: onSite.record.id });
    expect([again.record.id, Buffer.from(again.base64, 'base64').subarray(0, 5).toString()]).toEqual([onSite.record.id, '%PDF-']);
    // B's laptop never received A's case.
    await expect(b.api.getCase({ id: caseA })).rejects.toMatchObject({ code: 'not_found' });
    // Nothing the engineers own changed anywhere.
    expect(await readCase(a, caseA)).toEqual(onA);
    expect(await readCase(am, caseA)).toEqual(onA);
    // The evidence opened on the account manager's laptop stays there, encrypted.
    expect(am.services.blobs.has(evidence!.sha256)).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubStore } from '../../../hub/store/hub-store';
import { openHubStore } from '../../../hub/store/open-hub-store';
import { tuneSync } from '../../../electron/services/sync/sync-services';
import { bankQuestions } from '../../../shared/interview/parse-bank';
import { extremeAnswer } from '../../support/answer-all';
import { useHubStores } from '../../support/hub-stores';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../../support/hub-process';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';

const stores = useHubStores();
const fastRetry = { retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 } };
const evidence = Buffer.from('rack photo');

describe('handing a case over, and a replaced laptop, through a real hub', () => {
  let where: HubLocation;
  let hub: HubProcess;
  let store: HubStore;
  let partnerId: string;
  const opened: TestServices[] = [];

  beforeAll(async () => {
    where = await stores.location('sqlite');
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hub = await HubProcess.start(where);
    store = await openHubStore(where);
    partnerId = (await store.findPartnerByName('Acme IT'))!.id;
  });
  afterAll(async () => {
    for (const t of opened) t.services.close();
    await hub?.kill('SIGTERM');
    await store?.close();
  });

  const laptop = async (name: string): Promise<TestServices> => {
    const t = openTestServices(tempDir());
    opened.push(t);
    tuneSync(t.services, fastRetry);
    await t.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', 'engineer'), deviceName: name });
    return t;
  };
  const hubIdOf = (t: TestServices): string => t.services.db.prepare('SELECT hub_device_id FROM sync_state').pluck().get() as string;
  const reassign = (caseId: string, to: string) =>
    JSON.parse(hubCliOk(where, ['cases', 'reassign', '--partner', 'Acme IT', '--case', caseId, '--to', to, '--engineer', 'Bo', '--json'])) as { movedRows: number };

  it('moves ownership exactly once with both laptops offline part of the time', async () => {
    const a = await laptop('ada-laptop');
    const b = await laptop('bo-laptop');
    const created = await a.api.createCase({ customerName: 'Contoso Dental', siteName: 'HQ', engineer: 'Ada' });
    const questions = bankQuestions(await a.api.getActiveQuestionBank({})).map((q) => q.question);
    const [q1, q2, q3] = questions;
    await a.api.answerQuestion({ caseId: created.id, questionId: q1!.id, value: extremeAnswer(q1!, true) });
    await a.api.syncNow({});

    // Ada's laptop goes offline (the hub is unreachable) and keeps working on the case.
    await hub.kill('SIGKILL');
    await a.api.answerQuestion({ caseId: created.id, questionId: q2!.id, value: extremeAnswer(q2!, false) });
    await expect(a.api.syncNow({})).rejects.toMatchObject({ code: 'internal' });
    await hub.restart();

    // The admin hands the case to Bo while both laptops are away; the command is run twice.
    expect(reassign(created.id, 'bo-laptop').movedRows).toBeGreaterThan(0);
    expect(reassign(created.id, 'bo-laptop').movedRows).toBe(0);

    // Bo's laptop comes back first, takes the case over and works on it; then goes offline again.
    await b.api.syncNow({});
    const onB = await b.api.getCase({ id: created.id });
    expect(onB).toMatchObject({ partner: false, engineer: 'Bo', ownerName: 'bo-laptop' });
    await b.api.answerQuestion({ caseId: created.id, questionId: q3!.id, value: extremeAnswer(q3!, true) });
    await hub.kill('SIGKILL');
    await expect(b.api.syncNow({})).rejects.toMatchObject({ code: 'internal' });
    await hub.restart();

    // Ada's laptop returns: its offline answer is refused (the case is Bo's now) and the case turns read-only.
    const back = await a.api.syncNow({});
    expect(back.refused).toBe(1);
    const onA = await a.api.getCase({ id: created.id });
    expect(onA).toMatchObject({ partner: true, ownerName: 'bo-laptop' });
    await expect(a.api.answerQuestion({ caseId: created.id, questionId: q2!.id, value: extremeAnswer(q2!, true) })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await b.api.syncNow({});
    await a.api.syncNow({});

    // Exactly one handover: one owner at the hub, one event everywhere, the same answers on both.
    const rows = await store.records(partnerId);
    const caseRows = rows.filter((r) => r.rowId === created.id || r.fields.case_id === created.id);
    expect(new Set(caseRows.filter((r) => !['case_events'].includes(r.table)).map((r) => r.ownerDevice))).toEqual(new Set([hubIdOf(b)]));
    for (const t of [a, b]) {
      const events = (await t.api.listCaseEvents({ id: created.id })).filter((e) => e.kind === 'reassigned');
      expect(events.map((e) => e.detail)).toEqual(['Handed over from ada-laptop to bo-laptop']);
    }
    const answersOf = async (t: TestServices) => (await t.api.listAnswers({ caseId: created.id })).answers.map((x) => x.questionId).sort();
    expect(await answersOf(b)).toEqual([q1!.id, q3!.id].sort());
    // Ada's refused offline answer is not at the hub and no longer on her laptop either; her copy
    // stays as the case was at the handover (an engineer does not follow another engineer's case).
    expect(await answersOf(a)).toEqual([q1!.id]);
    const hubAnswers = rows.filter((r) => r.table === 'answers' && r.fields.case_id === created.id).map((r) => r.fields.question_id);
    expect(hubAnswers.sort()).toEqual([q1!.id, q3!.id].sort());
  });

  it('a replaced laptop inherits every case of the old one, with its evidence', async () => {
    const old = await laptop('sam-old-laptop');
    const first = await old.api.createCase({ customerName: 'Fabrikam Foods', engineer: 'Sam' });
    const second = await old.api.createCase({ customerName: 'Tailspin Toys', engineer: 'Sam' });
    const file = await old.api.addEvidence({ caseId: first.id, fileName: 'rack.jpg', mediaType: 'image/jpeg', dataBase64: evidence.toString('base64') });
    await old.api.syncNow({});

    const replacement = await laptop('sam-new-laptop');
    const moved = JSON.parse(hubCliOk(where, ['devices', 'revoke', hubIdOf(old), '--transfer-to', 'sam-new-laptop', '--json'])) as { transferredCases: string[] };
    expect(moved.transferredCases.sort()).toEqual([first.id, second.id].sort());
    await replacement.api.syncNow({});
    const cases = await replacement.api.listCases({});
    expect(cases.map((c) => [c.customerName, c.partner]).sort()).toEqual([
      ['Fabrikam Foods', false],
      ['Tailspin Toys', false],
    ]);
    // The evidence came down with the cases (not on first open), so it is there offline.
    await hub.kill('SIGKILL');
    const content = await replacement.api.getEvidenceContent({ caseId: first.id, sha256: file.sha256 });
    expect(Buffer.from(content.dataBase64, 'base64').equals(evidence)).toBe(true);
    // And the new laptop can work on them.
    await replacement.api.updateCase({ id: second.id, title: 'Continued on the new laptop' });
    await hub.restart();
    expect((await replacement.api.syncNow({})).refused).toBe(0);
    // The old laptop's token no longer works.
    await expect(old.api.syncNow({})).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

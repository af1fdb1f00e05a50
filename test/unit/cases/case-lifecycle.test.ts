import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiContract, channels, type Channel } from '../../../shared/contract/api-contract';
import { caseWriteChannels, notCaseWorkChannels } from '../../../electron/services/api/case-write-channels';
import { saveEnrollment } from '../../../electron/services/sync/sync-state';
import { bankQuestions } from '../../../shared/interview/parse-bank';
import { extremeAnswer } from '../../support/answer-all';
import { openTestServices } from '../../support/services';

const fixture = async () => {
  const t = openTestServices();
  const created = await t.api.createCase({ customerName: 'Northwind Traders', siteName: 'HQ', engineer: 'Sam Field' });
  const bank = await t.api.getActiveQuestionBank({});
  const [first, second] = bankQuestions(bank).map((q) => q.question);
  return { t, caseId: created.id, first: first!, second: second! };
};

/** A questionnaire on the case and a hub link of it, as publishing leaves them (the hub is not needed to refuse). */
const addQuestionnaireLink = async (t: ReturnType<typeof openTestServices>, caseId: string): Promise<QuestionnaireIds> => {
  const questionnaire = await t.api.createQuestionnaire({ caseId, stakeholders: ['it_lead'] });
  const linkId = randomUUID();
  t.services.db
    .prepare("INSERT INTO questionnaire_links (id, questionnaire_id, stakeholder, url, created_at, expires_at) VALUES (?, ?, 'it_lead', 'https://hub.example/q/x', ?, ?)")
    .run(linkId, questionnaire.id, new Date().toISOString(), new Date(Date.now() + 86_400_000).toISOString());
  return { questionnaireId: questionnaire.id, linkId };
};

interface QuestionnaireIds {
  readonly questionnaireId: string;
  readonly linkId: string;
}

/** One valid call of every case write channel, so each is tried for real. */
const sampleInputs = (caseId: string, questionId: string, value: unknown, ids: QuestionnaireIds = { questionnaireId: 'q', linkId: 'l' }): Record<string, unknown> => ({
  'cases:update': { id: caseId, title: 'Changed' },
  'cases:archive': { id: caseId, archived: true },
  'cases:complete': { id: caseId },
  'cases:reopen': { id: caseId, reason: 'Customer sent new figures' },
  'interview:answer': { caseId, questionId, value },
  'interview:note': { caseId, questionId, note: 'later note' },
  'interview:add-exception': { caseId, findingId: 'some.finding', compensatingControl: 'Manual review', reason: 'Budget' },
  'interview:remove-exception': { caseId, findingId: 'some.finding' },
  'interview:add-evidence': { caseId, fileName: 'late.txt', mediaType: 'text/plain', dataBase64: 'bGF0ZQ==' },
  'probes:start': { caseId, probeIds: ['hardware'] },
  'probes:import': { caseId, bundleText: '{}' },
  'branding:assignToCase': { caseId, profileId: null },
  'branding:setCustomerLogo': { caseId, mime: 'image/png', base64: 'iVBORw0KGgo=' },
  'branding:clearCustomerLogo': { caseId },
  'questionnaires:create': { caseId, stakeholders: ['it_lead'] },
  'questionnaires:import': { caseId, fileText: '{}' },
  'questionnaires:importDocx': { caseId, docxBase64: 'UEs=' },
  'questionnaires:publishLinks': { questionnaireId: ids.questionnaireId },
  'questionnaires:applyLinkAnswers': { linkId: ids.linkId, overwrite: true },
  'questionnaires:revokeLink': { linkId: ids.linkId },
});

const workChannels = (Object.keys(caseWriteChannels) as Channel[]).filter((c) => caseWriteChannels[c]?.mode === 'work');

describe('case lifecycle', () => {
  it('every channel of the contract is either a guarded case write or listed as not one, never both', () => {
    const guarded = Object.keys(caseWriteChannels);
    expect([...guarded, ...notCaseWorkChannels].sort()).toEqual([...channels].sort());
    expect(new Set([...guarded, ...notCaseWorkChannels]).size).toBe(channels.length);
    expect(Object.keys(sampleInputs('x', 'y', 1)).sort()).toEqual(guarded.sort());
  });

  it('moves draft → in progress at the first answer and records who completed it and when', async () => {
    const { t, caseId, first } = await fixture();
    expect((await t.api.getCase({ id: caseId })).status).toBe('draft');
    await t.api.answerQuestion({ caseId, questionId: first.id, value: extremeAnswer(first, true) });
    expect((await t.api.getCase({ id: caseId })).status).toBe('in_progress');
    const done = await t.api.completeCase({ id: caseId, by: 'Priya Shah' });
    expect(done).toMatchObject({ status: 'complete', completedBy: 'Priya Shah' });
    expect(Date.parse(done.completedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect((await t.api.listCaseEvents({ id: caseId })).map((e) => [e.kind, e.actor])).toEqual([
      ['started', ''],
      ['completed', 'Priya Shah'],
    ]);
    // Completing again changes nothing and records nothing.
    await t.api.completeCase({ id: caseId });
    expect(await t.api.listCaseEvents({ id: caseId })).toHaveLength(2);
    t.services.close();
  });

  it('a completed case refuses every work channel through the dispatcher until reopened with a reason', async () => {
    const { t, caseId, first, second } = await fixture();
    const value = extremeAnswer(first, true);
    await t.api.answerQuestion({ caseId, questionId: first.id, value });
    const links = await addQuestionnaireLink(t, caseId);
    await t.api.completeCase({ id: caseId });
    const outboxBefore = t.services.db.prepare('SELECT COUNT(*) FROM outbox').pluck().get();
    const inputs = sampleInputs(caseId, second.id, extremeAnswer(second, false), links);
    for (const channel of workChannels) {
      const result = await t.dispatch(channel, inputs[channel]);
      expect(result, channel).toEqual({
        ok: false,
        error: { code: 'conflict', message: 'This case is complete, so it cannot be changed. Reopen it (with a reason) to edit it.', messageId: 'error.caseComplete', values: {} },
      });
    }
    // Moving the status back by hand is refused too: reopening needs a reason.
    expect(await t.dispatch('cases:update', { id: caseId, status: 'in_progress' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await t.dispatch('cases:reopen', { id: caseId, reason: '   ' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    // Nothing was written by any refused call.
    expect(t.services.db.prepare('SELECT COUNT(*) FROM outbox').pluck().get()).toBe(outboxBefore);
    expect((await t.api.listAnswers({ caseId })).answers.map((a) => a.questionId)).toEqual([first.id]);

    const reopened = await t.api.reopenCase({ id: caseId, reason: 'Customer sent new figures' });
    expect(reopened).toMatchObject({ status: 'in_progress', completedAt: null, completedBy: '' });
    expect((await t.api.listCaseEvents({ id: caseId })).at(-1)).toMatchObject({ kind: 'reopened', detail: 'Customer sent new figures' });
    await t.api.answerQuestion({ caseId, questionId: second.id, value: extremeAnswer(second, false) });
    await t.api.updateCase({ id: caseId, title: 'After reopening' });
    expect((await t.api.getCase({ id: caseId })).title).toBe('After reopening');
    t.services.close();
  });

  it("another laptop's case refuses every case write channel, work and filing alike, with whose it is", async () => {
    const { t, caseId, first } = await fixture();
    const db = t.services.db;
    const links = await addQuestionnaireLink(t, caseId);
    saveEnrollment(db, { hubUrl: 'http://127.0.0.1:1', hubDeviceId: 'my-hub-id', partnerId: 'p', partnerName: 'Acme IT', role: 'account-manager', deviceName: 'amy-desk' });
    // As a pull leaves it: owned by an engineer's laptop.
    db.prepare("UPDATE cases SET owner_device = 'ada-hub-id', owner_name = 'ada-laptop' WHERE id = ?").run(caseId);
    expect((await t.api.getCase({ id: caseId })).partner).toBe(true);
    const inputs = sampleInputs(caseId, first.id, extremeAnswer(first, true), links);
    for (const channel of Object.keys(caseWriteChannels) as Channel[]) {
      expect(apiContract[channel]).toBeDefined();
      const result = await t.dispatch(channel, inputs[channel]);
      expect(result, channel).toEqual({
        ok: false,
        error: {
          code: 'forbidden',
          message: 'This case belongs to Sam Field (laptop ada-laptop) and is read-only here. Comments and proposals can still be added.',
          // The same sentence by catalogue id, for a screen in another language.
          messageId: 'error.caseForeign',
          values: { engineer: 'Sam Field', owner: 'ada-laptop', where: 'laptop' },
        },
      });
    }
    // Review comments are the partner's: they are still taken.
    expect(await t.api.addComment({ caseId, body: 'Looks complete to me' })).toMatchObject({ author: 'amy-desk', mine: true });
    t.services.close();
  });
});

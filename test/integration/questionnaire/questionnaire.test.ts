import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Stakeholder } from '../../../shared/interview/bank-schema';
import { answersFileFormat, type AnswersPayload } from '../../../shared/questionnaire/questionnaire-schemas';
import { getQuestionnaire } from '../../../electron/services/questionnaire/questionnaire-repository';
import { openTestServices, type TestServices } from '../../support/services';
import { runCli } from '../../support/run-cli';
import { tempDir } from '../../support/temp-dir';

/**
 * The questionnaire's import path against real SQLite files. The answers files are signed here the
 * way the form signs them (HMAC-SHA256 of the payload text with the questionnaire's key); the form
 * itself is exercised in Chromium by test/e2e/questionnaire.test.ts.
 */

const sign = (key: string, payload: string) => crypto.createHmac('sha256', Buffer.from(key, 'hex')).update(payload, 'utf8').digest('hex');

const answersFile = (t: TestServices, questionnaireId: string, payload: Partial<AnswersPayload> & { answers: AnswersPayload['answers'] }, tamper?: (p: string) => string) => {
  const q = getQuestionnaire(t.services.db, questionnaireId);
  const full = JSON.stringify({
    questionnaireId,
    caseId: q.caseId,
    bank: { id: q.bankId, version: q.bankVersion },
    stakeholder: 'it_lead' as Stakeholder,
    respondent: { name: 'Priya Natarajan', role: 'IT manager' },
    submittedAt: '2026-11-28T09:15:00.000Z',
    ...payload,
  });
  return JSON.stringify({ format: answersFileFormat, formatVersion: 1, payload: tamper ? tamper(full) : full, signature: sign(q.signingKey, full) });
};

const snapshot = (t: TestServices) => ({
  answers: t.services.db.prepare('SELECT question_id, value, note, customer_source FROM answers ORDER BY question_id').all(),
  outbox: (t.services.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n,
  returns: (t.services.db.prepare('SELECT count(*) AS n FROM questionnaire_returns').get() as { n: number }).n,
});

const setup = async () => {
  const t = openTestServices();
  const created = await t.api.createCase({ customerName: 'Maple & Pine <Ltd>', siteName: 'Montréal' });
  const questionnaire = await t.api.createQuestionnaire({ caseId: created.id, stakeholders: ['it_lead', 'finance'], coverMessage: '<script>alert(1)</script> Merci!' });
  return { t, caseId: created.id, questionnaire };
};

describe('pre-visit questionnaires', () => {
  it('lists what was sent to whom, with question counts per stakeholder, and builds an offline form', async () => {
    const { t, questionnaire } = await setup();
    expect(questionnaire.recipients.map((r) => r.stakeholder)).toEqual(['it_lead', 'finance']);
    const itLead = questionnaire.recipients[0]!;
    expect(itLead.questionCount).toBeGreaterThan(10);
    expect(itLead.openCount).toBe(itLead.questionCount);
    expect(itLead.returned).toEqual([]);

    const form = await t.api.exportQuestionnaireForm({ questionnaireId: questionnaire.id, stakeholder: 'finance' });
    expect(form.fileName).toBe('questionnaire-Maple-Pine-Ltd-finance.html');
    expect(form.html).toContain("default-src 'none'");
    // Nothing in the form reaches out: no URL but data: images.
    expect(form.html).not.toMatch(/(src|href)="(https?:|\/\/)/);
    // Hostile cover text and customer name are escaped.
    expect(form.html).not.toContain('<script>alert(1)</script>');
    expect(form.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Merci!');
    expect(form.html).toContain('Maple &amp; Pine &lt;Ltd&gt;');
    // Only finance's questions, in the customer's wording.
    const financeCount = questionnaire.recipients[1]!.questionCount;
    expect(form.html.match(/data-question-id=/g)?.length).toBe(financeCount);
    expect(form.html).toContain('Do you know which AI subscriptions your organisation already pays for');
    await expect(t.api.exportQuestionnaireForm({ questionnaireId: questionnaire.id, stakeholder: 'executive' })).rejects.toThrow(/not made for Executive/);
    t.services.close();
  });

  it('imports answers as customer-provided; the same file again changes nothing; the engineer confirming clears the mark', async () => {
    const { t, caseId, questionnaire } = await setup();
    const file = answersFile(t, questionnaire.id, {
      answers: [
        { questionId: 'strategy.user_count', value: 240, note: 'Includes 12 seasonal staff' },
        { questionId: 'operations.backup', value: null, note: '' },
        { questionId: 'governance.ai_policy', value: 'none', note: '' },
      ],
    });
    const result = await t.api.importQuestionnaireAnswers({ caseId, fileText: file });
    expect(result).toMatchObject({ alreadyImported: false, respondent: 'Priya Natarajan', imported: ['strategy.user_count', 'operations.backup', 'governance.ai_policy'], keptEngineerAnswers: [] });
    const state = await t.api.listAnswers({ caseId });
    const users = state.answers.find((a) => a.questionId === 'strategy.user_count')!;
    expect(users.value).toBe(240);
    expect(users.note).toBe('Priya Natarajan (IT manager): Includes 12 seasonal staff');
    expect(users.customerSource).toMatchObject({ questionnaireId: questionnaire.id, channel: 'html-form', stakeholder: 'it_lead', respondent: 'Priya Natarajan (IT manager)', submittedAt: '2026-11-28T09:15:00.000Z' });

    // The scoring trace says whose answer it is until the engineer confirms it.
    const score = await t.api.getCaseScore({ caseId });
    const policy = score.pillars.flatMap((p) => p.contributions).find((c) => c.questionId === 'governance.ai_policy')!;
    expect(policy).toMatchObject({ source: 'customer', customer: 'Priya Natarajan (IT manager), IT lead' });
    const cited = score.findings.flatMap((f) => f.evidence).find((e) => e.kind === 'answer' && e.questionId === 'governance.ai_policy');
    expect(cited).toMatchObject({ source: 'customer', customer: 'Priya Natarajan (IT manager), IT lead' });

    const listed = (await t.api.listQuestionnaires({ caseId }))[0]!.recipients[0]!;
    expect(listed.returned).toHaveLength(1);
    expect(listed.returned[0]).toMatchObject({ respondent: 'Priya Natarajan (IT manager)', answerCount: 3 });
    expect(listed.openCount).toBe(listed.questionCount - 3);

    const before = snapshot(t);
    const again = await t.api.importQuestionnaireAnswers({ caseId, fileText: `\uFEFF${file}` });
    expect(again.alreadyImported).toBe(true);
    expect(snapshot(t)).toEqual(before);

    await t.api.answerQuestion({ caseId, questionId: 'strategy.user_count', value: 240 });
    const confirmed = (await t.api.listAnswers({ caseId })).answers.find((a) => a.questionId === 'strategy.user_count')!;
    expect(confirmed.customerSource).toBeNull();
    t.services.close();
  });

  it("keeps the engineer's own answers unless asked to overwrite them", async () => {
    const { t, caseId, questionnaire } = await setup();
    await t.api.answerQuestion({ caseId, questionId: 'strategy.user_count', value: 180 });
    const file = answersFile(t, questionnaire.id, { answers: [{ questionId: 'strategy.user_count', value: 240, note: '' }] });
    const kept = await t.api.importQuestionnaireAnswers({ caseId, fileText: file });
    expect(kept.keptEngineerAnswers).toEqual(['strategy.user_count']);
    expect((await t.api.listAnswers({ caseId })).answers.find((a) => a.questionId === 'strategy.user_count')?.value).toBe(180);

    const second = answersFile(t, questionnaire.id, { submittedAt: '2026-11-29T10:00:00.000Z', answers: [{ questionId: 'strategy.user_count', value: 240, note: '' }] });
    const replaced = await t.api.importQuestionnaireAnswers({ caseId, fileText: second, overwrite: true });
    expect(replaced.imported).toEqual(['strategy.user_count']);
    expect((await t.api.listAnswers({ caseId })).answers.find((a) => a.questionId === 'strategy.user_count')?.value).toBe(240);
    t.services.close();
  });

  it('refuses a tampered file, a file for another case, another bank version, a stray question and a bad value — and changes nothing', async () => {
    const { t, caseId, questionnaire } = await setup();
    const other = await t.api.createCase({ customerName: 'Other Customer Inc', siteName: 'Toronto' });
    const otherQuestionnaire = await t.api.createQuestionnaire({ caseId: other.id, stakeholders: ['it_lead'] });
    const before = snapshot(t);
    const ok = [{ questionId: 'strategy.user_count', value: 240, note: '' }];
    const attempts: [string, RegExp][] = [
      [answersFile(t, questionnaire.id, { answers: ok }, (p) => p.replace('240', '999')), /changed after the customer saved it/],
      [answersFile(t, otherQuestionnaire.id, { answers: ok }), /for another case \(Other Customer Inc, Toronto\)/],
      [answersFile(t, questionnaire.id, { bank: { id: 'groundwork.builtin', version: '1.0.0' }, answers: ok }), /question bank groundwork\.builtin 1\.0\.0/],
      [answersFile(t, questionnaire.id, { answers: [{ questionId: 'security.mfa', value: 'all', note: '' }] }), /not in this questionnaire/],
      [answersFile(t, questionnaire.id, { answers: [{ questionId: 'governance.ai_policy', value: 'not-an-option', note: '' }] }), /Invalid answer to governance\.ai_policy/],
      [answersFile(t, questionnaire.id, { stakeholder: 'executive', answers: ok }), /not sent to Executive/],
      ['{"format":"groundwork-questionnaire-answers","formatVersion":1,"payload":"{}","sig', /not valid JSON/],
      ['{"format":"something-else","formatVersion":1,"payload":"{}","signature":"00"}', /not a questionnaire answers file/],
    ];
    for (const [fileText, message] of attempts) {
      await expect(t.api.importQuestionnaireAnswers({ caseId, fileText })).rejects.toThrow(message);
    }
    expect(snapshot(t)).toEqual(before);
    t.services.close();
  });

  it('stores hostile customer text as text, exactly', async () => {
    const { t, caseId, questionnaire } = await setup();
    // The answer at the question's 4,000-character limit, and a 100 kB comment beside it.
    const hostile = `<img src=x onerror=alert(1)> =HYPERLINK("http://evil","x") مرحبا 👩🏽‍💻 ${'long '.repeat(1_000)}`.slice(0, 4_000);
    const longNote = `=cmd|' /C calc'!A0 <script>x</script> ${'ß'.repeat(99_000)}`.slice(0, 99_000);
    const file = answersFile(t, questionnaire.id, { stakeholder: 'it_lead', answers: [{ questionId: 'strategy.context', value: hostile, note: '' }] });
    // strategy.context is asked of the executive only: refused for the IT lead's form…
    await expect(t.api.importQuestionnaireAnswers({ caseId, fileText: file })).rejects.toThrow(/not in this questionnaire/);
    const exec = await t.api.createQuestionnaire({ caseId, stakeholders: ['executive'] });
    const execFile = answersFile(t, exec.id, { stakeholder: 'executive', answers: [{ questionId: 'strategy.context', value: hostile, note: longNote }] });
    await t.api.importQuestionnaireAnswers({ caseId, fileText: execFile });
    const stored = (await t.api.listAnswers({ caseId })).answers.find((a) => a.questionId === 'strategy.context')!;
    expect(stored.value).toBe(hostile);
    expect(stored.note).toBe(`Priya Natarajan (IT manager): ${longNote.trim()}`);
    t.services.close();
  });

  it('the CLI creates, writes a form and imports a UTF-16 file as PowerShell 5 writes it', async () => {
    const dataDir = tempDir();
    const t = openTestServices(dataDir);
    const created = await t.api.createCase({ customerName: 'Cli Co' });
    t.services.close();
    const made = runCli(['questionnaire', 'create', '--case', created.id, '--stakeholder', 'it_lead', '--json', '--data-dir', dataDir]);
    expect(made.stderr).toBe('');
    const questionnaireId = (JSON.parse(made.stdout) as { id: string }).id;
    const out = path.join(dataDir, 'form.html');
    const form = runCli(['questionnaire', 'form', '--questionnaire', questionnaireId, '--stakeholder', 'it_lead', '--out', out, '--data-dir', dataDir]);
    expect(form.status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('Before our visit: questions for IT lead');

    const reopened = openTestServices(dataDir);
    const text = answersFile(reopened, questionnaireId, { answers: [{ questionId: 'strategy.user_count', value: 55, note: '' }] });
    reopened.services.close();
    const utf16 = path.join(dataDir, 'answers.json');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const imported = runCli(['questionnaire', 'import', utf16, '--case', created.id, '--data-dir', dataDir]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/Imported 1 answers from Priya Natarajan/);
    const missing = runCli(['questionnaire', 'import', path.join(dataDir, 'nope.json'), '--case', created.id, '--data-dir', dataDir]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/No such file/);
  });
});

import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getQuestionnaire } from '../../../electron/services/questionnaire/questionnaire-repository';
import { tuneSync } from '../../../electron/services/sync/sync-services';
import { answersFileFormat } from '../../../shared/questionnaire/questionnaire-schemas';
import { useHubStores } from '../../support/hub-stores';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../../support/hub-process';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';

/**
 * Questionnaires travel with their case through a real hub process: the account manager's laptop
 * sees what the engineer sent to whom and what came back, and cannot change it (the case is the
 * engineer's); answers files stay verifiable there because the questionnaire's key travels too.
 */

const stores = useHubStores();
const fastRetry = { retry: { maxAttempts: 40, baseDelayMs: 20, maxDelayMs: 250 } };

describe('questionnaires sync with their case', () => {
  let where: HubLocation;
  let hub: HubProcess;
  beforeAll(async () => {
    where = await stores.location('sqlite');
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hub = await HubProcess.start(where);
  }, 120_000);
  afterAll(async () => {
    await hub?.kill('SIGTERM');
  });

  const device = async (role: string): Promise<TestServices> => {
    const t = openTestServices(tempDir());
    tuneSync(t.services, fastRetry);
    await t.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', role), deviceName: `${role}-laptop` });
    return t;
  };

  it("the account manager sees the engineer's questionnaire, who it went to and what came back", { timeout: 120_000 }, async () => {
    const engineer = await device('engineer');
    const manager = await device('account-manager');
    try {
      const created = await engineer.api.createCase({ customerName: 'Maple & Pine', siteName: 'Montréal' });
      const questionnaire = await engineer.api.createQuestionnaire({ caseId: created.id, stakeholders: ['it_lead', 'finance'], coverMessage: 'Merci!' });
      const q = getQuestionnaire(engineer.services.db, questionnaire.id);
      const payload = JSON.stringify({
        questionnaireId: q.id,
        caseId: q.caseId,
        bank: { id: q.bankId, version: q.bankVersion },
        stakeholder: 'it_lead',
        respondent: { name: 'Priya Natarajan', role: 'IT manager' },
        submittedAt: '2026-11-28T09:15:00.000Z',
        answers: [
          { questionId: 'strategy.user_count', value: 240, note: '' },
          { questionId: 'governance.ai_policy', value: 'none', note: '' },
        ],
      });
      const signature = crypto.createHmac('sha256', Buffer.from(q.signingKey, 'hex')).update(payload, 'utf8').digest('hex');
      const fileText = JSON.stringify({ format: answersFileFormat, formatVersion: 1, payload, signature });
      await engineer.api.importQuestionnaireAnswers({ caseId: created.id, fileText });
      await engineer.api.syncNow({});
      expect((await engineer.api.getSyncStatus({})).pendingCount).toBe(0);

      await manager.api.syncNow({});
      const seen = await manager.api.listQuestionnaires({ caseId: created.id });
      const mine = await engineer.api.listQuestionnaires({ caseId: created.id });
      // The same status on both laptops: sent to IT lead and Finance, 2 answers back from Priya.
      // (The colleague's created-at is the write's clock: the same moment to within a millisecond or so.)
      const strip = (list: typeof seen) => list.map(({ createdAt: _createdAt, ...rest }) => rest);
      expect(strip(seen)).toEqual(strip(mine));
      expect(Math.abs(Date.parse(seen[0]!.createdAt) - Date.parse(mine[0]!.createdAt))).toBeLessThan(1_000);
      expect(seen[0]!.recipients.map((r) => [r.stakeholder, r.returned.map((x) => [x.respondent, x.answerCount])])).toEqual([
        ['it_lead', [['Priya Natarajan (IT manager)', 2]]],
        ['finance', []],
      ]);
      // 2 of the IT lead's questions answered: open = its question count − 2.
      expect(seen[0]!.recipients[0]!.openCount).toBe(seen[0]!.recipients[0]!.questionCount - 2);
      expect(getQuestionnaire(manager.services.db, questionnaire.id).signingKey).toBe(q.signingKey);
      // The case is the engineer's: the manager's laptop cannot add a questionnaire to it.
      await expect(manager.api.createQuestionnaire({ caseId: created.id, stakeholders: ['executive'] })).rejects.toThrow(/read-only here/);
      expect(await manager.api.listQuestionnaires({ caseId: created.id })).toHaveLength(1);
    } finally {
      engineer.services.close();
      manager.services.close();
    }
  });
});

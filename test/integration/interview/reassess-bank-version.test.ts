import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { installBank } from '../../../electron/services/interview/bank-store';
import { builtinBank } from '../../../electron/services/interview/builtin-bank';
import { writeSyncedRow } from '../../../electron/services/db/synced-write';
import { interviewIdFor } from '../../../electron/services/interview/bank-store';
import type { QuestionBank } from '../../../shared/interview/bank-schema';
import { openTestServices } from '../../support/services';

/** Pins a case to a bank version, as the app does on the first answer (one synced write). */
const pin = (db: Database, caseId: string, version: string) =>
  db.transaction(() => writeSyncedRow(db, 'interviews', interviewIdFor(caseId), { case_id: caseId, bank_id: 'groundwork.builtin', bank_version: version, deleted: 0 }))();

const carried = (db: Database, caseId: string) =>
  Object.fromEntries(
    (db.prepare('SELECT question_id, value FROM answers WHERE case_id = ? AND deleted = 0 AND carried_from_case IS NOT NULL').all(caseId) as Array<{ question_id: string; value: string }>).map(
      (r) => [r.question_id, JSON.parse(r.value) as unknown],
    ),
  );

describe('re-assessing moves a case to the new bank version', () => {
  it('a case answered with 1.0.0 keeps 1.0.0; its re-assessment is on 2.0.0 with the facts carried by id', async () => {
    const { api, services } = openTestServices();
    await api.listQuestionBanks({}); // installs the shipped versions: 2.0.0 active, 1.0.0 beside it
    const before = await api.createCase({ customerName: 'Contoso' });
    // Pinned to 1.0.0 as the 1.0.0 app did on the first answer.
    pin(services.db, before.id, '1.0.0');
    await api.answerQuestion({ caseId: before.id, questionId: 'strategy.user_count', value: 40 });
    await api.answerQuestion({ caseId: before.id, questionId: 'strategy.site_count', value: 2 });
    await api.answerQuestion({ caseId: before.id, questionId: 'strategy.use_case_types', value: ['copilots', 'agents'] });
    // security.encryption exists only in 1.0.0 (split in 2.0.0); it is scored, so asked afresh.
    await api.answerQuestion({ caseId: before.id, questionId: 'security.encryption', value: 'yes' });
    await api.answerQuestion({ caseId: before.id, questionId: 'security.mfa', value: 'remote' });

    const after = await api.reassessCase({ previousCaseId: before.id });
    expect((await api.getInterviewBank({ caseId: before.id })).bank.version).toBe('1.0.0');
    expect((await api.getInterviewBank({ caseId: after.id })).bank.version).toBe('2.0.0');
    expect(carried(services.db, after.id)).toEqual({ 'strategy.user_count': 40, 'strategy.site_count': 2, 'strategy.use_case_types': ['copilots', 'agents'] });
    expect((await api.getCaseScore({ caseId: after.id })).bankVersion).toBe('2.0.0');
    services.close();
  });

  it('answers follow the new version\'s renamed map, option values included, and only valid values carry', async () => {
    const { api, services } = openTestServices();
    const before = await api.createCase({ customerName: 'Fabrikam' });
    await api.answerQuestion({ caseId: before.id, questionId: 'strategy.context', value: 'Wholesale of kitchen equipment' });
    await api.answerQuestion({ caseId: before.id, questionId: 'strategy.use_case_types', value: ['copilots', 'edge_vision'] });
    await api.answerQuestion({ caseId: before.id, questionId: 'strategy.user_count', value: 12 });

    // A partner version 2.1.0 renames two facts: the context question, and the use-case types
    // with their 'copilots' option renamed to 'assistants' (and 'edge_vision' dropped).
    const next = structuredClone(builtinBank()) as QuestionBank;
    next.version = '2.1.0';
    const questions = next.pillars.flatMap((p) => p.sections.flatMap((s) => s.questions));
    questions.find((q) => q.id === 'strategy.context')!.id = 'strategy.organisation_context';
    const types = questions.find((q) => q.id === 'strategy.use_case_types')!;
    types.id = 'strategy.ai_use_types';
    if (types.type !== 'multi') throw new Error('use-case types is a multi question');
    types.options = types.options.filter((o) => o.id !== 'edge_vision').map((o) => (o.id === 'copilots' ? { ...o, id: 'assistants' } : o));
    const retarget = (json: string) => json.replaceAll('"strategy.use_case_types"', '"strategy.ai_use_types"').replaceAll('"copilots"', '"assistants"');
    const rewired = JSON.parse(retarget(JSON.stringify({ ...next, renamed: [] }))) as QuestionBank;
    // edge_vision no longer exists: conditions on it go.
    const edge = rewired.pillars.flatMap((p) => p.sections.flatMap((s) => s.questions)).find((q) => q.id === 'network.edge_sites')!;
    delete edge.showIf;
    rewired.renamed = [
      { from: 'strategy.context', to: ['strategy.organisation_context'] },
      { from: 'strategy.use_case_types', to: ['strategy.ai_use_types'], values: { copilots: 'assistants' } },
    ];
    installBank(services.db, rewired, { source: 'hub', activate: true });

    const after = await api.reassessCase({ previousCaseId: before.id });
    expect((await api.getInterviewBank({ caseId: after.id })).bank.version).toBe('2.1.0');
    // The use-case answer ['assistants', 'edge_vision'] is not valid in 2.1.0, so it is asked afresh;
    // the renamed context and the unchanged head count carry.
    expect(carried(services.db, after.id)).toEqual({ 'strategy.organisation_context': 'Wholesale of kitchen equipment', 'strategy.user_count': 12 });

    // Without the dropped option the renamed value carries under its new name.
    const again = await api.createCase({ customerName: 'Fabrikam' });
    pin(services.db, again.id, '2.0.0');
    await api.answerQuestion({ caseId: again.id, questionId: 'strategy.use_case_types', value: ['copilots', 'rag'] });
    const third = await api.reassessCase({ previousCaseId: again.id });
    expect(carried(services.db, third.id)).toEqual({ 'strategy.ai_use_types': ['assistants', 'rag'] });
    services.close();
  });
});

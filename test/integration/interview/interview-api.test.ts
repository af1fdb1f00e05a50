import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/contract/result';
import { installBank } from '../../../electron/services/interview/bank-store';
import { builtinBank, earlierBuiltinBanks } from '../../../electron/services/interview/builtin-bank';
import { blobPath } from '../../../electron/services/at-rest/blob-store';
import { openTestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';

const setup = async () => {
  const t = openTestServices();
  const created = await t.api.createCase({ customerName: 'Contoso' });
  return { ...t, caseId: created.id };
};

const failureOf = async (promise: Promise<unknown>): Promise<ApiFailure> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
};

describe('interview calls through the real dispatch', () => {
  it('saves an answer with its outbox mutation in the same transaction and lists it back', async () => {
    const { api, services, caseId } = await setup();
    const outboxBefore = (services.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    const ack = await api.answerQuestion({ caseId, questionId: 'security.mfa', value: 'remote' });
    expect(ack).toMatchObject({ caseId, questionId: 'security.mfa', value: 'remote', measured: false });
    const outbox = services.db.prepare("SELECT table_name, fields FROM outbox WHERE table_name IN ('answers', 'interviews') ORDER BY seq").all() as Array<{
      table_name: string;
      fields: string;
    }>;
    expect(outbox.map((r) => r.table_name)).toEqual(['interviews', 'answers']);
    expect(JSON.parse(outbox[1]!.fields)).toMatchObject({ question_id: 'security.mfa', value: '"remote"' });
    // The interview pin and the answer, plus the first answer moving the case to "in progress"
    // (the case row and its lifecycle event): 4 mutations.
    expect((services.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(outboxBefore + 4);
    expect(services.db.prepare('SELECT table_name FROM outbox WHERE seq > ? ORDER BY seq').pluck().all(outboxBefore).sort()).toEqual(['answers', 'case_events', 'cases', 'interviews']);

    await api.answerQuestion({ caseId, questionId: 'security.mfa', value: 'everywhere' });
    await api.setAnswerNote({ caseId, questionId: 'security.mfa', note: 'Conditional access seen on screen' });
    await api.setAnswerNote({ caseId, questionId: 'data.trust', note: 'Ask finance' });
    const list = await api.listAnswers({ caseId });
    expect(list.answers).toEqual([
      expect.objectContaining({ questionId: 'data.trust', answered: false, note: 'Ask finance' }),
      expect.objectContaining({ questionId: 'security.mfa', answered: true, value: 'everywhere', note: 'Conditional access seen on screen' }),
    ]);
    expect(list.position).toEqual({ questionId: 'security.mfa', stakeholder: null });
    services.close();
  });

  it('refuses an invalid answer with a clear message and writes nothing', async () => {
    const { api, services, caseId } = await setup();
    const wrongOption = await failureOf(api.answerQuestion({ caseId, questionId: 'security.mfa', value: 'sometimes' }));
    expect(wrongOption.code).toBe('validation');
    expect(wrongOption.message).toMatch(/Invalid answer to security.mfa: sometimes is not an option/);
    const outOfRange = await failureOf(api.answerQuestion({ caseId, questionId: 'people.ai_literacy', value: 9 }));
    expect(outOfRange.message).toMatch(/from 1 to 5/);
    const noQuestion = await failureOf(api.answerQuestion({ caseId, questionId: 'nothing.here', value: 'yes' }));
    expect(noQuestion.message).toMatch(/No question nothing.here/);
    const noCase = await failureOf(api.answerQuestion({ caseId: crypto.randomUUID(), questionId: 'security.mfa', value: 'remote' }));
    expect(noCase.code).toBe('not_found');
    expect(services.db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 0 });
    services.close();
  });

  it('an old case keeps the bank version it was answered with when a new version arrives', async () => {
    const { api, services, caseId } = await setup();
    await api.answerQuestion({ caseId, questionId: 'strategy.exec_sponsor', value: 'yes' });
    const shipped = builtinBank().version;
    const next = structuredClone(builtinBank()) as ReturnType<typeof builtinBank>;
    next.version = '2.1.0';
    next.pillars[0]!.sections[1]!.questions[0]!.text = 'Who sponsors AI (new wording)?';
    installBank(services.db, next, { source: 'hub', activate: true });

    const old = await api.getInterviewBank({ caseId });
    expect(old).toMatchObject({ pinned: true, bank: { version: shipped } });
    const fresh = await api.createCase({ customerName: 'Fabrikam' });
    expect((await api.getInterviewBank({ caseId: fresh.id })).bank.version).toBe('2.1.0');
    expect((await api.getCaseScore({ caseId })).bankVersion).toBe(shipped);
    const banks = await api.listQuestionBanks({});
    expect(banks.map((b) => [b.version, b.active])).toEqual(expect.arrayContaining([[shipped, false], ['2.1.0', true]]));
    services.close();
  });

  it('a device upgraded from the 1.0.0 built-in moves new cases to 2.0.0; cases pinned to 1.0.0 stay on it', async () => {
    const dir = tempDir();
    const first = openTestServices(dir);
    const oldCase = await first.api.createCase({ customerName: 'Answered on 1.0.0' });
    // The state the 1.0.0 app left behind: only 1.0.0 installed and active, the case pinned to it.
    const { db } = first.services;
    db.prepare('DELETE FROM question_banks').run();
    installBank(db, earlierBuiltinBanks()[0]!, { source: 'builtin', activate: true });
    db.prepare("INSERT INTO interviews (id, case_id, bank_id, bank_version, created_at, updated_at, origin_device) VALUES ('old-interview', ?, 'groundwork.builtin', '1.0.0', 'x', 'y', 'd')").run(oldCase.id);
    first.services.close();

    const { api, services } = openTestServices(dir);
    expect((await api.getInterviewBank({ caseId: oldCase.id })).bank.version).toBe('1.0.0');
    expect((await api.getCaseScore({ caseId: oldCase.id })).bankVersion).toBe('1.0.0');
    const fresh = await api.createCase({ customerName: 'Answered on 2.0.0' });
    expect((await api.getInterviewBank({ caseId: fresh.id })).bank.version).toBe('2.0.0');
    const banks = await api.listQuestionBanks({});
    expect(banks.map((b) => [b.version, b.active])).toEqual(expect.arrayContaining([['1.0.0', false], ['2.0.0', true]]));
    services.close();
  });

  it('refuses a malformed bank with the path of the error, and a changed bank under an old version', async () => {
    const { services } = await setup();
    const broken = structuredClone(builtinBank()) as unknown as { pillars: Array<{ sections: Array<{ questions: Array<{ stakeholders: string[] }> }> }> };
    broken.pillars[3]!.sections[0]!.questions[2]!.stakeholders = ['janitor'];
    expect(() => installBank(services.db, broken, { source: 'hub', activate: true })).toThrow('pillars[3].sections[0].questions[2].stakeholders[0]');
    const changed = structuredClone(builtinBank()) as ReturnType<typeof builtinBank>;
    changed.title = 'Changed without a new version';
    installBank(services.db, builtinBank(), { source: 'builtin', activate: true });
    expect(() => installBank(services.db, changed, { source: 'hub', activate: true })).toThrow(/new version/);
    services.close();
  });

  it('stores evidence content-addressed and serves it back', async () => {
    const { api, services, caseId } = await setup();
    const bytes = Buffer.from('a photo of the firewall label');
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    const first = await api.addEvidence({ caseId, questionId: 'network.equipment_support', fileName: '../../label.jpg', mediaType: 'image/jpeg', dataBase64: bytes.toString('base64') });
    const second = await api.addEvidence({ caseId, fileName: 'copy.jpg', mediaType: 'image/jpeg', dataBase64: bytes.toString('base64') });
    expect(first).toMatchObject({ sha256: sha, fileName: 'label.jpg', sizeBytes: bytes.length, questionId: 'network.equipment_support' });
    expect(second.sha256).toBe(sha);
    // Stored once, encrypted: the plaintext comes back through the blob store, never from the file.
    expect(services.blobs.read(sha)).toEqual(bytes);
    expect(fs.readdirSync(path.dirname(blobPath(services.dataDir, sha)))).toEqual([sha]);
    expect(fs.readFileSync(blobPath(services.dataDir, sha)).includes(bytes)).toBe(false);
    const content = await api.getEvidenceContent({ caseId, sha256: sha });
    expect(Buffer.from(content.dataBase64, 'base64')).toEqual(bytes);
    expect((await api.listAnswers({ caseId })).evidence.map((e) => e.fileName)).toEqual(['label.jpg', 'copy.jpg']);
    const tooBig = await failureOf(api.addEvidence({ caseId, fileName: 'big.bin', dataBase64: 'A'.repeat(12 * 1024 * 1024) }));
    expect(tooBig.code).toBe('validation');
    expect(tooBig.message).toMatch(/limited to 8 MiB/);
    services.close();
  });

  it('scores a case with probe metrics marked as measured, and exceptions lift gates', async () => {
    const { api, services, caseId } = await setup();
    const db = services.db;
    db.prepare(
      "INSERT INTO probe_runs (id, case_id, status, source, probe_ids, targets, started_at, created_at, updated_at, origin_device) VALUES ('r1', ?, 'complete', 'app', '[]', '{}', '2026-01-01', 'x', 'y', 'd')",
    ).run(caseId);
    db.prepare(
      `INSERT INTO probe_results (id, run_id, probe_id, title, status, started_at, duration_ms, metrics, samples, details, created_at, updated_at, origin_device)
       VALUES ('p1', 'r1', 'throughput', 'Throughput', 'ok', '2026-01-01', 10, ?, '[]', '{}', 'x', 'y', 'd')`,
    ).run(JSON.stringify({ 'throughput.upload_mbps': 6.5, 'throughput.download_mbps': 80, 'ai.tls_intercepted': true, 'hardware.os': 'Linux' }));
    const state = await api.listAnswers({ caseId });
    expect(state.prefills).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questionId: 'network.upload_mbps', value: 6.5, metric: 'throughput.upload_mbps' }),
        expect.objectContaining({ questionId: 'network.tls_inspection', value: 'inspected_no_exceptions', metric: 'ai.tls_intercepted' }),
      ]),
    );
    await api.answerQuestion({ caseId, questionId: 'security.mfa', value: 'none' });
    let score = await api.getCaseScore({ caseId });
    const network = score.pillars.find((p) => p.pillarId === 'network')!;
    expect(network.contributions.find((c) => c.questionId === 'network.upload_mbps')).toMatchObject({ source: 'measurement', metric: 'throughput.upload_mbps' });
    expect(score.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['security.no_mfa', 'network.low_upload']));
    expect(score.gates).toContainEqual(expect.objectContaining({ findingId: 'security.no_mfa', active: true }));

    await api.addFindingException({ caseId, findingId: 'security.no_mfa', compensatingControl: 'VPN-only access with certificates', reason: 'MFA rollout booked', recordedBy: 'Sam' });
    score = await api.getCaseScore({ caseId });
    expect(score.gates).toContainEqual(expect.objectContaining({ findingId: 'security.no_mfa', active: false }));
    expect(score.exceptions).toEqual([expect.objectContaining({ findingId: 'security.no_mfa', recordedBy: 'Sam' })]);
    expect((await api.listFindings({ caseId })).find((f) => f.id === 'security.no_mfa')!.exception).toBeDefined();
    const unknownFinding = await failureOf(
      api.addFindingException({ caseId, findingId: 'security.no_such_finding', compensatingControl: 'x', reason: 'y' }),
    );
    expect(unknownFinding.message).toMatch(/No finding security.no_such_finding/);
    const noReason = await failureOf(api.addFindingException({ caseId, findingId: 'security.no_mfa', compensatingControl: 'x', reason: '  ' }));
    expect(noReason.message).toMatch(/Give the reason/);
    expect(await api.removeFindingException({ caseId, findingId: 'security.no_mfa' })).toEqual({ removed: true });
    expect(await api.removeFindingException({ caseId, findingId: 'security.no_mfa' })).toEqual({ removed: false });
    expect((await api.getCaseScore({ caseId })).gates).toContainEqual(expect.objectContaining({ findingId: 'security.no_mfa', active: true }));
    services.close();
  });

  it('answers survive closing and reopening the database', async () => {
    const dir = tempDir();
    const first = openTestServices(dir);
    const created = await first.api.createCase({ customerName: 'Reopen Ltd' });
    await first.api.answerQuestion({ caseId: created.id, questionId: 'people.training', value: 'some_roles' });
    await first.api.setInterviewPosition({ caseId: created.id, questionId: 'people.it_skills', stakeholder: 'it_lead' });
    first.services.close();
    const second = openTestServices(dir);
    const list = await second.api.listAnswers({ caseId: created.id });
    expect(list.answers.map((a) => [a.questionId, a.value])).toEqual([['people.training', 'some_roles']]);
    expect(list.position).toEqual({ questionId: 'people.it_skills', stakeholder: 'it_lead' });
    second.services.close();
  });
});

describe('probe metrics of a case', () => {
  it('takes each probe from its newest successful run; booleans become 1/0, text is left out', async () => {
    const { caseMetrics } = await import('../../../electron/services/interview/case-metrics');
    const { api, services, caseId } = await setup();
    const db = services.db;
    const run = db.prepare(
      "INSERT INTO probe_runs (id, case_id, status, source, probe_ids, targets, started_at, created_at, updated_at, origin_device) VALUES (?, ?, 'complete', 'app', '[]', '{}', ?, 'x', 'y', 'd')",
    );
    const result = db.prepare(
      `INSERT INTO probe_results (id, run_id, probe_id, title, status, started_at, duration_ms, metrics, samples, details, created_at, updated_at, origin_device)
       VALUES (?, ?, 'throughput', 'Throughput', ?, ?, 10, ?, '[]', '{}', 'x', 'y', 'd')`,
    );
    run.run('old', caseId, '2026-01-01T10:00:00Z');
    run.run('new', caseId, '2026-01-02T10:00:00Z');
    run.run('failed', caseId, '2026-01-03T10:00:00Z');
    result.run('r-old', 'old', 'ok', '2026-01-01T10:00:00Z', JSON.stringify({ 'throughput.upload_mbps': 5, 'ai.tls_intercepted': true }));
    result.run('r-new', 'new', 'ok', '2026-01-02T10:00:00Z', JSON.stringify({ 'throughput.upload_mbps': 40, 'ai.tls_intercepted': false, 'hardware.os': 'Linux' }));
    result.run('r-failed', 'failed', 'failed', '2026-01-03T10:00:00Z', JSON.stringify({ 'throughput.upload_mbps': 0 }));
    const { caseMetricValues } = await import('../../../electron/services/interview/case-metrics');
    const metrics = caseMetrics(db, caseId);
    expect(caseMetricValues(metrics)).toEqual({ 'throughput.upload_mbps': 40, 'ai.tls_intercepted': 0 });
    // The newest run failed: it does not hide the measurement before it, which keeps its run and time.
    // Rows from before far ends were recorded, without details, read in the home scope with no far end.
    expect(metrics['throughput.upload_mbps']).toEqual([{ state: 'measured', value: 40, scope: 'internet', runId: 'new', measuredAt: '2026-01-02T10:00:00Z' }]);
    // A metric that only failed reads "could not be measured", with the failed probe's reason.
    expect(metrics['throughput.download_mbps']).toEqual([expect.objectContaining({ state: 'failed', scope: 'internet', runId: 'failed' })]);
    expect(metrics['hardware.os']).toEqual([expect.objectContaining({ state: 'measured', value: 'Linux', scope: 'laptop' })]);
    const other = await api.createCase({ customerName: 'Other' });
    expect(caseMetrics(db, other.id)).toEqual({});
    services.close();
  });
});

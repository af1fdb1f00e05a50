import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDispatch } from '../electron/services/api/dispatch';
import { createHandlers } from '../electron/services/api/handlers';
import { benchKeySource } from './bench-key';
import { openAppServices } from '../electron/services/app-services';
import { openDatabase } from '../electron/services/db/open-database';
import { bankQuestions } from '../shared/interview/parse-bank';
import { percentile, row, timeMany, type BenchRow } from './bench-row';
import { varyingAnswer as valueFor } from '../test/support/answer-all';


const fixed = (n: number, digits = 2) => Number(n.toFixed(digits));

/**
 * Answer-to-saved round trip through the real dispatch (validation, bank lookup, answer row and
 * outbox mutation in one fsynced transaction) on a real SQLite file, against a bare
 * better-sqlite3 upsert of the same row on a file with the same pragmas (WAL, synchronous=FULL,
 * encrypted the same way).
 */
export const runInterviewBench = async (): Promise<BenchRow[]> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-interview-bench-'));
  try {
    const services = openAppServices(dir, { transport: 'cli', keySource: benchKeySource });
    const dispatch = createDispatch(createHandlers(services), services.logging);
    const created = await dispatch('cases:create', { customerName: 'Bench customer' });
    if (!created.ok) throw new Error(created.error.message);
    const caseId = (created.value as { id: string }).id;
    const bankResult = await dispatch('interview:bank', { caseId });
    if (!bankResult.ok) throw new Error(bankResult.error.message);
    const questions = bankQuestions((bankResult.value as { bank: Parameters<typeof bankQuestions>[0] }).bank).map((q) => q.question);

    const answer = await timeMany(400, async (i) => {
      const q = questions[i % questions.length]!;
      const result = await dispatch('interview:answer', { caseId, questionId: q.id, value: valueFor(q, i) });
      if (!result.ok) throw new Error(result.error.message);
    });
    const score = await timeMany(100, () => dispatch('interview:score', { caseId }));
    services.close();

    // Schema only up to the answers table: the bare row write, without other features' triggers.
    const reference = openDatabase(path.join(dir, 'reference.sqlite'), { targetVersion: 7, key: crypto.randomBytes(32) });
    reference.prepare("INSERT INTO customers (id, name, created_at, updated_at, origin_device) VALUES ('cu', 'A', 'x', 'y', 'd')").run();
    reference.prepare("INSERT INTO cases (id, customer_id, created_at, updated_at, origin_device) VALUES ('k', 'cu', 'x', 'y', 'd')").run();
    const upsert = reference.prepare(
      `INSERT INTO answers (id, case_id, question_id, value, measured, created_at, updated_at, origin_device)
       VALUES (@id, 'k', @question, @value, 0, 'x', @hlc, 'd')
       ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    const bare = await timeMany(400, (i) => {
      const q = questions[i % questions.length]!;
      upsert.run({ id: q.id, question: q.id, value: JSON.stringify(valueFor(q, i)), hlc: String(i) });
    });
    reference.close();

    const p95 = percentile(answer, 95);
    return [
      row({
        workload: 'interview answer → saved (dispatch, fsync) p95',
        ours: fixed(p95),
        reference: fixed(percentile(bare, 95), 3),
        unit: 'ms',
        target: '< 20 ms',
        note: `${p95 < 20 ? 'meets' : 'MISSES'} target; p50 ${fixed(percentile(answer, 50))} ms; reference: bare upsert of the same row, same pragmas`,
      }),
      row({
        workload: 'case score (112 questions, 33 rules, dispatch) p95',
        ours: fixed(percentile(score, 95)),
        reference: null,
        unit: 'ms',
      }),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

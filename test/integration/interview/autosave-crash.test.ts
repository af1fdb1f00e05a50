import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { repoRoot } from '../../support/run-cli';

const childScript = path.join(repoRoot, 'test/integration/interview/answer-burst-child.ts');

interface Ack {
  caseId: string;
  questionId: string;
  value: unknown;
}

/** Runs the burst child, kills it with SIGKILL after `killAfter` acks, returns the acks it printed. */
const burstAndKill = (dataDir: string, caseIds: string[], count: number, killAfter: number) =>
  new Promise<{ acks: Ack[]; signal: NodeJS.Signals | null }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, dataDir, String(count), ...caseIds], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Ack[] = [];
    let buffer = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('ack ')) {
          acks.push(JSON.parse(line.slice(4)) as Ack);
          if (acks.length === killAfter) child.kill('SIGKILL');
        }
        nl = buffer.indexOf('\n');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the child was not killed mid-burst (exit ${_code}): ${stderr.slice(0, 2000)}`));
      else resolve({ acks, signal });
    });
  });

describe('autosave survives a crash', () => {
  it('every acknowledged answer of a 200-answer burst is there after SIGKILL and reopening', async () => {
    const dataDir = tempDir();
    const setup = openTestServices(dataDir);
    const caseIds = [
      (await setup.api.createCase({ customerName: 'Crash Test One' })).id,
      (await setup.api.createCase({ customerName: 'Crash Test Two' })).id,
    ];
    setup.services.close();

    const { acks, signal } = await burstAndKill(dataDir, caseIds, 200, 120);
    expect(signal).toBe('SIGKILL');
    expect(acks.length).toBeGreaterThanOrEqual(120);
    expect(acks.length).toBeLessThan(200);

    const reopened = openTestServices(dataDir);
    expect(reopened.services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Map<string, unknown>();
    for (const caseId of caseIds) {
      for (const answer of (await reopened.api.listAnswers({ caseId })).answers) stored.set(`${caseId}/${answer.questionId}`, answer.value);
    }
    const missing = acks.filter((ack) => !stored.has(`${ack.caseId}/${ack.questionId}`));
    expect(missing).toEqual([]);
    for (const ack of acks) expect(stored.get(`${ack.caseId}/${ack.questionId}`)).toEqual(ack.value);
    // Each acknowledged answer also has its outbox mutation (same transaction).
    const mutations = reopened.services.db.prepare("SELECT count(*) AS n FROM outbox WHERE table_name = 'answers'").get() as { n: number };
    expect(mutations.n).toBeGreaterThanOrEqual(acks.length);
    reopened.services.close();
  });
});

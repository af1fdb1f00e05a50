import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encryptingCopyOf, isPlaintextDatabase } from '../../../electron/services/at-rest/encrypt-database';
import { databaseFileIn } from '../../../electron/services/data-dir';
import { openTestServices } from '../../support/services';
import { repoRoot } from '../../support/run-cli';
import { seededRandom } from '../../support/seed-cases';
import { tempDir } from '../../support/temp-dir';
import { contentDigest, legacyBlob, legacyBlobSha, writePlaintextDataDir } from './plaintext-fixture';

const child = path.join(repoRoot, 'test/integration/at-rest/encrypt-child.ts');

/** Runs the child on `dataDir`; kills it `killAfterMs` after it says ready (never, when null). Returns how long it took or that it was killed. */
const runChild = (dataDir: string, killAfterMs: number | null) =>
  new Promise<{ killed: boolean; tookMs: number | null }>((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    proc.stdout.on('data', (c: Buffer) => {
      const wasReady = out.includes('ready\n');
      out += c.toString();
      if (!wasReady && out.includes('ready\n') && killAfterMs !== null) setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    });
    proc.once('error', reject);
    proc.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') return resolve({ killed: true, tookMs: null });
      if (code !== 0) return reject(new Error(`encrypt child exited ${code}: ${err}`));
      const done = /done ([\d.]+)/.exec(out);
      resolve({ killed: false, tookMs: done ? Number(done[1]) : null });
    });
  });

describe('plaintext → encrypted migration under SIGKILL', () => {
  it('killed at 20 random moments, the data directory always reopens with all its data', { timeout: 600_000 }, async () => {
    const root = tempDir();
    const template = path.join(root, 'template');
    // 1,500 cases (about 8 MB with the history index), the latest writes only in the -wal.
    const expected = writePlaintextDataDir(template, 1_500);
    const copyTemplate = (name: string): string => {
      const dir = path.join(root, name);
      fs.cpSync(template, dir, { recursive: true });
      return dir;
    };
    // How long an unkilled migration takes on this machine right now, from "ready" to done.
    const calibration = await runChild(copyTemplate('calibration'), null);
    const span = Math.max(50, (calibration.tookMs ?? 1_000) * 1.3);
    const random = seededRandom(Date.now() & 0xffff);
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const dir = copyTemplate(`run-${i}`);
      const file = databaseFileIn(dir);
      const delay = Math.floor(random() * span);
      const run = await runChild(dir, delay);
      // Whatever the moment: the database file is whole, old or new; never missing.
      expect(fs.existsSync(file), `run ${i}: the database file is gone`).toBe(true);
      // plaintext+wal: before the checkpoint; plaintext: WAL folded in; +copy: while the encrypted copy was made.
      const state = isPlaintextDatabase(file)
        ? `plaintext${fs.existsSync(`${file}-wal`) ? '+wal' : ''}${fs.existsSync(encryptingCopyOf(file)) ? '+copy' : ''}`
        : 'encrypted';
      outcomes.push(`${delay}ms:${run.killed ? state : 'finished'}`);
      const { services } = openTestServices(dir);
      expect(contentDigest(services.db), `run ${i} killed after ${delay} ms (${state})`).toEqual(expected);
      expect(services.blobs.read(legacyBlobSha)).toEqual(legacyBlob);
      expect(await services.tokenStore.read()).toBe('gwt_plaintext_token_from_an_old_cli');
      services.close();
      expect(isPlaintextDatabase(file)).toBe(false);
      expect(fs.existsSync(encryptingCopyOf(file))).toBe(false);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    process.stdout.write(`migration calibration ${calibration.tookMs} ms; kills: ${outcomes.join(' ')}\n`);
    // At least one kill landed before the encrypted file replaced the plaintext one.
    expect(outcomes.some((o) => o.includes('plaintext'))).toBe(true);
  });
});

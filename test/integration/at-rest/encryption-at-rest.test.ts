import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppServices } from '../../../electron/services/app-services';
import { blobPath } from '../../../electron/services/at-rest/blob-store';
import { chooseKeySource } from '../../../electron/services/at-rest/choose-key-source';
import { keyFileIn } from '../../../electron/services/at-rest/key-file';
import { KeyUnavailableError, passphraseKeySource, WrongPassphraseError, type SecretKeeper } from '../../../electron/services/at-rest/key-sources';
import { osKeyring, probeKeyring } from '../../../electron/services/at-rest/os-keyring';
import { isPlaintextDatabase } from '../../../electron/services/at-rest/encrypt-database';
import { WrongDatabaseKeyError } from '../../../electron/services/at-rest/sqlite-cipher';
import { readKeyProtection } from '../../../electron/services/at-rest/protection-record';
import { openTestServices } from '../../support/services';
import { runCli } from '../../support/run-cli';
import { tempDir } from '../../support/temp-dir';
import { contentDigest, legacyBlob, legacyBlobSha, plaintextCustomer, writePlaintextDataDir } from './plaintext-fixture';

const customer = 'Zanzibar Widgets Customer 9931';
const contact = 'Henrietta Quillfeather';

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));

/** Every file but the log, which rightly records the failed open. */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    filesUnder(dir)
      .filter((f) => !path.relative(dir, f).startsWith(`logs${path.sep}`))
      .map((f) => [path.relative(dir, f), crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex')]),
  );

const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

/** A keychain that fails the way the Secret Service does on this machine. */
const deniedKeeper: SecretKeeper = {
  get: () => null,
  set: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
  delete: () => undefined,
};

describe('encryption at rest', () => {
  it('the database, its -wal and the blobs hold no plaintext customer name, contact or note', async () => {
    const { services, api } = openTestServices();
    const created = await api.createCase({ customerName: customer, siteName: 'Stone Town', engineer: 'Dana', contacts: [{ name: contact, role: 'CFO', email: 'h@zanzibar.example', phone: '' }] });
    const sha = services.blobs.write(Buffer.from(`photo of the ${customer} server room`));
    // While the database is open its latest writes sit in the -wal: both files are checked.
    const wal = `${services.databaseFile}-wal`;
    expect(fs.statSync(wal).size).toBeGreaterThan(0);
    const files = filesUnder(services.dataDir);
    expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['groundwork.sqlite', 'groundwork.sqlite-wal', 'groundwork.key', sha]));
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const secret of [customer, contact, 'Stone Town', 'zanzibar.example']) {
        expect(bytes.includes(secret), `${secret} in ${path.basename(file)}`).toBe(false);
        expect(bytes.includes(Buffer.from(secret, 'utf16le')), `${secret} (UTF-16) in ${path.basename(file)}`).toBe(false);
      }
    }
    expect(isPlaintextDatabase(services.databaseFile)).toBe(false);
    // Through the services everything reads back.
    expect((await api.getCase({ id: created.id })).customerName).toBe(customer);
    expect(services.blobs.read(sha)?.toString()).toContain(customer);
    services.close();
  });

  it('the data directory is 0700 (also when it was 0755) and every file in it 0600', async () => {
    const dataDir = tempDir();
    fs.chmodSync(dataDir, 0o755);
    const { services, api } = openTestServices(dataDir);
    await api.createCase({ customerName: customer });
    const sha = services.blobs.write(Buffer.from('an attachment'));
    expect(modeOf(dataDir)).toBe(0o700);
    for (const file of [services.databaseFile, `${services.databaseFile}-wal`, `${services.databaseFile}-shm`, keyFileIn(dataDir), blobPath(dataDir, sha)]) {
      expect(modeOf(file), file).toBe(0o600);
    }
    expect(modeOf(path.dirname(blobPath(dataDir, sha)))).toBe(0o700);
    services.close();
  });

  it('a wrong passphrase is a clear error and leaves every file byte-identical', async () => {
    const dataDir = tempDir();
    const { api, services } = openTestServices(dataDir);
    await api.createCase({ customerName: customer });
    services.close();
    const before = snapshot(dataDir);
    const wrong = passphraseKeySource('not the passphrase', { warning: null });
    expect(() => openAppServices(dataDir, { transport: 'cli', keySource: wrong })).toThrow(WrongPassphraseError);
    expect(() => openAppServices(dataDir, { transport: 'cli', keySource: wrong })).toThrow(/passphrase is wrong.*Nothing has been changed/);
    expect(snapshot(dataDir)).toEqual(before);
    // The same from the command line: one line, exit 1, nothing touched.
    const cli = runCli(['cases', 'list', '--data-dir', dataDir], { GROUNDWORK_PASSPHRASE: 'also wrong' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/^groundwork: The passphrase is wrong/);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('a key file that does not belong to the database is refused without touching it', async () => {
    const a = tempDir();
    const b = tempDir();
    for (const dir of [a, b]) {
      const { api, services } = openTestServices(dir);
      await api.createCase({ customerName: customer });
      services.close();
    }
    fs.copyFileSync(keyFileIn(b), keyFileIn(a));
    const before = snapshot(a);
    expect(() => openTestServices(a)).toThrow(WrongDatabaseKeyError);
    expect(snapshot(a)).toEqual(before);
    fs.rmSync(keyFileIn(a));
    expect(() => openTestServices(a)).toThrow(/encrypted but its key file .* is missing/);
  });

  it('a plaintext database with a leftover -wal, its blobs and token file are encrypted in place with nothing lost', async () => {
    const dataDir = tempDir();
    const expected = writePlaintextDataDir(path.join(dataDir, 'd'), 300);
    const dir = path.join(dataDir, 'd');
    expect(fs.readFileSync(`${path.join(dir, 'groundwork.sqlite')}-wal`).includes(plaintextCustomer)).toBe(true);
    const { services } = openTestServices(dir);
    expect(contentDigest(services.db)).toEqual(expected);
    expect(services.blobs.read(legacyBlobSha)).toEqual(legacyBlob);
    expect(await services.tokenStore.read()).toBe('gwt_plaintext_token_from_an_old_cli');
    expect(fs.existsSync(path.join(dir, 'hub-token'))).toBe(false);
    services.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of filesUnder(dir)) {
      expect(fs.readFileSync(file).includes(plaintextCustomer), file).toBe(false);
      expect(fs.readFileSync(file).includes('gwt_plaintext_token'), file).toBe(false);
      expect(modeOf(file), file).toBe(0o600);
    }
    expect(modeOf(dir)).toBe(0o700);
    expect(fs.readdirSync(dir).filter((n) => n.includes('encrypting'))).toEqual([]);
    services.close();
  });

  it('records how the key is protected, with the passphrase-mode warning, and the CLI prints it when first recorded', () => {
    const dataDir = tempDir();
    const first = runCli(['cases', 'list', '--data-dir', dataDir]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^groundwork: WARNING: Passphrase mode \(GROUNDWORK_PASSPHRASE\), not the OS keychain/);
    expect(runCli(['cases', 'list', '--data-dir', dataDir]).stderr).toBe('');
    const { services } = openTestServices(dataDir);
    expect(readKeyProtection(services.db)).toMatchObject({ method: 'passphrase', warning: expect.stringMatching(/protected only by your passphrase/) });
    services.close();
  });

  it('with no passphrase and no usable keychain the CLI refuses with a way out, and creates nothing', async () => {
    const dataDir = path.join(tempDir(), 'new');
    // Where a keychain works (a desktop session) the CLI rightly uses it; this machine's refuses access.
    const keychain = probeKeyring(osKeyring());
    if (keychain.ok) process.stderr.write('SKIPPED: the OS keychain works here; the no-keychain CLI path is checked in process only\n');
    const cli = keychain.ok ? null : runCli(['cases', 'list', '--data-dir', dataDir], { GROUNDWORK_PASSPHRASE: '' });
    if (cli) {
      expect(cli.status).toBe(1);
      expect(cli.stderr).toMatch(/OS keychain is not available .*GROUNDWORK_PASSPHRASE.*--passphrase-file/s);
      expect(fs.existsSync(dataDir)).toBe(false);
    }
    // The same choice in process, with a keychain that denies access like this machine's.
    await expect(chooseKeySource({ dataDir, env: {}, keeper: deniedKeeper, ask: null })).rejects.toThrow(KeyUnavailableError);
    const asked = await chooseKeySource({ dataDir, env: {}, keeper: deniedKeeper, ask: async () => 'typed at the terminal' });
    expect(asked).toMatchObject({ method: 'passphrase', warning: expect.stringMatching(/AccessDenied/) });
  });

  it('--passphrase-file opens what GROUNDWORK_PASSPHRASE made', () => {
    const dataDir = tempDir();
    expect(runCli(['cases', 'create', '--customer', customer, '--data-dir', dataDir]).status).toBe(0);
    const file = path.join(tempDir(), 'pass');
    fs.writeFileSync(file, `${process.env.GROUNDWORK_PASSPHRASE}\n`, { mode: 0o600 });
    const listed = runCli(['cases', 'list', '--json', '--data-dir', dataDir, '--passphrase-file', file], { GROUNDWORK_PASSPHRASE: '' });
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(customer);
  });
});

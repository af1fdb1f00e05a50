import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SecretKeeper } from '../../../electron/services/at-rest/key-sources';
import { keychainTokenStore } from '../../../electron/services/sync/token-store';
import { openTestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';

/** The OS keychain cannot be reached on the test machine (Secret Service: AccessDenied); this keeps secrets in memory like it would. */
const memoryKeeper = (): SecretKeeper & { entries: Map<string, string> } => {
  const entries = new Map<string, string>();
  return { entries, get: (a) => entries.get(a) ?? null, set: (a, s) => void entries.set(a, s), delete: (a) => void entries.delete(a) };
};

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));

describe('hub token storage', () => {
  it('in passphrase mode the token lives inside the encrypted database: no file in the data directory holds it', async () => {
    const { services } = openTestServices();
    await services.tokenStore.write('gwt_secret_token_value');
    expect(await services.tokenStore.read()).toBe('gwt_secret_token_value');
    services.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of filesUnder(services.dataDir)) expect(fs.readFileSync(file).includes('gwt_secret_token_value'), file).toBe(false);
    // Passphrase mode says so wherever the token is shown.
    expect(services.tokenStore.warning).toMatch(/passphrase/);
    await services.tokenStore.clear();
    expect(await services.tokenStore.read()).toBeNull();
    services.close();
  });

  it('with the OS keychain the token is a keychain entry', async () => {
    const keeper = memoryKeeper();
    const store = keychainTokenStore(keeper, 'hub-token abc');
    await store.write('gwt_abc123');
    expect(keeper.entries.get('hub-token abc')).toBe('gwt_abc123');
    expect(await store.read()).toBe('gwt_abc123');
    expect(store.warning).toBeNull();
    await store.clear();
    expect(keeper.entries.size).toBe(0);
  });

  it("an earlier version's plaintext token files move into the store and are deleted", async () => {
    const dataDir = tempDir();
    openTestServices(dataDir).services.close();
    fs.writeFileSync(path.join(dataDir, 'hub-token'), 'gwt_from_the_cli_file\n', { mode: 0o600 });
    const { services } = openTestServices(dataDir);
    expect(fs.existsSync(path.join(dataDir, 'hub-token'))).toBe(false);
    expect(await services.tokenStore.read()).toBe('gwt_from_the_cli_file');
    services.close();
  });
});

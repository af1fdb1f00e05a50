import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileTokenStore, keychainTokenStore, type TokenCipher } from '../../../electron/services/sync/token-store';
import { tempDir } from '../../support/temp-dir';

/** Stands in for Electron's safeStorage, which only exists inside the Electron app. */
const reversingCipher = (available: boolean): TokenCipher => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => Buffer.from([...text].reverse().join(''), 'utf8'),
  decryptString: (data) => [...data.toString('utf8')].reverse().join(''),
});

describe('hub token storage', () => {
  it('the file store keeps the token readable by its owner only, and warns', async () => {
    const file = path.join(tempDir(), 'nested', 'hub-token');
    const store = fileTokenStore(file);
    expect(await store.read()).toBeNull();
    await store.write('gwt_secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.read()).toBe('gwt_secret');
    expect(store.warning).toMatch(/keychain is not available/);
    expect(store.warning).toContain(file);
    await store.clear();
    expect(await store.read()).toBeNull();
  });

  it('the keychain store writes only ciphertext and needs no warning', async () => {
    const file = path.join(tempDir(), 'hub-token.enc');
    const store = keychainTokenStore(file, reversingCipher(true));
    await store.write('gwt_abc123');
    expect(fs.readFileSync(file, 'utf8')).not.toContain('gwt_abc123');
    expect(await store.read()).toBe('gwt_abc123');
    expect(store.warning).toBeNull();
  });

  it('falls back to the 0600 file, with the warning, when the keychain is unavailable', async () => {
    const file = path.join(tempDir(), 'hub-token.enc');
    const store = keychainTokenStore(file, reversingCipher(false));
    await store.write('gwt_plain');
    expect(store.warning).toMatch(/keychain is not available/);
    expect(fs.statSync(`${file}.plain`).mode & 0o777).toBe(0o600);
    expect(await store.read()).toBe('gwt_plain');
  });
});

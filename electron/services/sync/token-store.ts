import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { SecretKeeper } from '../at-rest/key-sources';

/**
 * Where the hub token lives: in the OS keychain when the database key is there too, otherwise
 * inside the encrypted case database (passphrase mode, Electron safeStorage). Never a plaintext file.
 */
export interface TokenStore {
  read(): Promise<string | null>;
  write(token: string): Promise<void>;
  clear(): Promise<void>;
  /** A sentence for the user when the token is only as safe as a weak key protection; null otherwise. */
  readonly warning: string | null;
}

export interface SyncSecret {
  get(): string | null;
  set(value: string): void;
  remove(): void;
}

export const asTokenStore = (secret: SyncSecret, warning: string | null): TokenStore => ({
  warning,
  read: async () => secret.get(),
  write: async (token) => secret.set(token),
  clear: async () => secret.remove(),
});

export const databaseSecret = (db: Database, name: string): SyncSecret => ({
  get: () => (db.prepare('SELECT value FROM local_secrets WHERE name = ?').get(name) as { value: string } | undefined)?.value ?? null,
  set: (value) => {
    db.prepare(
      'INSERT INTO local_secrets (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    ).run(name, value, new Date().toISOString());
  },
  remove: () => {
    db.prepare('DELETE FROM local_secrets WHERE name = ?').run(name);
  },
});

export const keychainSecret = (keeper: SecretKeeper, account: string): SyncSecret => ({
  get: () => keeper.get(account),
  set: (value) => keeper.set(account, value),
  remove: () => keeper.delete(account),
});

export const databaseTokenStore = (db: Database, warning: string | null): TokenStore => asTokenStore(databaseSecret(db, 'hub-token'), warning);

export const keychainTokenStore = (keeper: SecretKeeper, account: string): TokenStore => asTokenStore(keychainSecret(keeper, account), null);

/** Token files earlier versions wrote in the clear: the CLI's, and the app's fallback without a keychain. */
export const legacyTokenFilesIn = (dataDir: string): string[] => [path.join(dataDir, 'hub-token'), path.join(dataDir, 'hub-token.enc.plain')];

/**
 * Moves a token from an earlier version's plaintext file into `store`, then deletes the file.
 * A crash between the two leaves the file, which the next start moves again (same token).
 */
export const migrateLegacyTokenFiles = (files: readonly string[], secret: SyncSecret): number => {
  let moved = 0;
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    const token = fs.readFileSync(file, 'utf8').trim();
    if (token) secret.set(token);
    fs.rmSync(file, { force: true });
    moved += 1;
  }
  return moved;
};

import crypto from 'node:crypto';
import type { KeyFile, KeyMethod, PassphraseWrapping } from './key-file';

/** How the data directory's key is protected, as recorded in the database and shown to the user. */
export interface KeyProtection {
  readonly method: KeyMethod;
  /** A sentence for the user when the protection is weak or a fallback; null when it is the OS keychain. */
  readonly warning: string | null;
}

/**
 * Where the master key comes from. openAppServices takes one explicitly: the app passes Electron
 * safeStorage, the CLI and bridge the OS keychain or a passphrase, tests a test passphrase.
 */
export interface KeySource extends KeyProtection {
  /** The master key from this method's entry in the key file; throws a clear error when it cannot. */
  unwrap(keyFile: KeyFile, file: string): Buffer;
  /** This method's entry for a new master key (the keychain stores the key itself). */
  wrap(master: Buffer, keyFileId: string): KeyFile['wrappings'];
  /** The keychain, where the hub token lives too; null for methods that keep it in the encrypted database. */
  readonly keeper: SecretKeeper | null;
}

export class WrongPassphraseError extends Error {
  constructor(file: string) {
    super(`The passphrase is wrong for this case history (key file ${file}). Nothing has been changed.`);
    this.name = 'WrongPassphraseError';
  }
}

export class KeyUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyUnavailableError';
  }
}

/** The part of an OS keychain binding Groundwork uses: one secret per account under the service "Groundwork". */
export interface SecretKeeper {
  get(account: string): string | null;
  set(account: string, secret: string): void;
  delete(account: string): void;
}

const methodNames: Record<KeyMethod, string> = {
  'os-keychain': 'the OS keychain',
  'safe-storage': "the Groundwork app's safe storage",
  passphrase: 'a passphrase',
};

export const noWrappingError = (keyFile: KeyFile, wanted: KeyMethod): KeyUnavailableError => {
  const held = (Object.keys(keyFile.wrappings) as KeyMethod[]).map((m) => methodNames[m]);
  const hint = keyFile.wrappings.passphrase ? ' Give its passphrase (GROUNDWORK_PASSPHRASE or --passphrase-file).' : '';
  return new KeyUnavailableError(
    `This case history's key is protected by ${held.join(' and ') || 'nothing known'}, not by ${methodNames[wanted]}.${hint} Nothing has been changed.`,
  );
};

export const keychainAccount = (keyFileId: string, what: 'database-key' | 'hub-token'): string => `${what} ${keyFileId}`;

/** The master key held by the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service). */
export const keychainKeySource = (keeper: SecretKeeper): KeySource => ({
  method: 'os-keychain',
  warning: null,
  keeper,
  wrap: (master, id) => {
    const account = keychainAccount(id, 'database-key');
    keeper.set(account, master.toString('base64'));
    // Read back: some backends accept a write they cannot keep.
    if (keeper.get(account) !== master.toString('base64')) throw new KeyUnavailableError('The OS keychain did not keep the key it was given.');
    return { 'os-keychain': { account } };
  },
  unwrap: (keyFile) => {
    const entry = keyFile.wrappings['os-keychain'];
    if (!entry) throw noWrappingError(keyFile, 'os-keychain');
    let secret: string | null;
    try {
      secret = keeper.get(entry.account);
    } catch (error) {
      throw new KeyUnavailableError(
        `The OS keychain, which holds this case history's key, cannot be reached (${error instanceof Error ? error.message : String(error)}). Nothing has been changed.`,
      );
    }
    if (!secret) {
      throw new KeyUnavailableError(`The OS keychain has no key for this case history (entry "${entry.account}"), or it cannot be reached. Nothing has been changed.`);
    }
    return Buffer.from(secret, 'base64');
  },
});

/** scrypt cost: 2^15 × 8 × 128 bytes = 32 MiB and about 0.1 s per unlock, per OWASP's scrypt minimum. */
export const scryptCost = { N: 2 ** 15, r: 8, p: 1 } as const;

export interface PassphraseOptions {
  /** Why passphrase mode is in use, shown wherever the protection is shown; null when the user chose it. */
  readonly warning: string | null;
}

/**
 * The master key wrapped (AES-256-GCM) by a key scrypt derives from a passphrase. A wrong
 * passphrase fails the GCM tag: a clear error, and nothing is written.
 */
export const passphraseKeySource = (passphrase: string, options: PassphraseOptions): KeySource => {
  if (passphrase.length === 0) throw new KeyUnavailableError('The passphrase is empty.');
  // Per source object, so one process opening many data directories with one passphrase derives each salt's key once.
  const derived = new Map<string, Buffer>();
  const kek = (salt: Buffer, cost: { N: number; r: number; p: number }): Buffer => {
    const memo = `${salt.toString('base64')}:${cost.N}:${cost.r}:${cost.p}`;
    let key = derived.get(memo);
    if (!key) {
      key = crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { ...cost, maxmem: 256 * cost.N * cost.r });
      derived.set(memo, key);
    }
    return key;
  };
  return {
    method: 'passphrase',
    warning: options.warning,
    keeper: null,
    wrap: (master) => {
      const salt = crypto.randomBytes(16);
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', kek(salt, scryptCost), iv);
      const data = Buffer.concat([cipher.update(master), cipher.final()]);
      const wrapping: PassphraseWrapping = {
        kdf: 'scrypt',
        ...scryptCost,
        salt: salt.toString('base64'),
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      };
      return { passphrase: wrapping };
    },
    unwrap: (keyFile, file) => {
      const w = keyFile.wrappings.passphrase;
      if (!w) throw noWrappingError(keyFile, 'passphrase');
      const decipher = crypto.createDecipheriv('aes-256-gcm', kek(Buffer.from(w.salt, 'base64'), w), Buffer.from(w.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(w.data, 'base64')), decipher.final()]);
      } catch {
        // GCM's tag check is the only way a wrong passphrase shows; any failure here means that.
        throw new WrongPassphraseError(file);
      }
    },
  };
};

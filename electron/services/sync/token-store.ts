import fs from 'node:fs';
import path from 'node:path';

/** Where the hub token lives. The app uses the OS keychain (Electron safeStorage); tests and the CLI a file. */
export interface TokenStore {
  read(): Promise<string | null>;
  write(token: string): Promise<void>;
  clear(): Promise<void>;
  /** A sentence for the user when the token is not protected by the OS keychain; null when it is. */
  readonly warning: string | null;
}

/** The shape of Electron's safeStorage, so electron/main can pass it in without this file importing Electron. */
export interface TokenCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const writePrivate = (file: string, data: string | Buffer): void => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write beside and rename, so a crash never leaves half a token; 0600 from the first byte.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, data, { mode: 0o600 });
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
};

const readIfPresent = (file: string): Buffer | null => {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
};

export const plainFileWarning = (file: string): string =>
  `The operating system's keychain is not available, so the hub token is kept in ${file}, readable only by your user account. Anyone with access to this account can sync as this device.`;

/** The token in a file only its owner can read (mode 0600), with a warning saying so. */
export const fileTokenStore = (file: string): TokenStore => ({
  warning: plainFileWarning(file),
  read: async () => {
    const data = readIfPresent(file);
    return data ? data.toString('utf8').trim() || null : null;
  },
  write: async (token) => writePrivate(file, token),
  clear: async () => fs.rmSync(file, { force: true }),
});

/**
 * The token encrypted by the OS keychain (Electron safeStorage); falls back to the plain 0600
 * file, with its warning, when the keychain is unavailable (e.g. Linux without a secret service).
 */
export const keychainTokenStore = (file: string, cipher: TokenCipher): TokenStore => {
  if (!cipher.isEncryptionAvailable()) return fileTokenStore(`${file}.plain`);
  return {
    warning: null,
    read: async () => {
      const data = readIfPresent(file);
      return data ? cipher.decryptString(data) : null;
    },
    write: async (token) => writePrivate(file, cipher.encryptString(token)),
    clear: async () => fs.rmSync(file, { force: true }),
  };
};

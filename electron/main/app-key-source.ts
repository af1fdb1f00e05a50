import { dialog, safeStorage } from 'electron';
import { keyFileIn, readKeyFile } from '../services/at-rest/key-file';
import { keychainAccount, keychainKeySource, KeyUnavailableError, noWrappingError, type KeySource } from '../services/at-rest/key-sources';
import { osKeyring, probeKeyring } from '../services/at-rest/os-keyring';
import { chooseKeySource, passphraseWarning } from '../services/at-rest/choose-key-source';

/** Linux without a keyring: safeStorage falls back to a password built into Chromium. */
const weakBackends = new Set(['basic_text', 'unknown']);

const backendOf = (): string => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os');

export const basicTextWarning =
  "This computer has no keyring (Linux safeStorage backend 'basic_text'): the key of the case history is protected only by a password built into Electron, so anyone who copies the data folder can read it. Restart Groundwork with a passphrase (GROUNDWORK_PASSPHRASE or --passphrase-file FILE) to protect it properly.";

/**
 * The master key wrapped by Electron safeStorage. Where @napi-rs/keyring reaches the same OS
 * keychain, the key is also put there, so the CLI on this machine opens the same case history.
 */
export const safeStorageKeySource = (backend: string): KeySource => {
  const warning = weakBackends.has(backend) ? basicTextWarning : null;
  const keeper = osKeyring();
  return {
    method: 'safe-storage',
    warning,
    // The hub token goes into the encrypted database: it is exactly as safe as the key.
    keeper: null,
    wrap: (master, id) => {
      const wrappings: ReturnType<KeySource['wrap']> = {
        'safe-storage': { backend, data: safeStorage.encryptString(master.toString('base64')).toString('base64') },
      };
      if (!warning && probeKeyring(keeper).ok) {
        const account = keychainAccount(id, 'database-key');
        keeper.set(account, master.toString('base64'));
        return { ...wrappings, 'os-keychain': { account } };
      }
      return wrappings;
    },
    unwrap: (keyFile) => {
      const entry = keyFile.wrappings['safe-storage'];
      if (!entry) throw noWrappingError(keyFile, 'safe-storage');
      return Buffer.from(safeStorage.decryptString(Buffer.from(entry.data, 'base64')), 'base64');
    },
  };
};

const argValue = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  if (index >= 0) return process.argv[index + 1];
  return process.argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};

/**
 * The app's key source: a passphrase if one was given; the keychain entry the CLI made; else
 * safeStorage. A weak safeStorage backend is said out loud before anything is encrypted with it.
 */
export const appKeySource = async (dataDir: string): Promise<KeySource> => {
  const passphraseFile = argValue('--passphrase-file');
  if (passphraseFile || process.env.GROUNDWORK_PASSPHRASE) {
    return chooseKeySource({ dataDir, passphraseFile, env: process.env, keeper: osKeyring(), ask: null });
  }
  const keyFile = readKeyFile(keyFileIn(dataDir));
  if (keyFile && !keyFile.wrappings['safe-storage'] && keyFile.wrappings['os-keychain']) return keychainKeySource(osKeyring());
  if (keyFile?.wrappings.passphrase && !keyFile.wrappings['safe-storage']) {
    throw new KeyUnavailableError('This case history is protected by a passphrase. Start Groundwork with GROUNDWORK_PASSPHRASE set or with --passphrase-file FILE.');
  }
  if (!safeStorage.isEncryptionAvailable()) {
    throw new KeyUnavailableError(
      `This computer offers no safe storage for the key. ${passphraseWarning('Start Groundwork with GROUNDWORK_PASSPHRASE set or with --passphrase-file FILE:')}`,
    );
  }
  const backend = backendOf();
  if (weakBackends.has(backend) && !keyFile) {
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: 'No keyring on this computer',
      message: 'Groundwork cannot protect the case history with your keyring',
      detail: basicTextWarning,
      buttons: ['Quit and use a passphrase', 'Continue with weak protection'],
      defaultId: 0,
      cancelId: 0,
    });
    if (response === 0) throw new KeyUnavailableError(basicTextWarning);
  }
  return safeStorageKeySource(backend);
};

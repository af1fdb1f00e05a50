import { Entry, type EntryOptions } from '@napi-rs/keyring';
import type { SecretKeeper } from './key-sources';

export const keychainService = 'Groundwork';

/**
 * The OS keychain through @napi-rs/keyring (macOS Keychain, Windows Credential Manager, Linux
 * Secret Service): an N-API addon, so one build serves Node (CLI, bridge) and Electron alike.
 */
/*
 * On Linux the binding's default falls back from the Secret Service to the kernel keyring
 * (keyutils), which forgets everything at reboot: a database key kept only there would be lost
 * with the case history. So Linux is pinned to the Secret Service; without one, the keychain is
 * "not available" and the user gets passphrase mode instead.
 */
const entryOptions: EntryOptions = { linux: { store: 'secret-service' } };

export const osKeyring = (service: string = keychainService): SecretKeeper => ({
  get: (account) => new Entry(service, account, entryOptions).getPassword(),
  set: (account, secret) => new Entry(service, account, entryOptions).setPassword(secret),
  delete: (account) => {
    new Entry(service, account, entryOptions).deletePassword();
  },
});

/** Whether the keychain can keep a secret here: writes, reads back and deletes a probe entry. */
export const probeKeyring = (keeper: SecretKeeper): { ok: true } | { ok: false; reason: string } => {
  const account = `probe ${process.pid} ${Date.now()}`;
  try {
    keeper.set(account, 'probe');
    const back = keeper.get(account);
    keeper.delete(account);
    return back === 'probe' ? { ok: true } : { ok: false, reason: 'it accepted a secret but did not return it' };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
};

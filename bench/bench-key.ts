import { givenPassphraseKeySource } from '../electron/services/at-rest/choose-key-source';

/**
 * Benchmarks open their data directories in passphrase mode, encrypted like the app and never
 * touching the OS keychain; CLI runs get the same passphrase through GROUNDWORK_PASSPHRASE.
 */
export const benchPassphrase = 'groundwork benchmark passphrase';

export const benchKeySource = givenPassphraseKeySource(benchPassphrase, 'GROUNDWORK_PASSPHRASE');

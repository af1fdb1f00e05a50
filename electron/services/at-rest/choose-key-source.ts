import fs from 'node:fs';
import { keyFileIn, readKeyFile } from './key-file';
import { keychainKeySource, KeyUnavailableError, passphraseKeySource, type KeySource, type SecretKeeper } from './key-sources';
import { probeKeyring } from './os-keyring';

export interface KeyChoiceInput {
  readonly dataDir: string;
  /** --passphrase-file: the passphrase is the file's first line. */
  readonly passphraseFile?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly keeper: SecretKeeper;
  /** Asks on the terminal; null when there is none (then a clear error says how to give one). */
  readonly ask: ((question: string, confirm: boolean) => Promise<string>) | null;
}

export const passphraseWarning = (why: string): string =>
  `${why} The case history is encrypted with a key protected only by your passphrase: without it nothing can be opened, and anyone who has it and a copy of the data folder can read everything.`;

/** Passphrase mode the user asked for; its warning is recorded like any other. */
export const givenPassphraseKeySource = (passphrase: string, from: 'GROUNDWORK_PASSPHRASE' | '--passphrase-file'): KeySource =>
  passphraseKeySource(passphrase, { warning: passphraseWarning(`Passphrase mode (${from}), not the OS keychain.`) });

const readPassphraseFile = (file: string): string => {
  const text = fs.readFileSync(file, 'utf8');
  const first = text.split(/\r?\n/)[0] ?? '';
  if (!first) throw new KeyUnavailableError(`The passphrase file ${file} is empty.`);
  return first;
};

const noTerminal = (why: string): KeyUnavailableError =>
  new KeyUnavailableError(
    `${why} Give a passphrase to protect the case history: set GROUNDWORK_PASSPHRASE, pass --passphrase-file FILE, or run in a terminal to be asked.`,
  );

/**
 * The CLI's and the bridge's key source, in this order: a passphrase the user gave
 * (--passphrase-file, GROUNDWORK_PASSPHRASE); the OS keychain when the key is there or, for a
 * new data directory, when the keychain works; otherwise passphrase mode, asked on the terminal
 * and recorded with a warning. Never a plaintext database, never a built-in key.
 */
export const chooseKeySource = async (input: KeyChoiceInput): Promise<KeySource> => {
  const given = input.passphraseFile ? readPassphraseFile(input.passphraseFile) : input.env.GROUNDWORK_PASSPHRASE;
  if (given) return givenPassphraseKeySource(given, input.passphraseFile ? '--passphrase-file' : 'GROUNDWORK_PASSPHRASE');
  const keyFile = readKeyFile(keyFileIn(input.dataDir));
  if (keyFile?.wrappings['os-keychain']) return keychainKeySource(input.keeper);
  let why: string;
  if (keyFile?.wrappings.passphrase) why = 'This case history is protected by a passphrase.';
  else if (keyFile) why = "This case history's key is held by the Groundwork app's safe storage, which the command line cannot read.";
  else {
    const probe = probeKeyring(input.keeper);
    if (probe.ok) return keychainKeySource(input.keeper);
    why = `The OS keychain is not available (${probe.reason}).`;
  }
  if (!input.ask) throw noTerminal(why);
  const isNew = !keyFile;
  const passphrase = await input.ask(isNew ? 'New passphrase for the case history: ' : 'Passphrase for the case history: ', isNew);
  return passphraseKeySource(passphrase, { warning: passphraseWarning(why) });
};

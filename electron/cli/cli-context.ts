import { type Command, Option } from 'commander';
import { createApiClient, type ApiClient } from '../../shared/contract/api-client';
import { createDispatch } from '../services/api/dispatch';
import { createHandlers } from '../services/api/handlers';
import { openAppServices, type AppServices, type OpenServicesOptions } from '../services/app-services';
import { resolveDataDir } from '../services/data-dir';
import { newOperationId } from '../services/log/logger';
import { chooseKeySource } from '../services/at-rest/choose-key-source';
import { osKeyring } from '../services/at-rest/os-keyring';
import { terminalPassphrasePrompt } from './passphrase-prompt';

export interface CliSession {
  readonly services: AppServices;
  readonly api: ApiClient;
}

/** The options every command that opens the case history takes. */
export interface DataDirFlags {
  readonly dataDir?: string;
  readonly passphraseFile?: string;
}

/** Every command takes --data-dir and --passphrase-file, so they show in each command's own --help. */
export const withDataDir = (
  command: Command,
  description = "where the case database lives (default: GROUNDWORK_DATA_DIR, then the app's user-data folder)",
): Command =>
  command
    .addOption(new Option('--data-dir <dir>', description))
    .addOption(
      new Option('--passphrase-file <file>', 'passphrase mode: the case history key is protected by the passphrase on this file\'s first line (also GROUNDWORK_PASSPHRASE) instead of the OS keychain'),
    );

/**
 * Opens the services the CLI's way: the key from the OS keychain or a passphrase (chooseKeySource),
 * and a weak protection's warning printed when it is first recorded.
 */
export const openCliServices = async (flags: DataDirFlags, transport: OpenServicesOptions['transport']): Promise<AppServices> => {
  const dataDir = resolveDataDir(flags.dataDir);
  const keySource = await chooseKeySource({
    dataDir,
    passphraseFile: flags.passphraseFile,
    env: process.env,
    keeper: osKeyring(),
    ask: terminalPassphrasePrompt(),
  });
  const services = openAppServices(dataDir, { transport, keySource });
  if (services.keyProtectionIsNew && services.keyProtection.warning) process.stderr.write(`groundwork: WARNING: ${services.keyProtection.warning}\n`);
  return services;
};

/**
 * Opens the real services for one command and talks to them through the contract, so the CLI
 * gets exactly the validation and errors the app gets.
 */
export const withSession = async <T>(flags: DataDirFlags, run: (session: CliSession) => Promise<T>): Promise<T> => {
  const services = await openCliServices(flags, 'cli');
  try {
    const dispatch = createDispatch(createHandlers(services), services.logging);
    return await run({ services, api: createApiClient((channel, input, op) => dispatch(channel, input, op), newOperationId) });
  } finally {
    // Headless Chromium (a PDF export) is closed before we return, so the command exits promptly.
    await services.pdf.close();
    services.close();
  }
};

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

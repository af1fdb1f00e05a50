import { type Command, Option } from 'commander';
import { createApiClient, type ApiClient } from '../../shared/contract/api-client';
import { createDispatch } from '../services/api/dispatch';
import { createHandlers } from '../services/api/handlers';
import { openAppServices, type AppServices } from '../services/app-services';
import { resolveDataDir } from '../services/data-dir';
import { newOperationId } from '../services/log/logger';

export interface CliSession {
  readonly services: AppServices;
  readonly api: ApiClient;
}

/** Every command takes --data-dir, so it shows in each command's own --help. */
export const withDataDir = (
  command: Command,
  description = "where the case database lives (default: GROUNDWORK_DATA_DIR, then the app's user-data folder)",
): Command => command.addOption(new Option('--data-dir <dir>', description));

/**
 * Opens the real services for one command and talks to them through the contract, so the CLI
 * gets exactly the validation and errors the app gets.
 */
export const withSession = async <T>(dataDirFlag: string | undefined, run: (session: CliSession) => Promise<T>): Promise<T> => {
  const services = openAppServices(resolveDataDir(dataDirFlag), { transport: 'cli' });
  try {
    const dispatch = createDispatch(createHandlers(services), services.logging);
    return await run({ services, api: createApiClient((channel, input, op) => dispatch(channel, input, op), newOperationId) });
  } finally {
    services.close();
  }
};

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

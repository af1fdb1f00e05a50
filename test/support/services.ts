import { createApiClient, type ApiClient } from '../../shared/contract/api-client';
import { createDispatch, type Dispatch } from '../../electron/services/api/dispatch';
import { createHandlers } from '../../electron/services/api/handlers';
import { openAppServices, type AppServices } from '../../electron/services/app-services';
import { tempDir } from './temp-dir';
import { testKeySource } from './test-key';

export interface TestServices {
  services: AppServices;
  dispatch: Dispatch;
  api: ApiClient;
}

/** The real services on a real (encrypted) SQLite file in a temporary data directory. */
export const openTestServices = (dataDir: string = tempDir()): TestServices => {
  const services = openAppServices(dataDir, { transport: 'cli', keySource: testKeySource });
  const dispatch = createDispatch(createHandlers(services), services.logging);
  return { services, dispatch, api: createApiClient((channel, input, op) => dispatch(channel, input, op)) };
};

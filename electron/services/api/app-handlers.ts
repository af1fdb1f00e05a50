import type { appCalls } from '../../../shared/contract/calls/app-calls';
import type { HandlersFor } from './handler-types';
import { appVersion, type AppServices } from '../app-services';
import { deviceId } from '../db/device-clock';
import { appLanguageOf, setAppLanguage } from '../db/app-language';
import { schemaVersionOf } from '../db/open-database';
import { currentProtection, setPassphrase } from '../at-rest/change-passphrase';
import { collectDiagnostics, openLogFolder } from '../diagnostics/diagnostics';

export const appHandlers = (services: AppServices): HandlersFor<typeof appCalls> => ({
  'app:info': () => ({
    version: appVersion,
    dataDir: services.dataDir,
    databaseFile: services.databaseFile,
    schemaVersion: schemaVersionOf(services.db),
    deviceId: deviceId(services.db),
    transport: services.transport,
    keyProtection: currentProtection(services.db, services.keyProtection),
  }),
  'app:set-passphrase': (input) => setPassphrase(services, input),
  'app:language': () => ({ language: appLanguageOf(services.db) }),
  'app:set-language': (input) => ({ language: setAppLanguage(services.db, input.language) }),
  'app:diagnostics': () => collectDiagnostics(services),
  'app:open-log-folder': () => openLogFolder(services, services.openFolder),
});

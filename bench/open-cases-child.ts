// Opens cases the way the app's main process does (detail, then score) and reports its memory.
import { benchKeySource } from './bench-key';
import { openAppServices } from '../electron/services/app-services';
import { createDispatch } from '../electron/services/api/dispatch';
import { createHandlers } from '../electron/services/api/handlers';

const [dataDir, ...ids] = process.argv.slice(2);
const services = openAppServices(dataDir as string, { transport: 'ipc', keySource: benchKeySource });
const dispatch = createDispatch(createHandlers(services), services.logging);
const mib = () => Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;
globalThis.gc?.();
const baseline = mib();
for (const id of ids) {
  await dispatch('cases:get', { id });
  await dispatch('interview:score', { caseId: id });
}
globalThis.gc?.();
process.send?.({ baseline, after: mib() });
services.close();

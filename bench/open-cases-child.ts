// Opens cases the way the app's main process does (detail, then score) and reports its memory.
import { benchKeySource } from './bench-key';
import { openAppServices } from '../electron/services/app-services';
import { createDispatch } from '../electron/services/api/dispatch';
import { createHandlers } from '../electron/services/api/handlers';

const [dataDir, ...ids] = process.argv.slice(2);
const services = openAppServices(dataDir as string, { transport: 'ipc', keySource: benchKeySource });
const dispatch = createDispatch(createHandlers(services), services.logging);
const mib = () => Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * RSS once the process has been idle, as the app is between a user's actions: right after a burst
 * of work V8 still holds the pages its garbage lived in, and its memory reducer gives them back
 * only after a few idle seconds. What is left then is what the work kept.
 */
const settledMib = async (): Promise<number> => {
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 12; i += 1) {
    globalThis.gc?.();
    await sleep(2_000);
    const now = mib();
    if (Math.abs(last - now) < 1) return now;
    last = now;
  }
  return last;
};

const baseline = await settledMib();
for (const id of ids) {
  await dispatch('cases:get', { id });
  await dispatch('interview:score', { caseId: id });
}
globalThis.gc?.();
const justAfter = mib();
const after = await settledMib();
process.send?.({ baseline, justAfter, after, heapUsedMib: Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10 });
services.close();

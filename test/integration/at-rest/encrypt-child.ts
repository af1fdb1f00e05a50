// Opens a data directory the way the app does (which encrypts a plaintext database in place),
// saying "ready" first so the parent can SIGKILL it at a chosen moment of the migration.
import { openAppServices } from '../../../electron/services/app-services';
import { testKeySource } from '../../support/test-key';

const dataDir = process.argv[2] as string;
process.stdout.write('ready\n');
const started = performance.now();
const services = openAppServices(dataDir, { transport: 'cli', keySource: testKeySource });
services.close();
process.stdout.write(`done ${(performance.now() - started).toFixed(1)}\n`);

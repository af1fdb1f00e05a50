import fs from 'node:fs';
import path from 'node:path';
import { logDirIn } from '../../electron/services/log/logger';

/** Everything the device log holds for a data directory (the live file and the rotated ones). */
export const deviceLogText = (dataDir: string): string => {
  const dir = logDirIn(dataDir);
  if (!fs.existsSync(dir)) return '';
  return fs.readdirSync(dir).map((file) => fs.readFileSync(path.join(dir, file), 'utf8')).join('');
};

/** The strings of `secrets` (customer names, contacts, answers typed in a test) found in the log. */
export const customerDataInLog = (dataDir: string, secrets: readonly string[]): string[] => {
  const text = deviceLogText(dataDir);
  // pino writes JSON, so non-ASCII and quotes may be escaped: look for both spellings.
  return secrets.filter((secret) => text.includes(secret) || text.includes(JSON.stringify(secret).slice(1, -1)));
};

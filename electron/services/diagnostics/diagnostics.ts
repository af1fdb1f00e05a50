import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostics, LogFolder } from '../../../shared/domain/app-info';
import { appVersion, type AppServices } from '../app-services';
import { schemaVersionOf } from '../db/open-database';
import { pendingMutationCount, waitingCount } from '../db/outbox';
import { readSyncState } from '../sync/sync-state';

/** Opens a folder in the OS file manager; resolves to an error message, '' on success (Electron's shell.openPath). */
export type FolderOpener = (folder: string) => Promise<string>;

const recentLimit = 20;
/** The tail of each log file read for its last warnings and errors: enough lines, never the whole file. */
const tailBytes = 256 * 1024;

interface LogLine {
  time?: number;
  level?: number;
  msg?: string;
  op?: string;
  err?: { message?: string; type?: string };
}

const tailOf = (file: string): string => {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, tailBytes);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    // A cut first line is not JSON: drop it unless the file was read whole.
    return length < size ? text.slice(text.indexOf('\n') + 1) : text;
  } finally {
    fs.closeSync(fd);
  }
};

/**
 * The last warnings and errors from the log files on disk (this run and earlier ones), newest
 * last. Only what the log line carries: its message, level, time, operation id and the error's
 * message; customer fields are redacted at write time already.
 */
export const recentLogProblems = (services: AppServices): Diagnostics['recentProblems'] => {
  const dir = services.logging.dir;
  const fromMemory = (): Diagnostics['recentProblems'] =>
    services.logging.recentErrors().slice(-recentLimit).map((e) => ({ time: e.time, level: e.level, message: e.msg, error: e.error ?? null, operation: e.op ?? null }));
  if (!dir || !fs.existsSync(dir)) return fromMemory();
  // groundwork.log is the newest, then groundwork.1.log, .2 …: read oldest first.
  const age = (name: string): number => Number(/^groundwork\.(\d+)\.log$/.exec(name)?.[1] ?? 0);
  const files = fs
    .readdirSync(dir)
    .filter((name) => /^groundwork(\.\d+)?\.log$/.test(name))
    .sort((a, b) => age(b) - age(a));
  const found: Diagnostics['recentProblems'] = [];
  let unreadable = 0;
  for (const name of files) {
    for (const line of tailOf(path.join(dir, name)).split('\n')) {
      if (!line.startsWith('{')) continue;
      let entry: LogLine;
      try {
        entry = JSON.parse(line) as LogLine;
      } catch {
        // handled: a line cut by a crash mid-write is counted and the count shown in the diagnostics.
        unreadable += 1;
        continue;
      }
      if ((entry.level ?? 0) < 40) continue;
      found.push({
        time: new Date(entry.time ?? 0).toISOString(),
        level: (entry.level ?? 0) >= 50 ? 'error' : 'warn',
        message: (entry.msg ?? '').slice(0, 300),
        error: entry.err?.message ? entry.err.message.slice(0, 300) : null,
        operation: entry.op ?? null,
      });
    }
  }
  if (unreadable > 0) {
    found.push({ time: new Date().toISOString(), level: 'warn', message: `${unreadable} log line(s) could not be read (cut short when the app stopped)`, error: null, operation: null });
  }
  return found.slice(-recentLimit);
};

/** What a support engineer needs first: versions, platform, schema, sync counts, last problems. No names, no answers. */
export const collectDiagnostics = (services: AppServices): Diagnostics => {
  const state = readSyncState(services.db);
  const problems = recentLogProblems(services);
  const electron = process.versions.electron;
  const platform = `${process.platform} ${process.arch} (${os.type()} ${os.release()})`;
  const runtime = `Node ${process.versions.node}${electron ? `, Electron ${electron}` : ''}`;
  const schemaVersion = schemaVersionOf(services.db);
  const logFolder = services.logging.dir;
  const sync = state
    ? `enrolled (${state.role}); last sync ${state.last_sync_at ?? 'never'}; ${pendingMutationCount(services.db)} change(s) to send, ${waitingCount(services.db)} waiting for an attachment; ${state.consecutive_failures} failed attempt(s) in a row`
    : 'not enrolled';
  const lines = [
    'Groundwork diagnostics',
    `Generated: ${new Date().toISOString()}`,
    `Version: ${appVersion}`,
    `Platform: ${platform}`,
    `Runtime: ${runtime}`,
    `Running as: ${services.transport}`,
    `Database schema: ${schemaVersion}`,
    `Key protection: ${services.keyProtection.method}`,
    `Sync: ${sync}`,
    `Log folder: ${logFolder ?? 'none (not written to disk)'}`,
    '',
    problems.length === 0 ? 'Recent warnings and errors: none' : `Recent warnings and errors (last ${problems.length}, oldest first):`,
    ...problems.map((p) => `${p.time} ${p.level.toUpperCase()} ${p.message}${p.error ? ` — ${p.error}` : ''}${p.operation ? ` [op ${p.operation}]` : ''}`),
  ];
  return { version: appVersion, platform, runtime, schemaVersion, logFolder, recentProblems: problems, text: `${lines.join('\n')}\n` };
};

/**
 * The log folder opened in the file manager where the app can (Electron's shell, passed in at
 * open); in the browser bridge and the CLI the path comes back for the screen to show.
 */
export const openLogFolder = async (services: AppServices, openFolder: FolderOpener | null): Promise<LogFolder> => {
  const folder = services.logging.dir;
  if (!folder) return { path: null, opened: false, problem: 'This session writes no log files.' };
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (!openFolder) return { path: folder, opened: false, problem: null };
  const problem = await openFolder(folder);
  if (problem) services.log.warn({ err: new Error(problem) }, 'the log folder could not be opened; its path is shown instead');
  return { path: folder, opened: problem === '', problem: problem || null };
};

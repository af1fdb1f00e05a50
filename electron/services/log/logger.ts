import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import path from 'node:path';
import { pino, type DestinationStream, type Logger, type StreamEntry } from 'pino';
import { openRotatingFile, type RotatingFile } from './rotating-file';

/** The device's logger: pino's API (`log.warn({ err, caseId }, 'why it is safe to go on')`). */
export type Log = Logger;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface RecentLogEntry {
  readonly time: string;
  readonly level: 'warn' | 'error';
  readonly msg: string;
  readonly op?: string;
  readonly error?: string;
}

/** The log and what surrounds it (where it is written, the operation id, recent errors). */
export interface Logging {
  readonly log: Log;
  /** The folder of the log files, or null when logging to streams only (tests of the hub, etc.). */
  readonly dir: string | null;
  /** Runs `fn` so that every line it logs, however deep, carries `op`. */
  withOperation<T>(op: string, fn: () => T): T;
  currentOperation(): string | undefined;
  /** The last warnings and errors, newest last, for "Copy diagnostics". */
  recentErrors(): readonly RecentLogEntry[];
  close(): void;
}

export interface DeviceLoggingOptions {
  /** Folder for the rotating files; omitted, nothing goes to disk. */
  readonly dir?: string;
  readonly level?: LogLevel;
  /** An extra human-facing copy (the CLI's --verbose puts the log on stderr). */
  readonly echo?: DestinationStream;
  readonly maxFileBytes?: number;
  readonly keepFiles?: number;
}

/**
 * Field names that carry what a customer told us. They are replaced in every line, so a
 * careless `log.info({ case })` still does not write a customer's name or answers to disk.
 * Log ids (caseId, questionId), never the record itself.
 */
export const redactedKeys = ['name', 'customerName', 'customer', 'contact', 'contactName', 'email', 'phone', 'text', 'answer', 'note', 'notes', 'comment', 'title', 'value'];
const redactPaths = redactedKeys.flatMap((key) => [key, `*.${key}`]);

const recentLimit = 50;

export const newOperationId = (): string => crypto.randomUUID();

const levelFrom = (env: NodeJS.ProcessEnv): LogLevel | undefined => {
  const value = env.GROUNDWORK_LOG_LEVEL;
  return value === 'debug' || value === 'info' || value === 'warn' || value === 'error' ? value : undefined;
};

/** The device's structured log: rotating JSON-lines files in `<data dir>/logs`. */
export const createDeviceLogging = (options: DeviceLoggingOptions = {}): Logging => {
  const operations = new AsyncLocalStorage<string>();
  const recent: RecentLogEntry[] = [];
  const file: RotatingFile | null = options.dir
    ? openRotatingFile({ dir: options.dir, name: 'groundwork', maxBytes: options.maxFileBytes ?? 5 * 1024 * 1024, keep: options.keepFiles ?? 4 })
    : null;

  const remember: DestinationStream = {
    write: (line: string) => {
      const entry = JSON.parse(line) as { time: number; level: number; msg?: string; op?: string; err?: { message?: string } };
      recent.push({
        time: new Date(entry.time).toISOString(),
        level: entry.level >= 50 ? 'error' : 'warn',
        msg: entry.msg ?? '',
        ...(entry.op ? { op: entry.op } : {}),
        ...(entry.err?.message ? { error: entry.err.message } : {}),
      });
      if (recent.length > recentLimit) recent.shift();
    },
  };

  const level = options.level ?? levelFrom(process.env) ?? 'info';
  const streams: StreamEntry[] = [{ level: 'warn', stream: remember }];
  if (file) streams.push({ level, stream: file });
  // `groundwork --verbose` sets GROUNDWORK_LOG_STDERR: the same lines on stderr as they are written.
  const echo = options.echo ?? (process.env.GROUNDWORK_LOG_STDERR === '1' ? process.stderr : undefined);
  if (echo) streams.push({ level, stream: echo });

  const log = pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: redactPaths, censor: '[redacted]' },
      mixin: () => {
        const op = operations.getStore();
        return op ? { op } : {};
      },
    },
    pino.multistream(streams),
  );

  return {
    log,
    dir: options.dir ?? null,
    withOperation: (op, fn) => operations.run(op, fn),
    currentOperation: () => operations.getStore(),
    recentErrors: () => [...recent],
    close: () => file?.close(),
  };
};

export const logDirIn = (dataDir: string): string => path.join(dataDir, 'logs');

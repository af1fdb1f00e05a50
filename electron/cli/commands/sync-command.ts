import { Command } from 'commander';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import { printJson, withDataDir, withSession } from '../cli-context';
import { keepTrying } from '../../services/sync/keep-trying';

const describeStatus = (s: SyncStatus): string => {
  if (!s.enrolled) return 'Not enrolled with a partner hub. Run: groundwork enroll --hub URL --code CODE';
  return [
    `Hub: ${s.hubUrl} (${s.partnerName})`,
    `Last sync: ${s.lastSyncAt ?? 'never'}`,
    `Waiting to be sent: ${s.pendingCount}`,
    ...(s.clockOffset ? [`Clock: ${s.clockOffset}`] : []),
    ...(s.refusedCount > 0 ? [`Refused by the hub: ${s.refusedCount}`] : []),
    ...(s.lastError ? [`Last problem: ${s.lastError}`] : []),
  ].join('\n');
};

/** Warnings go to stderr so `--json` output stays one JSON document. */
export const warnAbout = (s: SyncStatus): void => {
  for (const warning of [s.hubUrlWarning, s.clockWarning, ...s.missingAttachments]) if (warning) process.stderr.write(`Warning: ${warning}\n`);
};

export const syncCommand = (): Command =>
  withDataDir(new Command('sync'))
    .description('send waiting changes to the partner hub and fetch what is new')
    .option('--status', 'only show the last sync, changes waiting and the last problem')
    .option('--json', 'print the result as JSON')
    .option('--wait', 'keep trying (backoff up to a minute, with jitter) until the hub answers; Ctrl+C stops')
    .action(async (opts: { dataDir?: string; json?: boolean; status?: boolean; wait?: boolean }) => {
      await withSession(opts, async ({ api }) => {
        if (opts.status) {
          const status = await api.getSyncStatus({});
          warnAbout(status);
          return opts.json ? printJson(status) : void process.stdout.write(`${describeStatus(status)}\n`);
        }
        let report;
        const stop = new AbortController();
        const onSigint = (): void => stop.abort();
        process.once('SIGINT', onSigint);
        try {
          report = opts.wait
            ? await keepTrying(() => api.syncNow({}), {
                onRetry: ({ attempt, reason, nextAt, delayMs }) =>
                  void process.stderr.write(
                    `Try ${attempt} failed: ${reason}\nNext try at ${nextAt.toISOString().slice(11, 19)} UTC (in ${Math.ceil(delayMs / 1000)} s); Ctrl+C stops.\n`,
                  ),
              }, stop.signal)
            : await api.syncNow({});
        } catch (error) {
          // The failed sync may have measured the hub's clock: a wrong clock is often the reason.
          warnAbout(await api.getSyncStatus({}));
          throw error;
        } finally {
          process.off('SIGINT', onSigint);
        }
        warnAbout(report.status);
        if (opts.json) return printJson(report);
        process.stdout.write(
          `Pushed ${report.pushed} change${report.pushed === 1 ? '' : 's'}, pulled ${report.pulled}, uploaded ${report.blobsUploaded} attachment${report.blobsUploaded === 1 ? '' : 's'}.\n`,
        );
        if (report.refused > 0) process.stdout.write(`The hub refused ${report.refused}: ${report.status.lastError ?? ''}\n`);
      });
    });

import { Command } from 'commander';
import { hubRoleLabels } from '../../../shared/sync/protocol';
import { printJson, withDataDir, withSession } from '../cli-context';
import { warnAbout } from './sync-command';

export const enrollCommand = (): Command =>
  withDataDir(new Command('enroll'))
    .description("enroll this device with the partner hub, using the one-time code from the partner admin")
    .requiredOption('--hub <url>', "the hub's address, e.g. https://hub.example.com")
    .requiredOption('--code <code>', 'the one-time enrollment code (GW-XXXX-XXXX-XXXX-XXXX)')
    .option('--name <name>', "this device's name as the hub shows it (default: the computer's name)")
    .option('--json', 'print the sync status as JSON')
    .action(async (opts: { dataDir?: string; hub: string; code: string; name?: string; json?: boolean }) => {
      await withSession(opts, async ({ api }) => {
        const status = await api.enrollDevice({ hubUrl: opts.hub, code: opts.code, deviceName: opts.name ?? '' });
        warnAbout(status);
        if (opts.json) return printJson(status);
        process.stdout.write(
          `Enrolled with ${status.partnerName} at ${status.hubUrl} as ${status.role ? hubRoleLabels[status.role] : 'unknown role'} (${status.deviceName}).\n`,
        );
        if (status.tokenWarning) process.stderr.write(`Warning: ${status.tokenWarning}\n`);
      });
    });

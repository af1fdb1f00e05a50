import { Command } from 'commander';
import { appVersion } from '../../shared/app-version';
import { ApiFailure } from '../../shared/contract/result';
import { exitTwoOnUsageErrors, listExitCodesInHelp, usageExitCode } from '../../shared/cli/command-hygiene';
import { collectCommand } from './commands/collect-command';

/**
 * The single-file collector (dist/collector, and the SEA executable built from it): only `collect`,
 * no case database and no native module, so it runs from a USB stick on a machine without Node.
 * `groundwork-collector --target host` is `collect --target host`.
 */
export const buildCollectorProgram = (): Command => {
  const program = new Command('groundwork-collector')
    .description('Groundwork collector: runs the probes on this machine and writes a hashed bundle to import into a case.')
    .version(appVersion)
    .showHelpAfterError('(run with --help for usage)')
    .addCommand(collectCommand(), { isDefault: true });
  exitTwoOnUsageErrors(program, (code) => process.exit(code));
  listExitCodesInHelp(program, [
    { code: 0, meaning: 'the bundle was written' },
    { code: 1, meaning: 'failed: the bundle could not be written' },
    { code: 2, meaning: 'refused: unknown option or invalid value, or cancelled (no bundle was written)' },
  ]);
  return program;
};

export const runCollector = async (argv: readonly string[]): Promise<void> => {
  // No unknown-command check: every word belongs to the default `collect`, whose own parser
  // refuses (exit 2) an unknown option or a stray word.
  const program = buildCollectorProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    process.stderr.write(`groundwork-collector: ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof ApiFailure) for (const issue of error.issues ?? []) process.stderr.write(`  ${issue.path || '(input)'}: ${issue.message}\n`);
    process.exit(error instanceof ApiFailure && error.code !== 'internal' ? usageExitCode : 1);
  }
};

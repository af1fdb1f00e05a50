import fs from 'node:fs';
import { Command } from 'commander';
import { ApiFailure } from '../../../shared/contract/result';
import { databaseFileIn, resolveDataDir } from '../../services/data-dir';
import { readBundleFile } from '../../services/probes/read-bundle-file';
import { printJson, withDataDir, withSession } from '../cli-context';

/**
 * A case history that does not exist holds no case to import into: say so before opening it,
 * since opening would create the folder, a key and an empty database for a command that then
 * fails. An existing folder without the database (a typo'd parent, an empty folder) is the same.
 */
export const assertCaseHistoryExists = (flag: string | undefined): void => {
  const dataDir = resolveDataDir(flag);
  if (!fs.existsSync(dataDir)) {
    throw new ApiFailure('not_found', `No case history at ${dataDir}: create a case there first (groundwork cases create --data-dir ...), or give the right --data-dir.`);
  }
  if (!fs.existsSync(databaseFileIn(dataDir))) {
    throw new ApiFailure('not_found', `${dataDir} holds no case history (no case database in it): create a case there first (groundwork cases create --data-dir ...), or give the right --data-dir.`);
  }
};

export const importCommand = (): Command =>
  withDataDir(new Command('import'))
    .description('validate a collector bundle and attach it to a case')
    .argument('<file>', 'the bundle written by groundwork collect (UTF-8, with or without BOM, or UTF-16 as PowerShell 5 writes it)')
    .requiredOption('--case <id>', 'the case to attach it to')
    .option('--json', 'print the imported run as JSON')
    .action(async (file: string, opts: { case: string; dataDir?: string; json?: boolean }) => {
      const text = readBundleFile(file);
      assertCaseHistoryExists(opts.dataDir);
      await withSession(opts, async ({ api }) => {
        const run = await api.importProbeBundle({ caseId: opts.case, bundleText: text });
        if (opts.json) printJson(run);
        else process.stdout.write(`Imported ${run.probeIds.length} probe results from ${run.host} into case ${run.caseId} (run ${run.id}).\n`);
      });
    });

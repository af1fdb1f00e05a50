import fs from 'node:fs';
import { Command } from 'commander';
import { ApiFailure } from '../../../shared/contract/result';
import { printJson, withDataDir, withSession } from '../cli-context';

export const importCommand = (): Command =>
  withDataDir(new Command('import'))
    .description('validate a collector bundle and attach it to a case')
    .argument('<file>', 'the bundle written by groundwork collect')
    .requiredOption('--case <id>', 'the case to attach it to')
    .option('--json', 'print the imported run as JSON')
    .action(async (file: string, opts: { case: string; dataDir?: string; json?: boolean }) => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new ApiFailure('not_found', code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file} (${code ?? 'error'})`);
      }
      await withSession(opts, async ({ api }) => {
        const run = await api.importProbeBundle({ caseId: opts.case, bundleText: text });
        if (opts.json) printJson(run);
        else process.stdout.write(`Imported ${run.probeIds.length} probe results from ${run.host} into case ${run.caseId} (run ${run.id}).\n`);
      });
    });

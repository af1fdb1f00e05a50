import { Command } from 'commander';
import { appVersion } from '../../shared/app-version';
import { exitTwoOnUsageErrors, listExitCodesInHelp, type ExitCode } from '../../shared/cli/command-hygiene';
import { casesCommand } from './commands/cases-command';
import { collectCommand } from './commands/collect-command';
import { sessionCaseAttacher } from './commands/case-attacher';
import { importCommand } from './commands/import-command';
import { reflectorCommand } from './commands/reflector-command';
import { answerCommand } from './commands/answer-command';
import { bankCommand } from './commands/bank-command';
import { scoreCommand } from './commands/score-command';
import { enrollCommand } from './commands/enroll-command';
import { syncCommand } from './commands/sync-command';
import { demoCommand } from './commands/demo-command';
import { webCommand } from './commands/web-command';
import { reportCommand } from './commands/report-command';
import { questionnaireCommand } from './commands/questionnaire-command';
import { historyCommand } from './commands/history-command';
import { proposalCommand } from './commands/proposal-command';

/** What every groundwork command's exit status means (run-cli.ts maps errors to them). */
export const cliExitCodes: readonly ExitCode[] = [
  { code: 0, meaning: 'done' },
  { code: 1, meaning: 'failed: a file, the network, the database or an internal error stopped it' },
  { code: 2, meaning: 'refused: unknown command or option, invalid value, or no such case (nothing was changed)' },
];

export const buildProgram = (): Command => {
  const program = new Command('groundwork')
    .description('Groundwork: the AI-readiness field kit. Every command works on the local case history.')
    .version(appVersion)
    .showHelpAfterError('(run with --help for usage)')
    .option('--verbose', 'also print the log (debug level, JSON lines) on stderr')
    // The log's own settings (GROUNDWORK_LOG_LEVEL, GROUNDWORK_LOG_STDERR) are read where the services open it.
    .hook('preAction', (command) => {
      if (command.opts<{ verbose?: boolean }>().verbose) {
        process.env.GROUNDWORK_LOG_LEVEL = 'debug';
        process.env.GROUNDWORK_LOG_STDERR = '1';
      }
    })
    .addCommand(casesCommand())
    .addCommand(collectCommand(sessionCaseAttacher))
    .addCommand(importCommand())
    .addCommand(reflectorCommand())
    .addCommand(bankCommand())
    .addCommand(answerCommand())
    .addCommand(scoreCommand())
    .addCommand(enrollCommand())
    .addCommand(syncCommand())
    .addCommand(demoCommand())
    .addCommand(webCommand())
    .addCommand(reportCommand())
    .addCommand(questionnaireCommand())
    .addCommand(historyCommand())
    .addCommand(proposalCommand());
  exitTwoOnUsageErrors(program, (code) => process.exit(code));
  listExitCodesInHelp(program, cliExitCodes);
  return program;
};

import { Command } from 'commander';
import { appVersion } from '../services/app-services';
import { casesCommand } from './commands/cases-command';
import { collectCommand } from './commands/collect-command';
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

export const buildProgram = (): Command =>
  new Command('groundwork')
    .description('Groundwork: the AI-readiness field kit. Every command works on the local case history.')
    .version(appVersion)
    .showHelpAfterError('(run with --help for usage)')
    .addCommand(casesCommand())
    .addCommand(collectCommand())
    .addCommand(importCommand())
    .addCommand(reflectorCommand())
    .addCommand(bankCommand())
    .addCommand(answerCommand())
    .addCommand(scoreCommand())
    .addCommand(enrollCommand())
    .addCommand(syncCommand())
    .addCommand(demoCommand())
    .addCommand(webCommand())
    .addCommand(reportCommand());

import { ApiFailure } from '../../shared/contract/result';
import { unknownCommandMessage, usageExitCode } from '../../shared/cli/command-hygiene';
import { NewerDatabaseError } from '../services/db/open-database';
import { buildProgram } from './program';

/** User mistakes get one plain line on stderr and a non-zero exit; never a stack trace. */
const reportAndExit = (error: unknown): never => {
  if (error instanceof ApiFailure) {
    process.stderr.write(`groundwork: ${error.message}\n`);
    for (const issue of error.issues ?? []) process.stderr.write(`  ${issue.path || '(input)'}: ${issue.message}\n`);
    process.exit(error.code === 'internal' ? 1 : usageExitCode);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`groundwork: ${message}\n`);
  if (process.env.GROUNDWORK_DEBUG && error instanceof Error && !(error instanceof NewerDatabaseError)) {
    process.stderr.write(`${error.stack}\n`);
  }
  process.exit(1);
};

/** The whole command line: argv as process.argv gives it (node, script, then the user's words). */
export const runCli = async (argv: readonly string[]): Promise<void> => {
  // A reader that stops early (`groundwork bank --json | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const program = buildProgram();
  const unknown = unknownCommandMessage(program, argv.slice(2));
  if (unknown) {
    process.stderr.write(unknown);
    process.exit(usageExitCode);
  }
  await program.parseAsync([...argv]).catch(reportAndExit);
};

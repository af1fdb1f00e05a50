import { unknownCommandMessage, usageExitCode } from '../shared/cli/command-hygiene';
import { buildHubProgram } from './cli/hub-program';

/** The hub's entry point: plain error sentences for people, never a stack trace. */
const program = buildHubProgram();
const unknown = unknownCommandMessage(program, process.argv.slice(2));
if (unknown) {
  process.stderr.write(unknown);
  process.exit(usageExitCode);
}
try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`groundwork-hub: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

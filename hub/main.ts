import { buildHubProgram } from './cli/hub-program';

/** The hub's entry point: plain error sentences for people, never a stack trace. */
try {
  await buildHubProgram().parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`groundwork-hub: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

import { appVersion } from '../../shared/app-version';

// `groundwork --version` answers before anything else loads: scripts call it to check the tool,
// and the rest of the CLI (contract, SQLite, reports) costs more to load than Node's own start.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${appVersion}\n`);
} else {
  const { runCli } = await import('./run-cli');
  await runCli(process.argv);
}

import path from 'node:path';
import { repoRoot } from './run-cli';

/**
 * Vitest global setup: the CLI, hub and collector bundles are rebuilt once per test run when any
 * source they hold changed, and every test that runs bin/* runs them (GROUNDWORK_RUN=built), so
 * `npm test` exercises what ships and a build that no longer bundles fails here.
 */
export async function setup(): Promise<void> {
  const { staleness } = (await import(path.join(repoRoot, 'bin/launch.mjs'))) as { staleness: (built: string) => string | undefined };
  const { bundles, buildCli } = (await import(path.join(repoRoot, 'scripts/build-cli.mjs'))) as {
    bundles: Array<{ name: string; outfile: string }>;
    buildCli: (names?: string[]) => Promise<unknown>;
  };
  const stale = bundles.filter((b) => staleness(path.join(repoRoot, b.outfile)));
  if (stale.length > 0) await buildCli(stale.map((b) => b.name));
  process.env.GROUNDWORK_RUN = 'built';
}

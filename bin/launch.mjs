// Starts a Groundwork command from its build in dist/ when that build is fresh, else from the
// TypeScript sources through tsx (a checkout being edited never runs a stale build).
// GROUNDWORK_RUN=built insists on the build (tests, packaging); GROUNDWORK_RUN=source on tsx.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');

/** Why the build cannot be used, or undefined when it is at least as new as every source it holds. */
export const staleness = (built) => {
  const manifest = built.replace(/\.[cm]?js$/, '.inputs.json');
  if (!fs.existsSync(built) || !fs.existsSync(manifest)) return `${path.relative(root, built)} is not built`;
  const { builtAt, inputs } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  for (const input of inputs) {
    // A deployment that ships dist/ alone (no sources at all) runs what it was given.
    const stat = fs.statSync(path.join(root, input), { throwIfNoEntry: false });
    if (!stat) {
      if (fs.existsSync(path.join(root, 'electron')) || fs.existsSync(path.join(root, 'hub', 'main.ts'))) return `${input} is gone since the build`;
      continue;
    }
    if (stat.mtimeMs > builtAt) return `${input} changed since the build`;
  }
  return undefined;
};

export const launch = async ({ built, source }) => {
  const builtFile = path.join(root, built);
  const mode = process.env.GROUNDWORK_RUN ?? 'auto';
  if (mode !== 'source') {
    const why = staleness(builtFile);
    if (!why) return import(pathToFileURL(builtFile).href);
    if (mode === 'built') {
      process.stderr.write(`groundwork: GROUNDWORK_RUN=built, but ${why}. Run: npm run build:cli\n`);
      process.exit(1);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(path.join(root, source)).href);
};

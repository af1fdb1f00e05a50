// Bundles the command-line entry points into dist/ so they start without transpiling:
//   dist/cli/groundwork.mjs            the groundwork CLI (bin/groundwork runs it when it is fresh)
//   dist/hub/groundwork-hub.mjs        the partner hub (bin/groundwork-hub, the Dockerfile, the systemd unit)
//   dist/collector/groundwork-collector.cjs  the collector alone: every npm package inside, no native
//                                      module; scripts/build-collector.mjs makes it a single executable.
// npm packages are bundled except those that cannot be: native addons (found by looking at each
// package, so a new one is kept out without editing this list) and packages that load their own
// files at run time (pino's worker transports, Playwright's browser driver).
// Each bundle gets a <name>.inputs.json beside it: the sources it was built from, so bin/* can tell
// a stale build from a fresh one without rebuilding.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

// Packages that read files of their own at run time (workers, drivers) or are only there in Electron.
const loadsOwnFiles = new Set(['pino', 'thread-stream', 'pino-pretty', 'pino-abstract-transport', 'sonic-boom', 'playwright-core', 'electron', 'pg-native']);

const packageNameOf = (specifier) => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

const nativeMarkers = ['bindings', 'node-gyp-build', 'prebuild-install', 'node-addon-api', '@napi-rs/cli', 'nan'];
const nativeCache = new Map();
/** A package with a compiled addon: binding.gyp, an addon loader dependency, or napi platform packages. */
const isNative = (name) => {
  if (nativeCache.has(name)) return nativeCache.get(name);
  let native = false;
  const dir = path.join(root, 'node_modules', name);
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    native =
      pkg.gypfile === true ||
      fs.existsSync(path.join(dir, 'binding.gyp')) ||
      Boolean(pkg.napi) ||
      nativeMarkers.some((m) => m in (pkg.dependencies ?? {})) ||
      Object.keys(pkg.optionalDependencies ?? {}).some((d) => d.startsWith(`${name}-`)) ||
      fs.readdirSync(dir).some((f) => f.endsWith('.node'));
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    // Not installed at the top level: esbuild resolves (and reports) it itself.
  }
  nativeCache.set(name, native);
  return native;
};

/** Keeps native and self-loading packages external; in the collector they are an error instead. */
const externals = (forbid) => ({
  name: 'groundwork-externals',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return undefined;
      const name = packageNameOf(args.path);
      if (!isNative(name) && !loadsOwnFiles.has(name)) return undefined;
      if (forbid) {
        return { errors: [{ text: `${name} cannot go into the single-file collector (${args.importer} imports it): keep database, native and logging-worker packages out of the probes and the collect command` }] };
      }
      return { path: args.path, external: true };
    });
  },
});

// Bundled CommonJS inside an ES module calls require() for Node built-ins; give it one.
const esmRequire = "import { createRequire as __groundworkRequire } from 'node:module'; const require = __groundworkRequire(import.meta.url);";

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
  absWorkingDir: root,
  legalComments: 'none',
};

export const bundles = [
  // Split: `groundwork --version` loads only the small entry, the rest arrives with the first real command.
  { name: 'cli', entry: 'electron/cli/main.ts', outfile: 'dist/cli/groundwork.mjs', format: 'esm', splitting: true },
  { name: 'hub', entry: 'hub/main.ts', outfile: 'dist/hub/groundwork-hub.mjs', format: 'esm', splitting: true },
  { name: 'collector', entry: 'electron/cli/collector-entry.ts', outfile: 'dist/collector/groundwork-collector.cjs', format: 'cjs', selfContained: true },
];

const buildOne = async (spec) => {
  const outfile = path.join(root, spec.outfile);
  const outdir = path.dirname(outfile);
  const base = path.basename(outfile).replace(/\.[cm]?js$/, '');
  // Built beside, then swapped in: a command started during the build sees the old or the new
  // build, never half of one, and chunks of older builds do not pile up.
  const temp = `${outdir}.building-${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  // Sources changed after this moment make the bundle stale, even if esbuild already read them.
  const startedAt = Date.now();
  const result = await build({
    ...common,
    entryPoints: { [base]: spec.entry },
    outdir: temp,
    format: spec.format,
    splitting: Boolean(spec.splitting),
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': spec.format === 'esm' ? '.mjs' : '.cjs' },
    banner: spec.format === 'esm' ? { js: esmRequire } : undefined,
    plugins: [externals(Boolean(spec.selfContained))],
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  fs.writeFileSync(path.join(temp, `${base}.inputs.json`), `${JSON.stringify({ builtAt: startedAt, inputs }, null, 1)}\n`);
  const old = `${outdir}.old-${process.pid}`;
  if (fs.existsSync(outdir)) fs.renameSync(outdir, old);
  fs.renameSync(temp, outdir);
  fs.rmSync(old, { recursive: true, force: true });
  return { ...spec, bytes: fs.statSync(outfile).size };
};

/** Builds every bundle (or the named ones); returns their sizes. */
export const buildCli = async (names = bundles.map((b) => b.name)) => Promise.all(bundles.filter((b) => names.includes(b.name)).map(buildOne));

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const built = await buildCli(process.argv.slice(2).length > 0 ? process.argv.slice(2) : undefined);
  for (const b of built) console.log(`${b.outfile}  ${(b.bytes / 1024).toFixed(0)} KiB`);
}

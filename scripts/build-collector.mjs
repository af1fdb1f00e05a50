// Builds the collector as one executable file per platform (a Node single executable
// application): the self-contained bundle from build-cli.mjs, turned into a SEA blob by this
// Node (`node --experimental-sea-config`) and injected into a copy of a Node binary with postject.
//
//   node scripts/build-collector.mjs                      this machine's platform, from this Node
//   node scripts/build-collector.mjs --node win-x64=/path/to/node.exe --node darwin-arm64=/path/to/node
//   node scripts/build-collector.mjs --out-dir /tmp/x --use-built   executables elsewhere, from the bundle
//                                                                    dist/ already holds (a test beside others)
//
// A blob only runs in the Node version that made it: the other platforms' binaries must be the
// same version as the Node running this script (download node-v<version>-win-x64.zip,
// node-v<version>-darwin-arm64.tar.gz from nodejs.org, or let the release workflow build each
// platform on its own runner). macOS binaries must be signed again afterwards, on a Mac:
// `codesign --sign - dist/collector/groundwork-collector-darwin-arm64` (or with the release identity).
// Output: dist/collector/groundwork-collector-<platform>-<arch>[.exe] and a SHA256SUMS beside them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { inject } from 'postject';
import { buildCli } from './build-cli.mjs';

const root = path.resolve(import.meta.dirname, '..');
const bundleDir = path.join(root, 'dist/collector');
const bundle = path.join(bundleDir, 'groundwork-collector.cjs');
let outDir = bundleDir;
let useBuilt = false;
// The fuse Node looks for to know a blob was injected (documented in Node's single-executable-applications page).
const fuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

const targets = [{ id: `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`, node: process.execPath }];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--use-built') {
    useBuilt = true;
    continue;
  }
  if (args[i] === '--out-dir') {
    if (!args[i + 1]) throw new Error('--out-dir takes a folder');
    outDir = path.resolve(args[i + 1]);
    i += 1;
    continue;
  }
  if (args[i] !== '--node') throw new Error(`Unknown argument ${args[i]}; usage: build-collector.mjs [--out-dir <folder>] [--use-built] [--node <platform-arch>=<node binary>]…`);
  const [id, binary] = (args[i + 1] ?? '').split('=');
  if (!id || !binary || !/^(win|darwin|linux)-(x64|arm64)$/.test(id)) throw new Error('--node takes <win|darwin|linux>-<x64|arm64>=<path to that node binary>');
  if (!fs.existsSync(binary)) throw new Error(`No Node binary at ${binary}`);
  targets.push({ id, node: binary });
  i += 1;
}

if (!useBuilt) await buildCli(['collector']);
else if (!fs.existsSync(bundle)) throw new Error(`--use-built: no ${path.relative(root, bundle)} yet (npm run build:cli makes it)`);
fs.mkdirSync(outDir, { recursive: true });
const blob = path.join(outDir, 'groundwork-collector.blob');
const seaConfig = path.join(outDir, 'sea-config.json');
// No code cache and no snapshot: both tie the blob to this platform, and the start is fast anyway.
fs.writeFileSync(seaConfig, JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false, useSnapshot: false }, null, 2));
execFileSync(process.execPath, ['--experimental-sea-config', seaConfig], { stdio: 'inherit' });
const blobData = fs.readFileSync(blob);

const built = [];
for (const target of targets) {
  const out = path.join(outDir, `groundwork-collector-${target.id}${target.id.startsWith('win') ? '.exe' : ''}`);
  const temp = `${out}.partial`;
  fs.copyFileSync(target.node, temp);
  fs.chmodSync(temp, 0o755);
  // Node's own signature would no longer match once the blob is in: drop it first (on a Mac).
  if (target.id.startsWith('darwin') && process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', temp], { stdio: 'inherit' });
  await inject(temp, 'NODE_SEA_BLOB', blobData, {
    sentinelFuse: fuse,
    ...(target.id.startsWith('darwin') ? { machoSegmentName: 'NODE_SEA' } : {}),
  });
  fs.renameSync(temp, out);
  built.push(out);
}
fs.rmSync(blob);
fs.rmSync(seaConfig);

const sums = built.map((file) => `${crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')}  ${path.basename(file)}`);
fs.writeFileSync(path.join(outDir, 'SHA256SUMS'), `${sums.join('\n')}\n`);
for (const file of built) console.log(`${path.relative(root, file)}  ${(fs.statSync(file).size / 1024 / 1024).toFixed(0)} MiB`);

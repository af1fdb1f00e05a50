// Runs @doyensec/electronegativity on what ships (the bundled main and preload, the built
// renderer page) and fails on any MEDIUM, HIGH or CRITICAL finding that was not reviewed, and on
// any file it could not parse (a file it cannot read is a file it did not check).
// Electronegativity lives in tools/electronegativity: it needs commander 2 and TypeScript 4.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const toolDir = path.join(root, 'tools/electronegativity');
if (!fs.existsSync(path.join(toolDir, 'node_modules/@doyensec/electronegativity'))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', toolDir], { stdio: 'inherit' });
}
const runElectronegativity = createRequire(path.join(toolDir, 'package.json'))('@doyensec/electronegativity');

// GROUNDWORK_SCAN_MAIN swaps in another main bundle: the test that proves this check can fail uses it.
const inputs = {
  'main.js': process.env.GROUNDWORK_SCAN_MAIN ?? 'dist/electron/main.cjs',
  'preload.js': 'dist/electron/preload.cjs',
  'index.html': 'dist/renderer/index.html',
  'package.json': 'package.json',
};
const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-electronegativity-'));
for (const [name, from] of Object.entries(inputs)) {
  const source = path.resolve(root, from);
  if (!fs.existsSync(source)) {
    console.error(`electronegativity: ${from} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
  // The scanner only reads .js files, so the .cjs bundles are copied under .js names.
  fs.copyFileSync(source, path.join(scanDir, name));
}

const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const { issues, errors } = await runElectronegativity({ input: scanDir, electronVersionOverride: electronVersion, isVerbose: false }, false);
fs.rmSync(scanDir, { recursive: true, force: true });

const reviewed = JSON.parse(fs.readFileSync(path.join(root, 'scripts/electronegativity-reviewed.json'), 'utf8')).reviewed;
const isReviewed = (issue) => reviewed.some((r) => r.check === issue.id && new RegExp(r.samplePattern).test(issue.sample ?? ''));
const serious = issues.filter((i) => ['MEDIUM', 'HIGH', 'CRITICAL'].includes(i.severity.name));
const open = serious.filter((i) => !isReviewed(i));

for (const issue of issues) {
  const mark = open.includes(issue) ? 'FAIL' : serious.includes(issue) ? 'reviewed' : 'info';
  const where = `${path.basename(issue.file ?? '')}:${issue.location?.line ?? 0}`;
  console.log(`electronegativity ${mark}: ${issue.id} ${issue.severity.name}/${issue.confidence.name} ${where} ${issue.sample ?? ''}`);
}
for (const error of errors) console.error(`electronegativity could not parse ${path.basename(error.file ?? '')}: ${error.message ?? error}`);
if (open.length > 0 || errors.length > 0) {
  console.error(`electronegativity: ${open.length} unreviewed finding(s) of medium severity or higher, ${errors.length} unparsed file(s).`);
  process.exit(1);
}
console.log(`electronegativity: ${issues.length} finding(s), none unreviewed at medium or higher; every file parsed.`);

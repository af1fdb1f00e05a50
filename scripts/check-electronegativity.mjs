// Runs @doyensec/electronegativity on what ships (the bundled main and preload, the built
// renderer page) and fails on any MEDIUM, HIGH or CRITICAL finding that was not reviewed.
// Electronegativity lives in tools/electronegativity: it needs commander 2 and TypeScript 4.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const toolDir = path.join(root, 'tools/electronegativity');
const bin = path.join(toolDir, 'node_modules/.bin/electronegativity');
if (!fs.existsSync(bin)) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', toolDir], { stdio: 'inherit' });
}

const inputs = {
  'main.js': 'dist/electron/main.cjs',
  'preload.js': 'dist/electron/preload.cjs',
  'index.html': 'dist/renderer/index.html',
  'package.json': 'package.json',
};
const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-electronegativity-'));
for (const [name, from] of Object.entries(inputs)) {
  const source = path.join(root, from);
  if (!fs.existsSync(source)) {
    console.error(`electronegativity: ${from} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
  // The scanner only reads .js files, so the .cjs bundles are copied under .js names.
  fs.copyFileSync(source, path.join(scanDir, name));
}

const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const report = path.join(scanDir, 'report.csv');
execFileSync(bin, ['-i', scanDir, '-o', report, '-v', 'false', '-e', electronVersion], { stdio: ['ignore', 'ignore', 'inherit'] });

/** A CSV line as electronegativity writes it: quoted fields may hold commas. */
const parseCsvLine = (line) => {
  const fields = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      current += '"';
      i += 1;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields.map((f) => f.trim());
};

const reviewed = JSON.parse(fs.readFileSync(path.join(root, 'scripts/electronegativity-reviewed.json'), 'utf8')).reviewed;
const [, ...rows] = fs.readFileSync(report, 'utf8').split('\n').filter(Boolean);
const findings = rows.map(parseCsvLine).map(([check, severity, confidence, file, location, sample]) => ({
  check,
  severity,
  confidence,
  file: path.basename(file ?? ''),
  location,
  sample,
}));
const serious = findings.filter((f) => ['MEDIUM', 'HIGH', 'CRITICAL'].includes(f.severity));
const open = serious.filter((f) => !reviewed.some((r) => r.check === f.check && r.sample === f.sample));

for (const f of findings) {
  const mark = open.includes(f) ? 'FAIL' : serious.includes(f) ? 'reviewed' : 'info';
  console.log(`electronegativity ${mark}: ${f.check} ${f.severity}/${f.confidence} ${f.file}:${f.location} ${f.sample ?? ''}`);
}
fs.rmSync(scanDir, { recursive: true, force: true });
if (open.length > 0) {
  console.error(`electronegativity: ${open.length} unreviewed finding(s) of medium severity or higher.`);
  process.exit(1);
}
console.log(`electronegativity: ${findings.length} finding(s), none unreviewed at medium or higher.`);

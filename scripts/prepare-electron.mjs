// Makes a checkout ready to start the Electron app, on a machine with internet:
//  1. the Electron binary (its npm install script is disabled so `npm ci` needs only the registry);
//  2. better-sqlite3-multiple-ciphers (better-sqlite3 with the SQLCipher-compatible cipher the case
//     database is encrypted with) compiled for Electron's ABI, in .native/electron-<version>-<platform>-<arch>/.
// node_modules keeps it built for Node, so tests and the CLI never need a rebuild; the app loads
// the Electron build through the `nativeBinding` option. The file has its own name, so a plain
// better-sqlite3 build an older checkout left in .native/ is never loaded (it would ignore the key).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const electronDir = path.join(root, 'node_modules/electron');
const electronVersion = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;

const fail = (message) => {
  console.error(`\ngroundwork: ${message}\nOn a machine without internet, run the app in a browser instead: npm run web\n`);
  process.exit(1);
};

const electronBinaryPresent = () => {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary);
  } catch {
    return false;
  }
};

if (!electronBinaryPresent()) {
  console.log(`Downloading Electron ${electronVersion} (once)…`);
  try {
    execFileSync(process.execPath, [path.join(electronDir, 'install.js')], {
      stdio: 'inherit',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
    });
  } catch {
    fail('the Electron binary could not be downloaded.');
  }
  if (!electronBinaryPresent()) fail('the Electron binary is still missing after its download.');
}

const target = path.join(root, '.native', `electron-${electronVersion}-${process.platform}-${process.arch}`, 'better_sqlite3_multiple_ciphers.node');
if (!fs.existsSync(target)) {
  console.log(`Building better-sqlite3-multiple-ciphers for Electron ${electronVersion} (once; about a minute)…`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-native-'));
  const source = path.join(root, 'node_modules/better-sqlite3-multiple-ciphers');
  fs.cpSync(source, work, { recursive: true, filter: (p) => !p.startsWith(path.join(source, 'build')) });
  const electronArgs = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`];
  try {
    // A published prebuilt binary first; compiling against Electron's headers if there is none.
    execFileSync(process.execPath, [require.resolve('prebuild-install/bin.js', { paths: [source] }), ...electronArgs], {
      cwd: work,
      stdio: 'inherit',
    });
  } catch {
    try {
      execFileSync(
        process.execPath,
        [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', ...electronArgs, '--dist-url=https://electronjs.org/headers'],
        { cwd: work, stdio: 'inherit' },
      );
    } catch {
      fail('better-sqlite3-multiple-ciphers could not be built for Electron (no prebuilt binary and no compiler or headers).');
    }
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build/Release/better_sqlite3.node'), target);
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(`Electron ${electronVersion} is ready; better-sqlite3-multiple-ciphers for Electron: ${path.relative(root, target)}`);

// Bundles the Electron main process and preload into dist/electron as CommonJS: a sandboxed
// preload cannot load files, and main loads faster as one file of our own code. npm packages stay
// external: electron-builder ships them (and rebuilds better-sqlite3) beside the bundle.
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';

const { apiContract } = await tsImport('../shared/contract/api-contract.ts', import.meta.url);
const channelMethods = Object.fromEntries(Object.entries(apiContract).map(([channel, spec]) => [channel, spec.method]));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  packages: 'external',
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    define: { GROUNDWORK_CHANNEL_METHODS: JSON.stringify(channelMethods) },
  }),
]);

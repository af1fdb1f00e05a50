import path from 'node:path';
import fs from 'node:fs';
import { Command } from 'commander';
import { createDispatch } from '../../services/api/dispatch';
import { createHandlers } from '../../services/api/handlers';
import { startHttpBridge } from '../../services/bridge/http-bridge';
import { startBackgroundSync } from '../../services/sync/sync-services';
import { openCliServices, withDataDir } from '../cli-context';

/** The checkout's dist/renderer: found upward from here, which is electron/cli/commands in the sources and dist/cli/chunks in the build. */
export const defaultRendererDir = (): string => {
  let dir = import.meta.dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'renderer');
};

/** Serves the app to a browser over the loopback bridge, on the same SQLite file the app uses. */
export const webCommand = (): Command =>
  withDataDir(new Command('web'))
    .description('serve the app to a browser on 127.0.0.1 (for machines where Electron cannot run)')
    .option('--port <port>', 'port to listen on (default: a free one)', (v) => Number.parseInt(v, 10))
    .option('--renderer <dir>', 'the built renderer to serve', defaultRendererDir())
    .action(async (opts: { dataDir?: string; passphraseFile?: string; port?: number; renderer: string }) => {
      if (!fs.existsSync(path.join(opts.renderer, 'index.html'))) {
        throw new Error(`No built renderer in ${opts.renderer}. Run \`npm run build:renderer\` first (or use \`npm run web\`).`);
      }
      const services = await openCliServices(opts, 'http-bridge');
      const bridge = await startHttpBridge({
        dispatch: createDispatch(createHandlers(services), services.logging),
        log: services.log,
        staticDir: opts.renderer,
        port: opts.port,
      });
      // The app in a browser syncs in the background as the desktop app does (pausable in Settings).
      const stopSync = startBackgroundSync(services);
      process.stdout.write(`Groundwork is serving ${services.databaseFile}\nOpen ${bridge.openUrl}\n`);
      const stop = async () => {
        stopSync();
        await bridge.close();
        services.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { rendererCsp } from './shared/contract/content-security-policy';

/** Writes the one CSP into the page's meta tag (frame-ancestors only works as a header). */
const contentSecurityPolicy = (): Plugin => ({
  name: 'groundwork-csp',
  transformIndexHtml: (html) =>
    html.replace(
      '%GROUNDWORK_CSP%',
      rendererCsp
        .split('; ')
        .filter((d) => !d.startsWith('frame-ancestors'))
        .join('; '),
    ),
});

// The renderer: served by Electron from dist/renderer, and by the loopback bridge to a browser.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    assetsInlineLimit: 0,
  },
});

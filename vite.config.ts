import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: served by Electron from dist/renderer, and by the loopback bridge to a browser.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    // Inline assets would need 'unsafe-inline'-free data: URLs only for images; keep them as files.
    assetsInlineLimit: 0,
  },
});

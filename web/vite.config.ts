import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The reviewer UI: built into dist/web and served by `kiemtin serve` under /ui/ (src/api/web.ts).
// Paths are relative to the package root, where npm runs `vite build --config web/vite.config.ts`.
export default defineConfig({
  root: 'web',
  base: '/ui/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // No inline polyfill script: the CSP allows only the UI's own files.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});

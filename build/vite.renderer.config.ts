import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer's sources; this file sits in build/ so that renderer/ holds no Node code.
const root = fileURLToPath(new URL('../renderer/', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts: the CSP allows scripts from the app's own origin only.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
});

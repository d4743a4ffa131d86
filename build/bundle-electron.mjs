// Bundles the Electron main process and the preload into dist/electron/ with esbuild.
// The preload runs sandboxed, where `require` knows only a few modules ('electron' among them):
// it must be one self-contained CommonJS file. The main process keeps native and updater
// packages external; electron-builder packs them from node_modules (rebuilt for Electron's ABI).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/electron/main.cjs',
    // pdfkit and pdfmake read their font files beside their own code (packed by electron-builder).
    external: [
      'electron',
      'better-sqlite3-multiple-ciphers',
      'electron-updater',
      'pdfkit',
      'pdfmake',
      'fontkit',
    ],
  }),
  // The core host (issue #26): the utility process that runs the database, sync and backups.
  build({
    ...common,
    entryPoints: ['electron/coreHost/electronHostEntry.ts'],
    outfile: 'dist/electron/coreHost.cjs',
    external: ['better-sqlite3-multiple-ciphers', 'pdfkit', 'pdfmake', 'fontkit'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    external: ['electron'],
  }),
]);

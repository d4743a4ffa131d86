// Bundles the `tutti` command line into dist/cli/ with esbuild, so a short command such as
// `tutti import` does not spend a second compiling TypeScript through tsx before it starts.
// Each command stays its own chunk (code splitting), loaded only when that command runs.
//
// A bundle must never run behind a developer's edits: dist/cli/inputs.json records the
// modification time of every source file the bundle was built from, and bin/tutti.js uses the
// bundle only while all of them are unchanged (otherwise it runs the sources through tsx).
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { build } from 'esbuild';

const OUT_DIR = 'dist/cli';
// Changes inside node_modules show in npm's own record of the installed tree; changes of how
// the bundle is built show in this script, the TypeScript settings and package.json.
const ALSO_RECORDED = [
  'node_modules/.package-lock.json',
  'build/bundle-cli.mjs',
  'tsconfig.json',
  'package.json',
];

// Chunk names carry hashes: a bundle from before must not leave its chunks lying around.
rmSync(OUT_DIR, { recursive: true, force: true });
const started = Date.now();
const result = await build({
  entryPoints: ['electron/cli/main.ts'],
  outdir: OUT_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Stack traces of a bug point into the bundle; NODE_OPTIONS=--enable-source-maps maps them back.
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
  // Native (built for this Node) or not installed here (Electron's binary); pdfkit and pdfmake
  // read their font files beside their own code, so they stay in node_modules.
  external: ['better-sqlite3-multiple-ciphers', 'electron', 'pdfkit', 'pdfmake', 'fontkit'],
  // Some bundled CommonJS packages call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __tuttiCreateRequire } from 'node:module'; const require = __tuttiCreateRequire(import.meta.url);",
  },
});

const sources = Object.keys(result.metafile.inputs).filter(
  (path) => !path.startsWith('node_modules/'),
);
const inputs = Object.fromEntries(
  [...sources, ...ALSO_RECORDED].map((path) => [relative('.', path), statSync(path).mtimeMs]),
);
// A source saved while esbuild ran may be in the bundle with its old content: such a bundle
// is not marked fresh, so bin/tutti.js keeps to the sources until the next build.
const changedMeanwhile = Object.keys(inputs).filter((path) => inputs[path] > started);
if (changedMeanwhile.length > 0) {
  console.warn(
    `build:cli: ${changedMeanwhile.join(', ')} changed during the build; tutti runs from the sources until \`npm run build:cli\` runs again.`,
  );
} else {
  writeFileSync(`${OUT_DIR}/inputs.json`, `${JSON.stringify({ inputs }, null, 1)}\n`);
}

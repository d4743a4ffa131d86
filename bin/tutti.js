#!/usr/bin/env node
// Entry of the `tutti` command. Runs the bundle `npm run build` made (dist/cli/, see
// build/bundle-cli.mjs) while every source it was built from is unchanged; otherwise, as during
// development, the TypeScript sources themselves through tsx. TUTTI_FROM_SOURCE=1 forces the
// latter.
import { bundleIsFresh } from './bundleFreshness.js';

let main;
if (process.env.TUTTI_FROM_SOURCE !== '1' && bundleIsFresh(new URL('../', import.meta.url))) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../electron/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));

// Whether dist/cli/ (made by build/bundle-cli.mjs) was built from the sources as they are now:
// every input it records still has the modification time it had then. A bundle must never run
// behind a developer's edits; anything unexpected counts as not fresh.
import { readFileSync, statSync } from 'node:fs';

/** @param {URL} root the repository's folder, ending in a slash */
export function bundleIsFresh(root) {
  try {
    const { inputs } = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
    return Object.entries(inputs).every(
      ([path, mtimeMs]) => statSync(new URL(path, root)).mtimeMs === mtimeMs,
    );
  } catch {
    return false; // not built, or a source is gone
  }
}

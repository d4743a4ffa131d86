import { mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleIsFresh } from '../bin/bundleFreshness.js';
import { makeTempDir } from '../test/support/tempDir.ts';

const temp = makeTempDir('tutti-bundle-');
afterAll(() => temp.cleanup());

/** A repository folder whose bundle was built from `sources`. */
function builtFrom(name: string, sources: string[]): { root: URL; dir: string } {
  const dir = join(temp.dir, name);
  mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
  for (const source of sources) writeFileSync(join(dir, source), `// ${source}\n`);
  const inputs = Object.fromEntries(sources.map((s) => [s, statSync(join(dir, s)).mtimeMs]));
  writeFileSync(join(dir, 'dist', 'cli', 'inputs.json'), JSON.stringify({ inputs }));
  return { root: pathToFileURL(`${dir}/`), dir };
}

describe('the bundled command line runs only while it matches the sources', () => {
  it('is used when every source is as it was at build time', () => {
    const { root } = builtFrom('fresh', ['main.ts', 'import.ts']);
    expect(bundleIsFresh(root)).toBe(true);
  });

  it('is not used once a source was edited after the build', () => {
    const { root, dir } = builtFrom('edited', ['main.ts', 'import.ts']);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'import.ts'), later, later);
    expect(bundleIsFresh(root)).toBe(false);
  });

  it('is not used when a source is gone or nothing was built', () => {
    const { root, dir } = builtFrom('removed', ['main.ts', 'import.ts']);
    rmSync(join(dir, 'import.ts'));
    expect(bundleIsFresh(root)).toBe(false);
    expect(bundleIsFresh(pathToFileURL(`${join(temp.dir, 'nothing')}/`))).toBe(false);
  });
});

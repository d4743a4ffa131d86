/**
 * The shared fixtures (legacy Access databases, mdb-reader's test files) are read where they
 * lie: `../shared/fixtures` beside the repository, or where TUTTI_FIXTURES points. A missing
 * file fails the test with the path it looked for, rather than skipping it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURES = process.env.TUTTI_FIXTURES ?? join(REPO_ROOT, '..', 'shared', 'fixtures');

export function fixture(...parts: string[]): string {
  const path = join(FIXTURES, ...parts);
  if (!existsSync(path)) {
    throw new Error(
      `Fixture missing: ${path}. The fixtures lie beside the repository in ../shared/fixtures (or set TUTTI_FIXTURES).`,
    );
  }
  return path;
}

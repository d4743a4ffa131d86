/**
 * The test fixtures (legacy Access databases, mdb-reader's test files) live in the repository
 * under `test/fixtures/`, so a fresh clone runs `npm test` with nothing beside it;
 * TUTTI_FIXTURES points elsewhere. A missing file fails the test with the path it looked for,
 * rather than skipping it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURES = process.env.TUTTI_FIXTURES ?? join(REPO_ROOT, 'test', 'fixtures');

export function fixture(...parts: string[]): string {
  const path = join(FIXTURES, ...parts);
  if (!existsSync(path)) {
    throw new Error(
      `Fixture missing: ${path}. The fixtures belong in test/fixtures/ of the repository (or set TUTTI_FIXTURES).`,
    );
  }
  return path;
}

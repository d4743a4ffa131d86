/**
 * Every message key the desktop core's key stores, store, backups, command line and main
 * process name has a text in both languages: a key without one would be printed as it is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasText } from '../../shared/messages/translate.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FOLDERS = [
  'electron/keys',
  'electron/store',
  'electron/backup',
  'electron/cli',
  'electron/main',
  'bin',
];
const KEY_LITERAL = /'((?:errors|cli|core)\.[a-zA-Z0-9_.]+)'/g;

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|js|mjs)$/.test(file))
    .map((file) => join(ROOT, folder, file));
}

const used = new Map<string, string>();
for (const file of FOLDERS.flatMap(sources))
  for (const [, key] of readFileSync(file, 'utf8').matchAll(KEY_LITERAL))
    used.set(key!, file.slice(ROOT.length + 1));

describe('the message keys of the desktop core and the command line', () => {
  it('are found', () => {
    expect(used.size).toBeGreaterThan(80);
  });

  it.each(['de', 'en'] as const)('each have a text in %s', (language) => {
    const missing = [...used].filter(([key]) => !hasText(key, language));
    expect(missing).toEqual([]);
  });
});

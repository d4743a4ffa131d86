import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../../shared/messages/texts.ts';
import { de } from './de.ts';
import { en } from './en.ts';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('translations', () => {
  it('has every German key in English too, and no more', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });

  it('shares no top-level key with the shared texts, so neither hides the other', () => {
    const shared = Object.keys(TEXTS.de);
    expect(Object.keys(de).filter((key) => shared.includes(key))).toEqual([]);
  });

  it('has a German text for every literal key the UI asks for', () => {
    const known = new Set(
      [...keys(de), ...keys(TEXTS.de)].map((k) => k.replace(/_(one|other)$/, '')),
    );
    const used = sources(join(import.meta.dirname, '..')).flatMap((text) =>
      [...text.matchAll(/\bt\('([a-zA-Z_.]+)'/g)].map((m) => m[1]!),
    );
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });
});

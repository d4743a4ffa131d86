/**
 * Every `server.*` key the server names exists in German and in English (a plural key by its
 * `_other` form), and the English texts carry no German.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { server as english } from '../shared/messages/en/server.ts';
import { hasText } from '../shared/messages/translate.ts';

/** Literals that look like keys but are file names in the data directory. */
const FILE_NAMES = new Set(['server.crt', 'server.lock', 'server.lock.json']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(import.meta.dirname))
    for (const [, key] of readFileSync(file, 'utf8').matchAll(/'(server\.[a-zA-Z0-9_.]+)'/g))
      if (!FILE_NAMES.has(key!)) keys.add(key!);
  return [...keys].sort();
}

/** The keys the server builds from a part (`server.ids.${kind}`). */
const BUILT_KEYS = [
  ...['club', 'user', 'register', 'member', 'record', 'staff'].map((k) => `server.ids.${k}`),
  ...['seconds', 'minutes', 'hours', 'days', 'years'].map((u) => `server.sync.clockAhead.${u}`),
  ...['id', 'name', 'role', 'number', 'dir', 'host', 'address'].map(
    (p) => `server.cli.placeholder.${p}`,
  ),
  ...['serverPassphrase', 'adminPassword', 'newAdminPassword', 'currentAdminPassword'].map(
    (s) => `server.cli.secret.${s}`,
  ),
  ...['clubName', 'deviceId'].map((w) => `server.cli.what.${w}`),
];

function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([name, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${name}`, value] as [string, string]]
      : leaves(value as object, `${prefix}${name}.`),
  );
}

describe('the server texts', () => {
  it('has every key the server uses, in German and in English', () => {
    const keys = [...usedKeys(), ...BUILT_KEYS];
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter((key) => !hasText(key, 'de'))).toEqual([]);
    expect(keys.filter((key) => !hasText(key, 'en'))).toEqual([]);
  });

  it('says nothing in German in English', () => {
    const german = leaves(english).filter(([, text]) =>
      /[äöüßÄÖÜ„]|\b(und|oder|nicht|bitte|der|die|das|ist|Verein|Sicherung)\b/.test(text),
    );
    expect(german).toEqual([]);
  });
});

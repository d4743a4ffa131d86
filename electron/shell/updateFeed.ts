/**
 * Where updates come from. The build bakes a feed in (electron-builder `publish`, with the
 * publisher name whose code signature every update must carry); a club or federation that
 * serves updates itself (e.g. from its club server) names its feed in `update-feed.json` in the
 * app's data folder. Only https feeds are accepted.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const feedFileSchema = z.object({ url: z.string().url() }).strict();

export type UpdateFeed =
  | { kind: 'built-in' }
  | { kind: 'custom'; url: string }
  | { kind: 'invalid'; reason: string };

export function readUpdateFeed(file: string): UpdateFeed {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return { kind: 'built-in' };
  }
  try {
    const { url } = feedFileSchema.parse(JSON.parse(raw));
    if (!url.startsWith('https://'))
      return {
        kind: 'invalid',
        reason: `Update-Adresse ${url} ist nicht https – sie wird nicht verwendet.`,
      };
    return { kind: 'custom', url };
  } catch {
    return {
      kind: 'invalid',
      reason: `${file} ist nicht lesbar (erwartet: {"url": "https://…"}) – Updates kommen von der eingebauten Adresse.`,
    };
  }
}

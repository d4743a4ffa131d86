import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { readUpdateFeed } from './updateFeed.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.dir, 'update-feed.json');
});
afterEach(() => temp.cleanup());

describe('update feed', () => {
  it('uses the built-in feed without a settings file', () => {
    expect(readUpdateFeed(file)).toEqual({ kind: 'built-in' });
  });

  it('takes a club’s own https feed', () => {
    writeFileSync(file, '{"url":"https://verein.example/updates/"}');
    expect(readUpdateFeed(file)).toEqual({
      kind: 'custom',
      url: 'https://verein.example/updates/',
    });
  });

  it('refuses a feed without TLS or a damaged file, with a German reason', () => {
    writeFileSync(file, '{"url":"http://verein.example/updates/"}');
    expect(readUpdateFeed(file)).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/nicht https/),
    });
    writeFileSync(file, '{"url":"https://x", "extra": true}');
    expect(readUpdateFeed(file)).toMatchObject({ kind: 'invalid' });
  });
});

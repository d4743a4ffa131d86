/**
 * What a backup folder keeps (DESIGN.md "Backups", issue #19): the rotation counts automatic
 * generations only; a backup made by hand and the safety generation before an import or a
 * restore stay for KEPT_DAYS, whatever the rotation does, and can be deleted by hand.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/support/tempDir.ts';
import { KEPT_DAYS } from '../../domain/backupKinds.ts';
import { BackupFolder, listGenerations, writeFileAtomicallyInChunks } from './backupFolder.ts';

const DAY = 24 * 60 * 60 * 1000;
let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.cleanup());

function folder(): BackupFolder {
  temp = makeTempDir('tutti-folder-');
  return new BackupFolder(temp.dir, 'tutti-abcd1234');
}

describe('a backup folder', () => {
  it('keeps a manual backup and the safety generation when automatic ones follow the same day', () => {
    const f = folder();
    const morning = new Date('2026-12-06T08:00:00Z');
    f.write(morning, Buffer.from('von Hand'), 'manual');
    f.write(new Date(morning.getTime() + 60_000), Buffer.from('vor Import'), 'before-import');
    f.write(new Date(morning.getTime() + 120_000), Buffer.from('auto 1'), 'automatic');
    f.write(new Date(morning.getTime() + 3_600_000), Buffer.from('auto 2'), 'automatic');
    const removed = f.prune(undefined, new Date(morning.getTime() + 4_000_000));
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatch(/T080200000Z\.tar\.gz\.age$/);
    expect(f.list().map((g) => g.kind)).toEqual(['automatic', 'before-import', 'manual']);
  });

  it(`keeps a safety generation ${KEPT_DAYS} days even when the rotation would drop it`, () => {
    const f = folder();
    const made = new Date('2026-09-01T10:00:00Z');
    f.write(made, Buffer.from('vor Wiederherstellung'), 'before-restore');
    const [kept] = f.list();
    expect(kept?.keptUntil?.toISOString()).toBe(
      new Date(made.getTime() + KEPT_DAYS * DAY).toISOString(),
    );
    // Daily automatic backups from two hours later: the rotation alone would not keep it.
    let day = 0;
    const dailyUntil = (last: number) => {
      for (; day <= last; day++) {
        const at = new Date(made.getTime() + 2 * 3_600_000 + day * DAY);
        f.write(at, Buffer.from(`auto ${day}`), 'automatic');
        f.prune(undefined, at);
      }
    };
    dailyUntil(KEPT_DAYS - 1);
    expect(f.list().some((g) => g.name === kept?.name)).toBe(true);
    dailyUntil(KEPT_DAYS + 1);
    expect(f.list().some((g) => g.name === kept?.name)).toBe(false);
  });

  it('reads the names of older versions as automatic generations', () => {
    const f = folder();
    writeFileSync(join(temp.dir, 'tutti-abcd1234-20261201T101010123Z.tar.gz.age'), 'alt');
    const [old] = listGenerations(temp.dir);
    expect(old?.kind).toBe('automatic');
    expect(old?.keptUntil).toBeNull();
    expect(old?.createdAt.toISOString()).toBe('2026-12-01T10:10:10.123Z');
    expect(f.list()).toHaveLength(1);
  });

  it('deletes a generation by hand, only one of its own prefix', () => {
    const f = folder();
    const own = f.write(new Date('2026-12-06T08:00:00Z'), Buffer.from('x'), 'manual');
    const other = new BackupFolder(temp.dir, 'tutti-ffff0000').write(
      new Date('2026-12-06T08:00:00Z'),
      Buffer.from('y'),
      'manual',
    );
    expect(f.remove(other.name)).toBe(false);
    expect(existsSync(other.path)).toBe(true);
    expect(f.remove('../../etc/passwd')).toBe(false);
    expect(f.remove(own.name)).toBe(true);
    expect(readdirSync(temp.dir)).toEqual([other.name]);
  });
});

describe('a backup folder kept by hand only', () => {
  it('still rotates: weekly manual backups for 200 days keep the monthly ones beyond 90 days', () => {
    const f = folder();
    const start = new Date('2026-01-05T18:00:00Z');
    for (let week = 0; week < 29; week++)
      f.write(new Date(start.getTime() + week * 7 * DAY), Buffer.from(`w${week}`), 'manual');
    f.prune(undefined, new Date(start.getTime() + 200 * DAY));
    const oldest = f.list().at(-1)!.createdAt;
    expect(start.getTime() + 200 * DAY - oldest.getTime()).toBeGreaterThan(150 * DAY);
  });

  it('is not emptied by one backup under a clock a year ahead', () => {
    const f = folder();
    for (const day of ['05', '12', '19'])
      f.write(new Date(`2026-01-${day}T18:00:00Z`), Buffer.from('x'), 'manual');
    const ahead = new Date('2027-01-20T18:00:00Z');
    f.write(ahead, Buffer.from('y'), 'manual');
    f.prune(undefined, ahead);
    expect(f.list()).toHaveLength(4);
  });
});

describe('a backup written in chunks', () => {
  it('leaves no file, partial or whole, when stopped half-way', async () => {
    temp = makeTempDir('tutti-chunks-');
    const dir = temp.dir;
    {
      const path = join(dir, 'tutti-x-20261206T080000000Z-manual.tar.gz.age');
      const bytes = new Uint8Array(3 * 1024 * 1024 + 5).fill(7);
      const shares: number[] = [];
      const stopped = await writeFileAtomicallyInChunks(path, bytes, async (share) => {
        shares.push(share);
        if (shares.length === 2) throw new Error('abgebrochen');
      }).then(
        () => null,
        (error: unknown) => error,
      );
      expect((stopped as Error).message).toBe('abgebrochen');
      expect(readdirSync(dir)).toEqual([]);
      await writeFileAtomicallyInChunks(path, bytes, async () => {});
      expect(readdirSync(dir)).toEqual([basename(path)]);
      expect(readFileSync(path).equals(Buffer.from(bytes))).toBe(true);
    }
  });
});

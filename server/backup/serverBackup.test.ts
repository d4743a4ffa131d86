/**
 * Server backups on a real server (PGlite), real folders, a real SMTP server in-process
 * (`smtp-server`) and the club's own age identity for what is mailed.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import Database from 'better-sqlite3-multiple-ciphers';
import { type SMTPServer, SMTPServer as SmtpServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids.ts';
import { openBackup } from '../../shared/node/backup/backupArchive.ts';
import { unwrapBackupKey } from '../../shared/node/backup/backupKey.ts';
import {
  saveAsClubAdmin,
  startTestClubServer,
  TEST_SERVER_PASSPHRASE,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { setUpBackupMail, setUpBackups } from '../cli/backupSetup.ts';
import { silentLogger } from '../log/logger.ts';
import { ServerClock } from '../sync/serverClock.ts';
import { mailDue } from './backupMail.ts';
import { createBackupServices } from './backupServices.ts';
import { dumpClub, restoreClub } from './clubSnapshot.ts';

/** The text of a mail as written by nodemailer (quoted-printable UTF-8). */
function quotedPrintable(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

let t: TestClubServer;
let temp: ReturnType<typeof makeTempDir>;
let targets: string[];
let identity: string;

async function member(clubId: string, id: string): Promise<Record<string, unknown> | null> {
  const rows = await t.server.services.db.asOwner(
    async (sql) =>
      (
        await sql.query<{ fields: Record<string, unknown>; deleted: boolean }>(
          `SELECT fields, deleted FROM records WHERE club_id = $1 AND entity = 'members' AND id = $2`,
          [clubId, id],
        )
      ).rows,
  );
  const row = rows[0];
  return row && !row.deleted ? row.fields : null;
}

async function clubVersion(clubId: string): Promise<number> {
  return t.server.services.db.asOwner(async (sql) => {
    const { rows } = await sql.query<{ version: string }>(
      'SELECT version FROM club_versions WHERE club_id = $1',
      [clubId],
    );
    return Number(rows[0]!.version);
  });
}

beforeAll(async () => {
  t = await startTestClubServer();
  temp = makeTempDir('tutti-server-backup-');
  targets = [join(temp.dir, 'platte-a'), join(temp.dir, 'platte-b')];
  await setUpBackups(t.dir, targets, [], async () => TEST_SERVER_PASSPHRASE);
  identity = await unwrapBackupKey(readFileSync(t.dir.backupKeyPath), TEST_SERVER_PASSPHRASE);
}, 60_000);

afterAll(async () => {
  await t?.stop();
  temp?.cleanup();
});

describe('server backups', () => {
  it('backs a club up to both targets and restores it without touching another club', async () => {
    const { backups } = t.server.services.backup!;
    const a = (await t.server.services.clubs.createClub('Stadtkapelle A')).id;
    const b = (await t.server.services.clubs.createClub('Jugendorchester B')).id;
    const anna = newId();
    const bert = newId();
    await saveAsClubAdmin(t, a, 'members', anna, {
      firstName: 'Anna',
      lastName: 'Alt',
      status: 'aktiv',
    });
    await saveAsClubAdmin(t, b, 'members', bert, {
      firstName: 'Bert',
      lastName: 'Bleibt',
      status: 'aktiv',
    });

    const outcomes = await backups.run();
    for (const club of outcomes) expect(club.targets.map((x) => x.error)).toEqual([null, null]);
    for (const target of targets)
      expect(backups.list(a).find((l) => l.target === target)!.generations).toHaveLength(1);
    const verified = await backups.verify(a, identity);
    expect(verified.map((v) => v.error)).toEqual([null, null]);
    expect(verified[0]!.manifest!.counts.records).toBe(1);

    // After the backup: A's member is changed and a new one is added; B changes too.
    await saveAsClubAdmin(t, a, 'members', anna, {
      firstName: 'Anna',
      lastName: 'Neu',
      status: 'aktiv',
    });
    const later = newId();
    await saveAsClubAdmin(t, a, 'members', later, {
      firstName: 'Lena',
      lastName: 'Später',
      status: 'aktiv',
    });
    await saveAsClubAdmin(t, b, 'members', bert, {
      firstName: 'Bert',
      lastName: 'Geändert',
      status: 'aktiv',
    });
    const versionBefore = await clubVersion(a);

    const restored = await backups.restore(a, identity);
    expect(restored).toMatchObject({ created: false, records: 1, deleted: 1 });
    expect((await member(a, anna))?.lastName).toBe('Alt');
    expect(await member(a, later)).toBeNull();
    expect((await member(b, bert))?.lastName).toBe('Geändert');
    // Every device pulls the restored state: the club's version moved on, not back.
    const versionAfter = await clubVersion(a);
    expect(versionAfter).toBeGreaterThan(versionBefore);
  }, 60_000);

  it('binds every row of a restored backup to its club, whatever club ids the file claims', async () => {
    const a = (await t.server.services.clubs.createClub('Kapelle F')).id;
    const b = (await t.server.services.clubs.createClub('Kapelle G')).id;
    const target = newId();
    await saveAsClubAdmin(t, b, 'members', target, {
      firstName: 'Gerd',
      lastName: 'Echt',
      status: 'aktiv',
    });
    await saveAsClubAdmin(t, a, 'members', newId(), {
      firstName: 'Fritz',
      lastName: 'F',
      status: 'aktiv',
    });
    const dump = await t.server.services.db.asOwner((sql) => dumpClub(sql, a));
    // A forged file: club A's backup whose record rows claim club B and B's member.
    const forged = new Database(dump.snapshot);
    forged
      .prepare(
        "UPDATE records SET club_id = ?, id = ?, fields = json_set(fields, '$.lastName', 'Gefälscht')",
      )
      .run(b, target);
    const bytes = forged.serialize();
    forged.close();
    await t.server.services.db.asOwner((sql) => restoreClub(sql, a, bytes, new ServerClock()));
    expect((await member(b, target))?.lastName).toBe('Echt');
    expect((await member(a, target))?.lastName).toBe('Gefälscht');
  }, 60_000);

  it('writes the healthy target when another fails, reports it, and clears the warning once it works', async () => {
    const backup = createBackupServices(t.server.services.db, t.dir, silentLogger());
    const club = (await t.server.services.clubs.createClub('Musikverein C')).id;
    // The second target is a file, not a folder: writing there fails.
    const broken = join(temp.dir, 'kaputt');
    writeFileSync(broken, 'kein Ordner');
    t.dir.setBackupConfig({ ...t.dir.config().backup!, targets: [targets[0]!, broken] });
    try {
      const [outcome] = await backup.backups.run(club);
      expect(outcome!.targets[0]!.error).toBeNull();
      expect(outcome!.targets[1]!.error).toMatch(/ENOTDIR|EEXIST/);
      expect(backup.health.count).toBe(1);
      const listed = backup.backups.list(club);
      expect(listed[0]!.generations).toHaveLength(1);
      expect(listed[1]!.error).toMatch(/ENOTDIR/);
      // The disk is back: the next run writes there too and the warning goes.
      rmSync(broken);
      await backup.backups.run(club);
      expect(backup.health.count).toBe(0);
      expect(backup.backups.list(club)[1]!.generations).toHaveLength(1);
    } finally {
      t.dir.setBackupConfig({ ...t.dir.config().backup!, targets });
    }
  }, 60_000);

  it('detects a flipped byte and restores nothing from it', async () => {
    const { backups } = t.server.services.backup!;
    const club = (await t.server.services.clubs.createClub('Blaskapelle D')).id;
    const id = newId();
    await saveAsClubAdmin(t, club, 'members', id, {
      firstName: 'Dora',
      lastName: 'Davor',
      status: 'aktiv',
    });
    await backups.run(club);
    await saveAsClubAdmin(t, club, 'members', id, {
      firstName: 'Dora',
      lastName: 'Danach',
      status: 'aktiv',
    });
    const file = backups.list(club)[0]!.generations[0]!.path;
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x10;
    writeFileSync(file, bytes);
    const [result] = await backups.verify(club, identity, file);
    expect(result!.error).toContain('beschädigt');
    await expect(backups.restore(club, identity, file)).rejects.toThrow(/beschädigt/);
    expect((await member(club, id))?.lastName).toBe('Danach');
  }, 60_000);

  it('e-mails a changed club its backup, readable only with the club identity; too large → a notice', async () => {
    const received: { to: string[]; raw: string }[] = [];
    const smtp: SMTPServer = new SmtpServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          raw += chunk;
        });
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    try {
      setUpBackupMail(t.dir, {
        host: '127.0.0.1',
        port: String(port),
        from: 'backup@server.example',
        tls: false,
      });
      let now = new Date('2026-11-27T10:00:00Z');
      const policy = {
        minIntervalMs: 60 * 60_000,
        quietMs: 15 * 60_000,
        maxDelayMs: 24 * 60 * 60_000,
      };
      const backup = createBackupServices(
        t.server.services.db,
        t.dir,
        silentLogger(),
        () => now,
        policy,
      );
      const club = (await t.server.services.clubs.createClub('Harmonie E')).id;
      const clubIdentity = await generateX25519Identity();
      await backup.mailer.configure(
        club,
        ['kassier@harmonie.example', 'vorstand@harmonie.example'],
        [await identityToRecipient(clubIdentity)],
      );
      await saveAsClubAdmin(t, club, 'members', newId(), {
        firstName: 'Erna',
        lastName: 'Mail',
        status: 'aktiv',
      });

      expect((await backup.mailer.tick()).sent).toEqual([]); // the change is seen, not yet quiet
      now = new Date('2026-11-27T10:20:00Z');
      const second = await backup.mailer.tick();
      expect(backup.health.list()).toEqual([]);
      expect(second.sent).toEqual([club]);
      expect(received).toHaveLength(1);
      expect(received[0]!.to.sort()).toEqual([
        'kassier@harmonie.example',
        'vorstand@harmonie.example',
      ]);
      const attachment = /filename=.*\.tar\.gz\.age[\s\S]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(
        received[0]!.raw,
      );
      const file = Buffer.from(attachment![1]!.replace(/\s/g, ''), 'base64');
      const opened = await openBackup(file, clubIdentity);
      expect(opened.manifest.club?.id).toBe(club);
      expect(opened.manifest.counts.records).toBe(1);
      // The operator's own key cannot open it.
      await expect(new Decrypter().decrypt(file)).rejects.toThrow();
      await expect(openBackup(file, identity)).rejects.toThrow(/Schlüssel/);

      now = new Date('2026-11-27T11:00:00Z');
      expect((await backup.mailer.tick()).sent).toEqual([]); // nothing changed since

      // Too large for the mail server's limit: a notice instead of the attachment.
      setUpBackupMail(t.dir, {
        host: '127.0.0.1',
        port: String(port),
        from: 'backup@server.example',
        tls: false,
        maxMegabytes: '0.001',
      });
      await saveAsClubAdmin(t, club, 'members', newId(), {
        firstName: 'Emil',
        lastName: 'Groß',
        status: 'aktiv',
      });
      await backup.mailer.tick();
      now = new Date('2026-11-27T12:00:00Z');
      expect((await backup.mailer.tick()).sent).toEqual([club]);
      expect(received).toHaveLength(2);
      const notice = quotedPrintable(received[1]!.raw);
      expect(notice).toContain('größer als die für E-Mail erlaubten 1,0 kB');
      expect(received[1]!.raw).not.toMatch(/Content-Disposition: attachment/i);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  }, 60_000);
});

describe('when a backup mail is due', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 27, 0, minutes));
  const policy = { minIntervalMs: 60 * 60_000, quietMs: 15 * 60_000, maxDelayMs: 24 * 60 * 60_000 };

  it('waits for a pause in the changes, and sends at most hourly', () => {
    const state = { lastMailAt: null, firstUnmailedChangeAt: at(0), lastChangeSeenAt: at(10) };
    expect(mailDue(state, at(20), policy)).toBe(false);
    expect(mailDue(state, at(25), policy)).toBe(true);
    expect(mailDue({ ...state, lastMailAt: at(-30) }, at(25), policy)).toBe(false);
    expect(mailDue({ ...state, lastMailAt: at(-60) }, at(25), policy)).toBe(true);
    expect(mailDue({ ...state, firstUnmailedChangeAt: null }, at(600), policy)).toBe(false);
  });

  it('sends at least daily while the changes go on', () => {
    const busy = (minutes: number) => ({
      lastMailAt: null,
      firstUnmailedChangeAt: at(0),
      lastChangeSeenAt: at(minutes - 1),
    });
    expect(mailDue(busy(23 * 60), at(23 * 60), policy)).toBe(false);
    expect(mailDue(busy(24 * 60), at(24 * 60), policy)).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer } from '../storage/migrateServer.ts';
import { PgliteDatabase } from '../storage/pgliteDatabase.ts';
import { AdminPasswords } from './adminPassword.ts';
import { ClubRegistry } from './clubRegistry.ts';
import { ClubRoles } from './clubRoles.ts';

describe('club administrator password', () => {
  let db: PgliteDatabase;
  let clubId: string;
  let clock = new Date('2026-11-27T10:00:00Z');
  let passwords: AdminPasswords;

  beforeAll(async () => {
    db = await PgliteDatabase.open('memory://');
    await migrateServer(db);
    clubId = (await new ClubRegistry(db, new ClubRoles(db)).createClub('Stadtkapelle')).id;
    passwords = new AdminPasswords(db, () => clock);
    await passwords.set(clubId, 'richtiges-passwort');
  });
  afterAll(() => db.close());

  it('is stored as a scrypt hash the application role cannot read', async () => {
    const stored = await db.asOwner(
      async (sql) =>
        (await sql.query<{ hash: string }>('SELECT hash FROM club_admin_passwords')).rows,
    );
    expect(stored[0]?.hash).toMatch(/^scrypt\$/);
    expect(stored[0]?.hash).not.toContain('richtiges');
    await expect(
      db.withClub(clubId, (sql) => sql.query('SELECT * FROM club_admin_passwords')),
    ).rejects.toThrow(/permission denied/);
  });

  it('refuses a short password and rotating without the current one', async () => {
    await expect(passwords.set(clubId, 'kurz')).rejects.toThrow('mindestens 12 Zeichen');
    await expect(passwords.set(clubId, 'ein-neues-passwort')).rejects.toThrow('bisherige');
  });

  it('locks after 20 wrong passwords, with a clear message, even for the right one', async () => {
    for (let i = 1; i < 20; i += 1)
      await expect(passwords.verify(clubId, `falsch-${i}`)).rejects.toThrow(
        `Fehlversuch ${i} von 20`,
      );
    await expect(passwords.verify(clubId, 'falsch-20')).rejects.toThrow(
      '20-mal falsch und ist jetzt für eine Stunde gesperrt',
    );
    await expect(passwords.verify(clubId, 'richtiges-passwort')).rejects.toThrow(
      /gesperrt bis .*Danach erneut versuchen/,
    );
    // A restart changes nothing: the count lives in the database.
    await expect(
      new AdminPasswords(db, () => clock).verify(clubId, 'richtiges-passwort'),
    ).rejects.toThrow('gesperrt');
    clock = new Date(clock.getTime() + 61 * 60_000);
    await expect(passwords.verify(clubId, 'richtiges-passwort')).resolves.toBeUndefined();
  }, 60_000);

  it('counts attempts made all at once: 30 in parallel do not get 30 tries', async () => {
    clock = new Date(clock.getTime() + 61 * 60_000);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => passwords.verify(clubId, `parallel-${i}`)),
    );
    const messages = outcomes.map((o) =>
      o.status === 'rejected' ? String(o.reason.message) : 'ok',
    );
    expect(messages.filter((m) => m.includes('Fehlversuch'))).toHaveLength(19);
    expect(messages.filter((m) => m.includes('gesperrt'))).toHaveLength(11);
    await expect(passwords.verify(clubId, 'richtiges-passwort')).rejects.toThrow('gesperrt');
  }, 60_000);
});

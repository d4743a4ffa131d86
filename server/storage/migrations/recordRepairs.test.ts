/**
 * The migrations that repair stored records (0007: ids; 0008: stamps), run on a database as an
 * older server left it: records written through sync without their id, a field frozen by a
 * stamp from the far future, a restore's invalid stamp.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain/ids.ts';
import { beyondDrift, isStamp } from '../../../shared/sync/hlc.ts';
import { ClubRegistry } from '../../clubs/clubRegistry.ts';
import { ClubRoles } from '../../clubs/clubRoles.ts';
import { migrateServer } from '../migrateServer.ts';
import { PgliteDatabase } from '../pgliteDatabase.ts';
import { SERVER_MIGRATIONS } from './index.ts';

describe('migrations that repair stored records', () => {
  let db: PgliteDatabase;
  let clubId = '';
  let userId = '';
  const member = newId();
  const register = newId();
  const good = '0190a7e40000-0000-laptop';

  const row = async (id: string) =>
    (
      await db.asOwner((sql) =>
        sql.query<{
          fields: Record<string, unknown>;
          stamps: Record<string, string>;
          version: string;
        }>('SELECT fields, stamps, version FROM records WHERE id = $1', [id]),
      )
    ).rows[0]!;

  beforeAll(async () => {
    db = await PgliteDatabase.open('memory://');
    await migrateServer(db, SERVER_MIGRATIONS.slice(0, 6));
    const clubs = new ClubRegistry(db, new ClubRoles(db));
    clubId = (await clubs.createClub('Altbestand')).id;
    userId = (await clubs.addUser(clubId, { name: 'Eva', role: 'administrator' })).id;
    await db.asOwner(async (sql) => {
      await sql.query(
        `INSERT INTO records (club_id, entity, id, fields, stamps, deleted, version) VALUES
           ($1, 'members', $2, $3, $4, false, 1), ($1, 'registers', $5, $6, $7, false, 2)`,
        [
          clubId,
          member,
          JSON.stringify({ firstName: 'Frieda', lastName: 'Frost', status: 'aktiv' }),
          JSON.stringify({
            firstName: 'ffffffffffff-ffff-schnelleuhr',
            lastName: '1000000000000-0000-restore',
            status: good,
          }),
          register,
          JSON.stringify({ name: 'Blech', sortOrder: 1 }),
          JSON.stringify({ name: good, sortOrder: good }),
        ],
      );
      await sql.query('UPDATE club_versions SET version = 2 WHERE club_id = $1', [clubId]);
    });
    await migrateServer(db);
  }, 60_000);
  afterAll(() => db?.close());

  it('adds the id to fields and makes every device resync (0007)', async () => {
    expect((await row(register)).fields).toMatchObject({ id: register, name: 'Blech' });
    const { rows } = await db.asOwner((sql) =>
      sql.query<{ scope_epoch: number }>('SELECT scope_epoch FROM users WHERE id = $1', [userId]),
    );
    expect(rows[0]!.scope_epoch).toBe(2);
  });

  it('leaves no invalid stamp and none from the future, keeps the values, sends the record anew (0008)', async () => {
    const repaired = await row(member);
    const beyond = beyondDrift(Date.now());
    for (const stamp of Object.values(repaired.stamps)) {
      expect(isStamp(stamp), stamp).toBe(true);
      expect(beyond(stamp), stamp).toBe(false);
    }
    expect(repaired.stamps.firstName).toMatch(/-0000-clamped$/);
    expect(repaired.stamps.status).toBe(good);
    expect(repaired.fields).toMatchObject({ firstName: 'Frieda', lastName: 'Frost' });
    expect(Number(repaired.version)).toBe(3);
    expect(Number((await row(register)).version)).toBe(2);
  });
});

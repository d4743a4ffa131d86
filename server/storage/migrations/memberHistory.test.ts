/**
 * Migration 0012 starts each member's consents and membership periods as the desktop's
 * migration 6 does, on a database as an older server left it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRecord } from '../../../shared/domain/entities.ts';
import { newId } from '../../../shared/domain/ids.ts';
import { ClubRegistry } from '../../clubs/clubRegistry.ts';
import { ClubRoles } from '../../clubs/clubRoles.ts';
import { migrateServer } from '../migrateServer.ts';
import { PgliteDatabase } from '../pgliteDatabase.ts';
import { SERVER_MIGRATIONS } from './index.ts';

describe('server migration 12: the members’ histories', () => {
  let db: PgliteDatabase;
  const anna = newId();
  const bert = newId();
  const stamp = '0190a7e40000-0000-laptop';

  const row = async (id: string) =>
    (
      await db.asOwner((sql) =>
        sql.query<{ fields: Record<string, unknown>; stamps: Record<string, string> }>(
          'SELECT fields, stamps FROM records WHERE id = $1',
          [id],
        ),
      )
    ).rows[0]!;

  beforeAll(async () => {
    db = await PgliteDatabase.open('memory://');
    await migrateServer(db, SERVER_MIGRATIONS.slice(0, 11));
    const clubs = new ClubRegistry(db, new ClubRoles(db));
    const clubId = (await clubs.createClub('Altbestand')).id;
    const member = (fields: Record<string, unknown>) => ({
      lastName: 'M',
      country: 'DE',
      registerIds: [],
      feeExempt: false,
      consentNewsletter: false,
      consentPhotos: false,
      ...fields,
    });
    await db.asOwner(async (sql) => {
      await sql.query(
        `INSERT INTO records (club_id, entity, id, fields, stamps, deleted, version) VALUES
           ($1, 'members', $2, $3, $5, false, 1), ($1, 'members', $4, $6, $5, false, 2)`,
        [
          clubId,
          anna,
          JSON.stringify(member({ status: 'aktiv', entryDate: '2001-03-01', consentPhotos: true })),
          bert,
          JSON.stringify({ status: stamp }),
          JSON.stringify(
            member({ status: 'ausgetreten', entryDate: '1990-01-01', exitDate: '2021-01-01' }),
          ),
        ],
      );
    });
    await migrateServer(db);
  });
  afterAll(() => db.close());

  it('derives the same histories as the desktop, with the lowest stamp', async () => {
    const a = await row(anna);
    expect(a.fields.consents).toEqual([
      { purpose: 'photos', givenOn: null, source: null, withdrawnOn: null },
    ]);
    expect(a.fields.memberships).toEqual([
      { status: 'aktiv', from: '2001-03-01', until: null, notes: null },
    ]);
    expect(a.stamps.memberships).toBe('000000000000-0000-migration');
    expect(a.stamps.status).toBe(stamp);
    const b = await row(bert);
    expect(b.fields.memberships).toEqual([
      { status: 'mitglied', from: '1990-01-01', until: '2020-12-31', notes: null },
      { status: 'ausgetreten', from: '2021-01-01', until: null, notes: null },
    ]);
    expect(b.fields.consents).toEqual([]);
    expect(validateRecord('members', { id: bert, ...b.fields }).ok).toBe(true);
  });
});

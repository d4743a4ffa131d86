import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateRecord } from '../../../shared/domain/entities.ts';
import { makeTempDir } from '../../../test/support/tempDir.ts';
import { openWritable } from '../database.ts';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

function memberRow(
  id: string,
  status: string,
  entry: string | null,
  exit: string | null,
  photos = 0,
) {
  return { id, status, entry, exit, photos };
}

describe('migration 6: the club record and the members’ histories', () => {
  it('starts each member’s consents and membership periods from what the club had', () => {
    const db = openWritable(join(temp.dir, 'tutti.db'), randomBytes(32));
    migrate(db, MIGRATIONS.slice(0, 5));
    const insert = db.prepare(
      `INSERT INTO members (id, last_name, country, status, register_ids, consent_photos,
         consent_newsletter, fee_exempt, entry_date, exit_date, stamps)
       VALUES (@id, 'M', 'DE', @status, '[]', @photos, 0, 0, @entry, @exit, '{}')`,
    );
    const anna = '01890000-0000-7000-8000-000000000001';
    const bert = '01890000-0000-7000-8000-000000000002';
    const cara = '01890000-0000-7000-8000-000000000003';
    insert.run(memberRow(anna, 'aktiv', '2001-03-01', null, 1));
    insert.run(memberRow(bert, 'ausgetreten', '1990-01-01', '2020-12-31'));
    insert.run(memberRow(cara, 'passiv', null, null));
    migrate(db, MIGRATIONS);
    const read = (id: string) => {
      const row = db
        .prepare('SELECT consents, memberships, gender FROM members WHERE id = ?')
        .get(id) as { consents: string; memberships: string; gender: string | null };
      return {
        consents: JSON.parse(row.consents),
        memberships: JSON.parse(row.memberships),
        gender: row.gender,
      };
    };
    expect(read(anna)).toEqual({
      consents: [{ purpose: 'photos', givenOn: null, source: null, withdrawnOn: null }],
      memberships: [{ status: 'aktiv', from: '2001-03-01', until: null, notes: null }],
      gender: null,
    });
    expect(read(bert).memberships).toEqual([
      { status: 'mitglied', from: '1990-01-01', until: '2020-12-30', notes: null },
      { status: 'ausgetreten', from: '2020-12-31', until: null, notes: null },
    ]);
    expect(read(cara)).toMatchObject({
      consents: [],
      memberships: [{ status: 'passiv', from: null, until: null, notes: null }],
    });
    // What the migration wrote passes the schema as it is.
    for (const id of [anna, bert, cara]) {
      const { consents, memberships } = read(id);
      const checked = validateRecord('members', {
        id,
        lastName: 'M',
        status: 'aktiv',
        consents,
        memberships,
      });
      expect(checked.ok, id).toBe(true);
    }
    db.close();
  });
});

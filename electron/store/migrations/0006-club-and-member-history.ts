import type { Migration } from './migration.ts';

/**
 * The club's own record (one row, see shared/domain/club.ts), and what reports need of a
 * member: the gender as stated, consents as entries with history, and the membership periods.
 * Both histories start from what the club had: a consent for each yes/no field that was set
 * (when it was given is not known), a period from the entry date in today's status — for a
 * member who left, a period of unknown kind up to the day before the exit and "ausgetreten"
 * from then. These values carry no stamp: any edit wins over them, and so does what the
 * server's migration 0012 derived (with the lowest stamp there is) when a record comes from the
 * server, so a device whose data differed at its upgrade (changes not yet sent) ends up with
 * the server's histories, never with two that stay apart.
 */
export const migration0006ClubAndMemberHistory: Migration = {
  version: 6,
  name: 'club-and-member-history',
  up: `
    ALTER TABLE members ADD COLUMN gender TEXT;
    ALTER TABLE members ADD COLUMN consents TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE members ADD COLUMN memberships TEXT NOT NULL DEFAULT '[]';

    UPDATE members SET consents = (
      SELECT json_group_array(json(entry)) FROM (
        SELECT json_object('purpose', 'photos', 'givenOn', NULL, 'source', NULL, 'withdrawnOn', NULL)
          AS entry WHERE members.consent_photos = 1
        UNION ALL
        SELECT json_object('purpose', 'newsletter', 'givenOn', NULL, 'source', NULL, 'withdrawnOn', NULL)
          WHERE members.consent_newsletter = 1
      )
    );

    UPDATE members SET memberships = CASE
      WHEN status = 'ausgetreten' THEN json_array(
        json_object(
          'status', 'mitglied',
          -- An entry after the exit (contradicting dates kept for review) starts nothing.
          'from', CASE
            WHEN exit_date IS NULL OR entry_date <= date(exit_date, '-1 day') THEN entry_date
          END,
          'until', date(exit_date, '-1 day'),
          'notes', NULL),
        json_object('status', 'ausgetreten', 'from', exit_date, 'until', NULL, 'notes', NULL))
      ELSE json_array(
        json_object('status', status, 'from', entry_date, 'until', NULL, 'notes', NULL))
    END;

    CREATE TABLE club (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      street TEXT,
      postal_code TEXT,
      city TEXT,
      country TEXT NOT NULL,
      federations TEXT NOT NULL,
      founded_on TEXT,
      charitable_until TEXT,
      chair_id TEXT,
      conductor_ids TEXT NOT NULL,
      youth_leader_id TEXT,
      sepa_creditor_id TEXT,
      deleted INTEGER NOT NULL DEFAULT 0,
      stamps TEXT NOT NULL
    ) STRICT;
  `,
};

import type { ServerMigration } from './serverMigration.ts';

/**
 * A member's consents and membership periods, started from what each club had, exactly as the
 * desktop's migration 6 starts them (electron/store/migrations/0006-club-and-member-history.ts;
 * shared/domain/memberships.ts, for members saved later, starts an unknown entry at that day):
 * a consent per yes/no field set, a period from the entry date in today's status, for a member
 * who left one of unknown kind up to the day before the exit and "ausgetreten" from then. The
 * lowest stamp there is marks them, so every edit wins over them, and devices enrolled later
 * receive them with the records. The club's own record needs no table: it is a record.
 */
export const migration0012MemberHistory: ServerMigration = {
  version: 12,
  name: 'member-history',
  up: `
    UPDATE records SET
      fields = fields
        || jsonb_build_object('consents', (
          SELECT coalesce(jsonb_agg(entry), '[]'::jsonb) FROM (
            SELECT jsonb_build_object('purpose', 'photos', 'givenOn', NULL, 'source', NULL,
                'withdrawnOn', NULL) AS entry
              WHERE (fields ->> 'consentPhotos')::boolean IS TRUE
            UNION ALL
            SELECT jsonb_build_object('purpose', 'newsletter', 'givenOn', NULL, 'source', NULL,
                'withdrawnOn', NULL)
              WHERE (fields ->> 'consentNewsletter')::boolean IS TRUE
          ) AS given))
        || jsonb_build_object('memberships', CASE
          WHEN fields ->> 'status' = 'ausgetreten' THEN jsonb_build_array(
            jsonb_build_object(
              'status', 'mitglied',
              -- An entry after the exit (contradicting dates kept for review) starts nothing.
              'from', CASE
                WHEN fields ->> 'exitDate' IS NULL THEN fields -> 'entryDate'
                WHEN fields ->> 'exitDate' !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN fields -> 'entryDate'
                WHEN fields ->> 'entryDate' <= to_char((fields ->> 'exitDate')::date - 1, 'YYYY-MM-DD')
                  THEN fields -> 'entryDate'
              END,
              'until', CASE
                WHEN fields ->> 'exitDate' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                  THEN to_char((fields ->> 'exitDate')::date - 1, 'YYYY-MM-DD')
              END,
              'notes', NULL),
            jsonb_build_object('status', 'ausgetreten', 'from', fields -> 'exitDate',
              'until', NULL, 'notes', NULL))
          ELSE jsonb_build_array(jsonb_build_object('status', fields -> 'status',
            'from', fields -> 'entryDate', 'until', NULL, 'notes', NULL))
        END),
      stamps = stamps || jsonb_build_object(
        'consents', '000000000000-0000-migration',
        'memberships', '000000000000-0000-migration')
    WHERE entity = 'members' AND NOT (fields ? 'memberships');
  `,
};

import type { ServerMigration } from './serverMigration.ts';

/**
 * Before the drift bound existed, the server took stamps from any time: a device whose clock
 * ran fast — or a stamp such as `ffffffffffff-…` — froze a field against every later edit, and
 * a restore then wrote stamps the protocol calls invalid (`1000000000000-0000-restore`). Every
 * stored stamp that is not valid, or lies more than the drift bound (60 s) ahead of now, is set
 * to a stamp of now (`…-0000-clamped`); the values stay. Each such record gets a new club
 * version, so every device receives it (desktops clamp what they hold the same way, see
 * electron/store/futureStamps.ts).
 */
export const migration0008ClampStamps: ServerMigration = {
  version: 8,
  name: 'clamp-stamps',
  up: `
    CREATE FUNCTION pg_temp.tutti_stamp_ok(stamp text, limit_ms bigint) RETURNS boolean
      LANGUAGE sql IMMUTABLE AS $f$
        SELECT CASE
          WHEN stamp !~ '^[0-9a-f]{12}-[0-9a-f]{4}-[A-Za-z0-9_-]{1,64}$' THEN false
          ELSE ('x' || substr(stamp, 1, 12))::bit(48)::bigint <= limit_ms
        END
      $f$;
    DO $$
    DECLARE
      now_ms bigint := floor(extract(epoch from clock_timestamp()) * 1000);
      limit_ms bigint := now_ms + 60000;
      clamped text := lpad(to_hex(now_ms), 12, '0') || '-0000-clamped';
      r record;
      next_version bigint;
    BEGIN
      FOR r IN
        SELECT club_id, entity, id FROM records
        WHERE EXISTS (
          SELECT 1 FROM jsonb_each_text(stamps) s WHERE NOT pg_temp.tutti_stamp_ok(s.value, limit_ms))
        ORDER BY club_id, version
      LOOP
        UPDATE club_versions SET version = version + 1 WHERE club_id = r.club_id
          RETURNING version INTO next_version;
        UPDATE records SET version = next_version, stamps = (
            SELECT jsonb_object_agg(s.key,
              CASE WHEN pg_temp.tutti_stamp_ok(s.value, limit_ms) THEN s.value ELSE clamped END)
            FROM jsonb_each_text(stamps) s)
          WHERE club_id = r.club_id AND entity = r.entity AND id = r.id;
      END LOOP;
    END $$;
  `,
};

import { isolateClubTable } from './rowLevelSecurity.ts';
import type { ServerMigration } from './serverMigration.ts';

/**
 * The club's records (one row per record, fields and their HLC stamps as JSON, a club-wide
 * version for pull), the link of a user to their member record, club-defined roles, support consent, and — in
 * tables the application role cannot read at all — the club administrator password and the
 * server-wide support staff.
 */
export const migration0002RecordsRightsSupport: ServerMigration = {
  version: 2,
  name: 'records-rights-support',
  up: `
    ALTER TABLE users ADD COLUMN member_id uuid;
    ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
    ALTER TABLE devices ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
    ALTER TABLE audit_log ADD COLUMN device_id text;

    CREATE TABLE club_versions (
      club_id uuid PRIMARY KEY REFERENCES clubs (id),
      version bigint NOT NULL DEFAULT 0
    );

    CREATE TABLE records (
      club_id uuid NOT NULL REFERENCES clubs (id),
      entity text NOT NULL,
      id uuid NOT NULL,
      fields jsonb NOT NULL,
      stamps jsonb NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      version bigint NOT NULL,
      PRIMARY KEY (club_id, entity, id)
    );
    CREATE INDEX records_by_version ON records (club_id, version);

    -- Roles a club defines beyond the built-in ones: a name and a list of grants.
    CREATE TABLE roles (
      club_id uuid NOT NULL REFERENCES clubs (id),
      name text NOT NULL,
      label text NOT NULL,
      grants jsonb NOT NULL,
      PRIMARY KEY (club_id, name)
    );

    -- Consent of a club to vendor support: time-limited, revocable, granted with the admin password.
    CREATE TABLE support_grants (
      club_id uuid NOT NULL REFERENCES clubs (id),
      id uuid NOT NULL,
      granted_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      PRIMARY KEY (club_id, id)
    );

    -- Owner only: the application role has no right on these tables.
    CREATE TABLE club_admin_passwords (
      club_id uuid PRIMARY KEY REFERENCES clubs (id),
      hash text NOT NULL,
      failures integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      changed_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE support_staff (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE support_devices (
      id text PRIMARY KEY,
      staff_id uuid NOT NULL REFERENCES support_staff (id),
      certificate_serial text NOT NULL UNIQUE,
      not_after timestamptz NOT NULL,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    -- Certificates replaced by a renewal: listed in the CRL until they expire.
    CREATE TABLE retired_certificates (
      serial text PRIMARY KEY,
      not_after timestamptz NOT NULL,
      retired_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE support_enrolment_codes (
      id text PRIMARY KEY,
      staff_id uuid NOT NULL REFERENCES support_staff (id),
      secret_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );

    GRANT SELECT, INSERT, UPDATE ON club_versions, records TO tutti_app;
    GRANT SELECT, INSERT, UPDATE ON support_grants, roles TO tutti_app;
    ${['club_versions', 'records', 'support_grants', 'roles'].map(isolateClubTable).join('\n')}
    ALTER TABLE club_admin_passwords ENABLE ROW LEVEL SECURITY;
    ALTER TABLE support_staff ENABLE ROW LEVEL SECURITY;
    ALTER TABLE support_devices ENABLE ROW LEVEL SECURITY;
    ALTER TABLE support_enrolment_codes ENABLE ROW LEVEL SECURITY;
    ALTER TABLE retired_certificates ENABLE ROW LEVEL SECURITY;
  `,
};

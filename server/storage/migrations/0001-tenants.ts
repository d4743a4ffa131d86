import type { ServerMigration } from './serverMigration.ts';

/** Tables of every club, isolated by `club_id` and row-level security. */
const CLUB_TABLES = ['users', 'devices', 'enrolment_codes', 'audit_log'] as const;
const CLUB_SCOPE = `NULLIF(current_setting('tutti.club_id', true), '')::uuid`;

export const migration0001Tenants: ServerMigration = {
  version: 1,
  name: 'tenants',
  up: `
    CREATE TABLE clubs (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE users (
      club_id uuid NOT NULL REFERENCES clubs (id),
      id uuid NOT NULL,
      name text NOT NULL,
      role text NOT NULL,
      register_ids uuid[] NOT NULL DEFAULT '{}',
      PRIMARY KEY (club_id, id)
    );

    CREATE TABLE devices (
      club_id uuid NOT NULL,
      id text NOT NULL,
      user_id uuid NOT NULL,
      certificate_serial text NOT NULL UNIQUE,
      not_after timestamptz NOT NULL,
      revoked_at timestamptz,
      PRIMARY KEY (club_id, id),
      FOREIGN KEY (club_id, user_id) REFERENCES users (club_id, id)
    );

    CREATE TABLE enrolment_codes (
      club_id uuid NOT NULL,
      id text PRIMARY KEY,
      user_id uuid NOT NULL,
      secret_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      FOREIGN KEY (club_id, user_id) REFERENCES users (club_id, id)
    );

    -- Who, when, which record, which fields (never the values of sensitive ones), from where.
    CREATE TABLE audit_log (
      club_id uuid NOT NULL REFERENCES clubs (id),
      id bigint GENERATED ALWAYS AS IDENTITY,
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      action text NOT NULL,
      entity text,
      record_id text,
      fields text[] NOT NULL DEFAULT '{}',
      address text,
      PRIMARY KEY (club_id, id)
    );

    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tutti_app') THEN
        CREATE ROLE tutti_app NOLOGIN NOBYPASSRLS;
      END IF;
    END $$;
    GRANT tutti_app TO CURRENT_USER;
    GRANT USAGE ON SCHEMA public TO tutti_app;
    GRANT SELECT ON clubs TO tutti_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON users, devices, enrolment_codes TO tutti_app;
    -- The audit log is append-only for the application.
    GRANT SELECT, INSERT ON audit_log TO tutti_app;

    ALTER TABLE clubs ENABLE ROW LEVEL SECURITY;
    ALTER TABLE clubs FORCE ROW LEVEL SECURITY;
    CREATE POLICY club_isolation ON clubs TO tutti_app USING (id = ${CLUB_SCOPE});
    ${CLUB_TABLES.map(
      (table) => `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
    CREATE POLICY club_isolation ON ${table} TO tutti_app
      USING (club_id = ${CLUB_SCOPE}) WITH CHECK (club_id = ${CLUB_SCOPE});`,
    ).join('\n')}
  `,
};

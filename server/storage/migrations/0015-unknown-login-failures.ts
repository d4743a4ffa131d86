import type { ServerMigration } from './serverMigration.ts';

/**
 * Wrong passwords for login names that have no account are counted like those of an account
 * (10 in a row lock the name for 15 minutes): otherwise the lockout's answer after the tenth
 * would tell which names exist. Keyed by a hash of the normalised name, never the name itself;
 * owner-only like the other sign-in tables (row-level security on, no grant for `tutti_app`).
 */
export const migration0015UnknownLoginFailures: ServerMigration = {
  version: 15,
  name: 'unknown-login-failures',
  up: `
    CREATE TABLE web_unknown_login_failures (
      name_hash text PRIMARY KEY,
      failures integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      last_failure_at timestamptz NOT NULL
    );
    CREATE INDEX web_unknown_login_failures_age ON web_unknown_login_failures (last_failure_at);
    ALTER TABLE web_unknown_login_failures ENABLE ROW LEVEL SECURITY;
  `,
};

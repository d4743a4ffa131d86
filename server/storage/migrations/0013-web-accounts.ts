import type { ServerMigration } from './serverMigration.ts';

/**
 * The web application's sign-in (issue #27): accounts of people, their links to club users,
 * recovery codes, invitations, failed sign-ins per client address, and sessions. All of it is
 * owner-only — row-level security on and no policy or grant for `tutti_app` — because it holds
 * password hashes, TOTP secrets and token hashes, and spans clubs (one account, several clubs).
 * Counters live here rather than in memory so that a restart or a second node resets nothing.
 */
const TABLES = [
  'web_accounts',
  'web_account_links',
  'web_recovery_codes',
  'web_invitations',
  'web_login_failures',
  'web_sessions',
];

export const migration0013WebAccounts: ServerMigration = {
  version: 13,
  name: 'web-accounts',
  up: `
    CREATE TABLE web_accounts (
      id uuid PRIMARY KEY,
      login_name text NOT NULL,
      -- NULL after a reset, until the reset link sets a new one: no password signs in then.
      password_hash text,
      totp_secret text,
      totp_confirmed boolean NOT NULL DEFAULT false,
      -- A new secret shown for scanning, taken over only when a code of it is confirmed.
      totp_pending_secret text,
      -- The time step of the last code used: a code of the same or an earlier step is a replay.
      totp_last_step bigint,
      failures integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX web_accounts_login_name ON web_accounts (lower(login_name));

    -- One account per person, one link per club; a club user has at most one account.
    CREATE TABLE web_account_links (
      account_id uuid NOT NULL REFERENCES web_accounts (id) ON DELETE CASCADE,
      club_id uuid NOT NULL,
      user_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (account_id, club_id),
      UNIQUE (club_id, user_id),
      FOREIGN KEY (club_id, user_id) REFERENCES users (club_id, id)
    );

    CREATE TABLE web_recovery_codes (
      account_id uuid NOT NULL REFERENCES web_accounts (id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (account_id, code_hash)
    );

    -- Only the SHA-256 of an invitation's token is kept: the link itself is never stored.
    CREATE TABLE web_invitations (
      token_hash text PRIMARY KEY,
      club_id uuid NOT NULL,
      user_id uuid NOT NULL,
      reset boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      FOREIGN KEY (club_id, user_id) REFERENCES users (club_id, id)
    );
    CREATE INDEX web_invitations_user ON web_invitations (club_id, user_id);

    -- Failed sign-ins per client address in a fixed window.
    CREATE TABLE web_login_failures (
      address text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      failures integer NOT NULL
    );

    -- Only the SHA-256 of the cookie value is kept; \`id\` is the public id shown in lists.
    CREATE TABLE web_sessions (
      id uuid PRIMARY KEY,
      token_hash text NOT NULL UNIQUE,
      account_id uuid NOT NULL REFERENCES web_accounts (id) ON DELETE CASCADE,
      stage text NOT NULL,
      club_id uuid,
      user_id uuid,
      csrf_token text NOT NULL,
      -- Of the sign-in, carried over to every step-up: the absolute lifetime counts from here.
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      address text,
      user_agent text,
      ended_at timestamptz
    );
    CREATE INDEX web_sessions_account ON web_sessions (account_id) WHERE ended_at IS NULL;

    ${TABLES.map((table) => `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;`).join('\n    ')}
  `,
};

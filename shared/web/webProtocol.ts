/**
 * The web application's HTTP contract (issue #27), shared by the club server's web listener and
 * the renderer's web transport: the paths, the session cookie and CSRF header names, and the
 * schemas of every sign-in request and answer. The club's data goes through the same `ClubApi`
 * as on the desktop (`/api/rpc`, `/api/events`), behind a session.
 *
 * Sign-in happens in stages, each told by `SessionView.stage`:
 *   none → (password) → secondFactor | enrolSecondFactor | chooseClub | ready
 * An invitation link (`/?invite=TOKEN`, valid 72 h, once) leads to `acceptInvite`, which makes
 * the account (or, for a person who already has one, links the club after the password — and,
 * where that account has a second factor, only once its code is confirmed at `secondFactor`)
 * and starts a session like a login does. Every step up gets a new session id (no fixation).
 */
import { z } from 'zod';

export const WEB_PATHS = {
  /** GET: the current `SessionView` (stage `none` without a session). */
  session: '/api/web/session',
  /** POST `LoginRequest` → `SessionView`. */
  login: '/api/web/login',
  /** POST `SecondFactorRequest` → `SessionView` (a TOTP code or a recovery code). */
  secondFactor: '/api/web/second-factor',
  /** GET `?token=` → `InviteView`; POST `AcceptInviteRequest` → `SessionView`. */
  invite: '/api/web/invite',
  /**
   * POST `TotpSetupRequest` → `TotpSetupView`: a new secret to confirm (stage
   * `enrolSecondFactor`, or `chooseClub`/`ready` to set one up or replace one). Replacing a
   * confirmed second factor needs the account's current `password` (a wrong one counts towards
   * the lockout like a wrong login; `web.loginFailed` at the field `password`).
   */
  totpSetup: '/api/web/totp/setup',
  /** POST `TotpConfirmRequest` → `TotpConfirmedView` (ten recovery codes, shown once). */
  totpConfirm: '/api/web/totp/confirm',
  /** POST {} → `SessionView`: goes on without a second factor where the role allows it. */
  totpSkip: '/api/web/totp/skip',
  /** POST `ChooseClubRequest` → `SessionView`. */
  chooseClub: '/api/web/club',
  /** POST {} → `SessionView` (stage none); the cookie is cleared. */
  logout: '/api/web/logout',
  /** POST {} → `SessionView` (stage none): ends every session of the account, this one too. */
  logoutEverywhere: '/api/web/logout-everywhere',
  /** GET → `SessionListView`: the account's active sessions. */
  sessions: '/api/web/sessions',
  /** POST `EndSessionRequest` → `SessionListView`: ends one of the account's other sessions. */
  endSession: '/api/web/sessions/end',
  /** GET `?offset=&limit=` (≤ 500) → `ApiResult<{members, hasMore}>`: members sorted by name. */
  membersByName: '/api/web/members',
  /** POST `{method, args, shown?}` → `ApiResult` — the ClubApi's calls (stage `ready`). */
  rpc: '/api/rpc',
  /** GET: the ClubApi's events as JSON lines (`{event, payload}`), a heartbeat line every 20 s. */
  events: '/api/events',
} as const;

/** `__Host-`: Secure, Path=/, no Domain — no subdomain or plain-HTTP page can set or read it. */
export const SESSION_COOKIE = '__Host-tutti-session';
/** Sent with every state-changing request of a session: the session's CSRF token. */
export const CSRF_HEADER = 'x-tutti-csrf';

/** Idle timeout and absolute lifetime of a web session. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000;
/** How long an invitation (or a reset) link stays valid. */
export const INVITE_VALID_MS = 72 * 3_600_000;
export const MIN_WEB_PASSWORD_LENGTH = 12;
export const RECOVERY_CODE_COUNT = 10;

export const SESSION_STAGES = [
  'none',
  'secondFactor',
  'enrolSecondFactor',
  'chooseClub',
  'ready',
] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

/** A club the account belongs to, as the person in it (one user per club). */
export const clubChoiceSchema = z.object({
  clubId: z.string().uuid(),
  clubName: z.string(),
  userId: z.string().uuid(),
  /** The role's name ("vorstand", a club's own role). */
  role: z.string(),
});
export type ClubChoice = z.infer<typeof clubChoiceSchema>;

export const sessionViewSchema = z.object({
  stage: z.enum(SESSION_STAGES),
  loginName: z.string().nullable(),
  /** The session's CSRF token: send it as `CSRF_HEADER` with every POST. Null without session. */
  csrfToken: z.string().nullable(),
  /** The account's clubs (after the second factor; empty before). */
  clubs: z.array(clubChoiceSchema),
  /** The club chosen (stage `ready`). */
  club: clubChoiceSchema.nullable(),
  secondFactor: z.object({
    /** A TOTP secret is confirmed for the account. */
    enrolled: z.boolean(),
    /** The account must have one (an administrator, or a role that sees sensitive fields). */
    required: z.boolean(),
    /** Unused recovery codes left. */
    recoveryCodesLeft: z.number().int().nonnegative(),
  }),
  /** ISO times at which the session ends when idle, and at the latest. Null without session. */
  idleExpiresAt: z.string().nullable(),
  absoluteExpiresAt: z.string().nullable(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

const loginName = z
  .string()
  .trim()
  .min(3, { error: 'web.loginNameShort' })
  .max(100, { error: 'web.loginNameLong' })
  .regex(/^[\p{L}\p{N}._@+-]+$/u, { error: 'web.loginNameChars' });
const password = z.string().max(1024, { error: 'web.passwordLong' });

export const loginRequestSchema = z
  .object({ loginName: z.string().trim().max(100), password })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** Six digits of the authenticator app, or one of the recovery codes (`xxxxx-xxxxx`). */
export const secondFactorRequestSchema = z.object({ code: z.string().trim().max(40) }).strict();
export type SecondFactorRequest = z.infer<typeof secondFactorRequestSchema>;

export const inviteViewSchema = z.object({
  clubName: z.string(),
  /** The user's name in the club, as the administrator entered it. */
  userName: z.string(),
  expiresAt: z.string(),
  /** A reset link: the account's password and second factor are set anew. */
  reset: z.boolean(),
  /** The login name already taken by this person's account (a reset, or a second club). */
  loginName: z.string().nullable(),
});
export type InviteView = z.infer<typeof inviteViewSchema>;

export const acceptInviteRequestSchema = z
  .object({
    token: z.string().min(10).max(200),
    loginName,
    /**
     * A new password (≥ 12 characters, not a common one) for a new account or a reset; for a
     * person who already has an account (a second club), the current one.
     */
    password,
  })
  .strict();
export type AcceptInviteRequest = z.infer<typeof acceptInviteRequestSchema>;

export const totpSetupViewSchema = z.object({
  /** Base32, for typing into an app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The QR code of `otpauthUri` as an SVG document (no script, no external reference). */
  qrSvg: z.string(),
});
export type TotpSetupView = z.infer<typeof totpSetupViewSchema>;

/** `password`: the current one, required when the account has a confirmed second factor. */
export const totpSetupRequestSchema = z.object({ password: password.optional() }).strict();
export type TotpSetupRequest = z.infer<typeof totpSetupRequestSchema>;

export const totpConfirmRequestSchema = z.object({ code: z.string().trim().max(12) }).strict();
export const totpConfirmedViewSchema = z.object({
  recoveryCodes: z.array(z.string()).length(RECOVERY_CODE_COUNT),
  session: sessionViewSchema,
});
export type TotpConfirmedView = z.infer<typeof totpConfirmedViewSchema>;

export const chooseClubRequestSchema = z.object({ clubId: z.string().uuid() }).strict();

export const sessionListViewSchema = z.object({
  sessions: z.array(
    z.object({
      /** A public id of the session (never its cookie value). */
      id: z.string(),
      current: z.boolean(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      address: z.string().nullable(),
      /** The browser as it called itself, shortened. */
      userAgent: z.string().nullable(),
      clubName: z.string().nullable(),
    }),
  ),
});
export type SessionListView = z.infer<typeof sessionListViewSchema>;

export const endSessionRequestSchema = z.object({ id: z.string().max(100) }).strict();

/**
 * The web page's call: a ClubApi method with its arguments, and for `save` the record as the
 * form showed it (its values and the server's stamps of them): a field someone else changed
 * since is a conflict the page shows instead of a silent overwrite, and a field the person did
 * not touch is not written at all.
 */
export const shownRecordSchema = z.object({
  fields: z.record(z.string(), z.unknown()),
  stamps: z.record(z.string(), z.string().max(100)),
});
export type ShownRecord = z.infer<typeof shownRecordSchema>;

/** Every record the web API hands out carries its fields' stamps under this key. */
export const STAMPS_KEY = '@stamps';

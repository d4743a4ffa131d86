/**
 * The sign-in routes of the web application (shared/web/webProtocol.ts, all `WEB_PATHS` but
 * `rpc` and `events`): login, second factor, invitations, TOTP enrolment, club choice, logout,
 * the list of sessions. Every POST is checked for its Origin (no cross-site login either) and,
 * once there is a session, for its CSRF header; every step up of a session gets a new cookie.
 * Sign-in events go to the audit log of the clubs concerned and to the log — ids and addresses,
 * never a password, code, token or cookie.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import {
  acceptInviteRequestSchema,
  chooseClubRequestSchema,
  endSessionRequestSchema,
  loginRequestSchema,
  type SessionStage,
  type SessionView,
  secondFactorRequestSchema,
  totpConfirmRequestSchema,
  totpSetupRequestSchema,
  WEB_PATHS,
} from '../../shared/web/webProtocol.ts';
import { acceptInvite, linkPendingInvitation } from '../accounts/acceptInvite.ts';
import { stageAfterPassword, stageAfterSecondFactor } from '../accounts/signInStages.ts';
import type { Membership } from '../accounts/webAccounts.ts';
import type { Services } from '../app/services.ts';
import { AppError } from '../errors.ts';
import { parseWith, readJson, sendOk } from '../http/json.ts';
import type { Router } from '../http/router.ts';
import type { Logger } from '../log/logger.ts';
import { clearSessionCookie, setSessionCookie } from '../sessions/sessionCookie.ts';
import { clientOf, type WebSessionContext } from '../sessions/webSessions.ts';
import { checkOrigin } from './origin.ts';
import { countRefusal } from './signInMetrics.ts';

/** Sign-in requests are a few fields: a small limit, so no one makes us buffer much. */
const BODY_LIMIT = 16 * 1024;
const emptySchema = z.object({}).strict();

export interface AuthRouteDeps {
  log: Logger;
}

const NO_SESSION: SessionView = {
  stage: 'none',
  loginName: null,
  csrfToken: null,
  clubs: [],
  club: null,
  secondFactor: { enrolled: false, required: false, recoveryCodesLeft: 0 },
  idleExpiresAt: null,
  absoluteExpiresAt: null,
};

/** Past the second factor: the account is who it says, and may see its clubs and sessions. */
const SIGNED_IN: readonly SessionStage[] = ['chooseClub', 'ready'];

function requireStage(context: WebSessionContext, stages: readonly SessionStage[]): void {
  if (!stages.includes(context.stage))
    throw new AppError('conflict', 'web.wrongStage', {}, { status: 409 });
}

function choice(m: Membership) {
  return { clubId: m.clubId, clubName: m.clubName, userId: m.userId, role: m.role };
}

async function viewOf(s: Services, context: WebSessionContext | null): Promise<SessionView> {
  if (!context) return NO_SESSION;
  const memberships = await s.accounts.memberships(context.accountId);
  const secondFactor = await s.accounts.secondFactorState(context.accountId, memberships);
  const clubs = SIGNED_IN.includes(context.stage) ? memberships.map(choice) : [];
  const expiries = s.sessions.expiries(context);
  return {
    stage: context.stage,
    loginName: context.loginName,
    csrfToken: context.csrfToken,
    clubs,
    club: (context.club && clubs.find((c) => c.clubId === context.club!.clubId)) || null,
    secondFactor,
    idleExpiresAt: expiries.idle.toISOString(),
    absoluteExpiresAt: expiries.absolute.toISOString(),
  };
}

export function addAuthRoutes(router: Router<Services>, deps: AuthRouteDeps): Router<Services> {
  const { log } = deps;
  const body = async <S extends z.ZodType>(schema: S, req: IncomingMessage) =>
    parseWith(schema, await readJson(req, BODY_LIMIT));
  const fresh = async (
    s: Services,
    res: ServerResponse,
    session: { token: string; context: WebSessionContext },
  ) => {
    setSessionCookie(res, session.token);
    return viewOf(s, session.context);
  };
  /**
   * Logs a refused step (its message key, never what was typed) and counts it in the metrics
   * (issue #28), then refuses.
   */
  const refused = (s: Services, event: string, req: IncomingMessage) => (error: unknown) => {
    if (error instanceof AppError) {
      log.warn({ event, key: error.key, address: clientOf(req).address }, 'web sign-in refused');
      countRefusal(s.metrics, event, error);
    }
    throw error;
  };
  /** The club step is reached: audited in that club as the sign-in proper. */
  const signedInto = async (s: Services, context: WebSessionContext) => {
    if (context.stage !== 'ready' || !context.club) return;
    await s.accounts.audit(context.accountId, 'signin.ready', context.address, context.club.clubId);
    log.info(
      { event: 'sign-in', accountId: context.accountId, sessionId: context.sessionId },
      'web session ready',
    );
  };

  return router
    .on('GET', WEB_PATHS.session, async (s, _p, req, res) => {
      const context = await s.sessions.current(req);
      // A cookie of an ended session is of no use any more: the browser may forget it.
      if (!context && req.headers.cookie) clearSessionCookie(res);
      sendOk(res, await viewOf(s, context));
    })
    .on('POST', WEB_PATHS.login, async (s, _p, req, res) => {
      checkOrigin(req, s.sessions.publicWebUrl());
      const { loginName, password } = await body(loginRequestSchema, req);
      const client = clientOf(req);
      await s.sessions.endOfRequest(req);
      const account = await s.accounts
        .login(loginName, password, client.address)
        .catch(refused(s, 'login', req));
      const next = await stageAfterPassword(s.accounts, account.id);
      const session = await s.sessions.create(account, next.stage, next.club, client);
      log.info(
        { event: 'password', accountId: account.id, sessionId: session.context.sessionId },
        'web password accepted',
      );
      sendOk(res, await fresh(s, res, session));
    })
    .on('POST', WEB_PATHS.secondFactor, async (s, _p, req, res) => {
      const context = await s.sessions.authenticate(req, { stateChanging: true });
      requireStage(context, ['secondFactor']);
      const { code } = await body(secondFactorRequestSchema, req);
      const kind = await s.accounts
        .verifySecondFactor(context.accountId, code, context.address)
        .catch(refused(s, 'second-factor', req));
      if (context.pendingInvitation) {
        // An invitation taken up with this account's password: its club only now.
        const deps = { db: s.db, accounts: s.accounts, invitations: s.invitations };
        await linkPendingInvitation(
          deps,
          context.pendingInvitation,
          context.accountId,
          context.address,
        ).catch(async (error: unknown) => {
          // The link was used or replaced meanwhile: this sign-in ends, a plain one works.
          await s.sessions.end(context.sessionId);
          clearSessionCookie(res);
          return refused(s, 'accept-invite', req)(error);
        });
        log.info({ event: 'invite-accepted', accountId: context.accountId }, 'web club linked');
      }
      const next = stageAfterSecondFactor(await s.accounts.memberships(context.accountId));
      const session = await s.sessions.stepUp(context, next.stage, next.club);
      log.info({ event: 'second-factor', kind, accountId: context.accountId }, 'web 2FA accepted');
      await signedInto(s, session.context);
      sendOk(res, await fresh(s, res, session));
    })
    .on('GET', WEB_PATHS.invite, async (s, _p, req, res) => {
      const token = new URL(req.url ?? '/', 'https://tutti.invalid').searchParams.get('token');
      const address = clientOf(req).address;
      // Guessed tokens count against the address like wrong passwords.
      await s.accounts.limits.reserveAddress(address);
      const invitation = await s.invitations.find(token ?? '').catch(refused(s, 'invite', req));
      await s.accounts.limits.releaseAddress(address);
      sendOk(res, s.invitations.view(invitation));
    })
    .on('POST', WEB_PATHS.invite, async (s, _p, req, res) => {
      checkOrigin(req, s.sessions.publicWebUrl());
      const request = await body(acceptInviteRequestSchema, req);
      const client = clientOf(req);
      await s.sessions.endOfRequest(req);
      const accepted = await acceptInvite(
        { db: s.db, accounts: s.accounts, invitations: s.invitations },
        request,
        client.address,
      ).catch(refused(s, 'accept-invite', req));
      const account = { id: accepted.accountId, loginName: accepted.loginName };
      const next = await stageAfterPassword(s.accounts, account.id);
      // An existing account's club waits for its second factor (linked at `secondFactor`).
      const pending = next.stage === 'secondFactor' ? accepted.pendingInvitation : null;
      const session = await s.sessions.create(account, next.stage, next.club, client, pending);
      log.info(
        { event: pending ? 'invite-pending' : 'invite-accepted', accountId: account.id },
        pending ? 'web invitation waits for the second factor' : 'web invitation accepted',
      );
      sendOk(res, await fresh(s, res, session));
    })
    .on('POST', WEB_PATHS.totpSetup, async (s, _p, req, res) => {
      const context = await s.sessions.authenticate(req, { stateChanging: true });
      requireStage(context, ['enrolSecondFactor', ...SIGNED_IN]);
      const { password } = await body(totpSetupRequestSchema, req);
      // Replacing a confirmed second factor takes the password (see WebAccounts.beginTotp).
      const setup = await s.accounts
        .beginTotp(context.accountId, { address: context.address, password })
        .catch(refused(s, 'totp-setup', req));
      sendOk(res, setup);
    })
    .on('POST', WEB_PATHS.totpConfirm, async (s, _p, req, res) => {
      const context = await s.sessions.authenticate(req, { stateChanging: true });
      requireStage(context, ['enrolSecondFactor', ...SIGNED_IN]);
      const { code } = await body(totpConfirmRequestSchema, req);
      const enrolled = (await s.accounts.secondFactorState(context.accountId, [])).enrolled;
      const recoveryCodes = await s.accounts.confirmTotp(context.accountId, code, context.address);
      log.info(
        {
          event: enrolled ? 'second-factor-replaced' : 'second-factor-set',
          accountId: context.accountId,
        },
        'web TOTP confirmed',
      );
      if (context.stage !== 'enrolSecondFactor') {
        sendOk(res, { recoveryCodes, session: await viewOf(s, context) });
        return;
      }
      const next = stageAfterSecondFactor(await s.accounts.memberships(context.accountId));
      const session = await s.sessions.stepUp(context, next.stage, next.club);
      await signedInto(s, session.context);
      sendOk(res, { recoveryCodes, session: await fresh(s, res, session) });
    })
    .on('POST', WEB_PATHS.totpSkip, async (s, _p, req, res) => {
      const context = await s.sessions.authenticate(req, { stateChanging: true });
      requireStage(context, ['enrolSecondFactor']);
      await body(emptySchema, req);
      const memberships = await s.accounts.memberships(context.accountId);
      const state = await s.accounts.secondFactorState(context.accountId, memberships);
      if (state.required) throw new AppError('forbidden', 'web.secondFactorRequired');
      const next = stageAfterSecondFactor(memberships);
      const session = await s.sessions.stepUp(context, next.stage, next.club);
      await signedInto(s, session.context);
      sendOk(res, await fresh(s, res, session));
    })
    .on('POST', WEB_PATHS.chooseClub, async (s, _p, req, res) => {
      const context = await s.sessions.authenticate(req, { stateChanging: true });
      requireStage(context, SIGNED_IN);
      const { clubId } = await body(chooseClubRequestSchema, req);
      const memberships = await s.accounts.memberships(context.accountId);
      const chosen = memberships.find((m) => m.clubId === clubId.toLowerCase());
      if (!chosen) throw new AppError('forbidden', 'web.clubNotYours');
      const session = await s.sessions.stepUp(context, 'ready', {
        clubId: chosen.clubId,
        userId: chosen.userId,
      });
      await signedInto(s, session.context);
      sendOk(res, await fresh(s, res, session));
    })
    .on('POST', WEB_PATHS.logout, async (s, _p, req, res) => {
      // Without a valid session there is nothing to end; the cookie is cleared all the same.
      // A foreign Origin or a wrong CSRF header is still refused (no one logs others out).
      const context = await s.sessions
        .authenticate(req, { stateChanging: true })
        .catch((error: unknown) => {
          if (error instanceof AppError && error.status === 401) return null;
          throw error;
        });
      await body(emptySchema, req);
      if (context) {
        await s.sessions.end(context.sessionId);
        await s.accounts.audit(
          context.accountId,
          'signin.logout',
          context.address,
          context.club?.clubId,
        );
        log.info({ event: 'logout', accountId: context.accountId }, 'web session ended');
      }
      clearSessionCookie(res);
      sendOk(res, NO_SESSION);
    })
    .on('POST', WEB_PATHS.logoutEverywhere, async (s, _p, req, res) => {
      const context = await s.sessions.authenticate(req, { stateChanging: true });
      requireStage(context, SIGNED_IN);
      await body(emptySchema, req);
      const count = await s.sessions.endAll(context.accountId);
      await s.accounts.audit(context.accountId, 'signin.logout-everywhere', context.address);
      log.info(
        { event: 'logout-everywhere', accountId: context.accountId, count },
        'web sessions ended',
      );
      clearSessionCookie(res);
      sendOk(res, NO_SESSION);
    })
    .on('GET', WEB_PATHS.sessions, async (s, _p, req, res) => {
      const context = await s.sessions.authenticate(req, { stateChanging: false });
      requireStage(context, SIGNED_IN);
      sendOk(res, { sessions: await s.sessions.list(context.accountId, context.sessionId) });
    })
    .on('POST', WEB_PATHS.endSession, async (s, _p, req, res) => {
      const context = await s.sessions.authenticate(req, { stateChanging: true });
      requireStage(context, SIGNED_IN);
      const { id } = await body(endSessionRequestSchema, req);
      if (!(await s.sessions.endOfAccount(context.accountId, id)))
        throw new AppError('not_found', 'web.sessionUnknown');
      await s.accounts.audit(context.accountId, 'signin.session-ended', context.address);
      if (id.toLowerCase() === context.sessionId) clearSessionCookie(res);
      sendOk(res, { sessions: await s.sessions.list(context.accountId, context.sessionId) });
    });
}

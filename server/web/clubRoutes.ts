/**
 * The web application's data routes: `POST /api/rpc` (the ClubApi's calls) and `GET
 * /api/events` (its events), both only for a session that has chosen its club. The session is
 * checked first — cookie, timeouts, and for the call (which may change data) the Origin and the
 * CSRF token; then the call runs as the session's user (`webCaller`). Refusals of the call are
 * answered as the desktop's transports answer them (`{ok:false,error}`); a missing or ended
 * session is a 401, which the page takes as "sign in again".
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { failWith, isAppError } from '../../shared/api/appError.ts';
import { CLUB_API_METHODS } from '../../shared/api/clubApi.ts';
import { ok } from '../../shared/api/result.ts';
import { shownRecordSchema, WEB_PATHS } from '../../shared/web/webProtocol.ts';
import type { Services } from '../app/services.ts';
import { AppError } from '../errors.ts';
import { parseWith, readJson, sendJson } from '../http/json.ts';
import type { Router } from '../http/router.ts';
import type { Logger } from '../log/logger.ts';
import { MemberPages } from './memberPages.ts';
import { type WebRequestContext, webCaller } from './webCaller.ts';
import { answerWebCall, webStatusOf } from './webClubCalls.ts';
import type { WebEventHub } from './webEvents.ts';

/** A save of a record with its notes and lists stays far below this. */
const MAX_CALL_BYTES = 1024 * 1024;

/** The signed-in person behind a request, as the sessions tell it. */
export interface SignedInContext extends WebRequestContext {
  loginName: string;
  stage: string;
}

export interface ClubRouteDeps {
  services: Services;
  events: WebEventHub;
  log: Logger;
  /** The address people reach the web application by. */
  publicUrl: string;
  /** Checks the request's session (and for a state-changing one its Origin and CSRF token). */
  authenticate(req: IncomingMessage, options: { stateChanging: boolean }): Promise<SignedInContext>;
  isActive(sessionId: string): Promise<boolean>;
}

const callSchema = z
  .object({
    method: z.enum(CLUB_API_METHODS as [string, ...string[]], { error: 'web.unknownMethod' }),
    args: z.array(z.unknown()).max(10),
    shown: shownRecordSchema.optional(),
  })
  .strict();

const pageQuerySchema = z
  .object({
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/** The session's context, when it has chosen its club; else a 401 (sign in first). */
async function signedInToClub(deps: ClubRouteDeps, req: IncomingMessage, stateChanging: boolean) {
  const context = await deps.authenticate(req, { stateChanging });
  if (context.stage !== 'ready' || !context.club)
    throw new AppError('forbidden', 'web.signInFirst', {}, { status: 401 });
  return { ...context, club: context.club };
}

/** Whether the request's client takes a gzipped answer. */
function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

export function addClubRoutes(router: Router<Services>, deps: ClubRouteDeps): Router<Services> {
  const memberPages = new MemberPages(deps.services);
  const clubNameOf = async (clubId: string) => (await deps.services.clubs.requireClub(clubId)).name;
  return (
    router
      .on('POST', WEB_PATHS.rpc, async (services, _p, req, res) => {
        const context = await signedInToClub(deps, req, true);
        const call = parseWith(callSchema, await readJson(req, MAX_CALL_BYTES));
        try {
          const value = await answerWebCall(
            services,
            {
              caller: webCaller(services, context),
              loginName: context.loginName,
              clubName: () => clubNameOf(context.club.clubId),
              publicUrl: deps.publicUrl,
            },
            { method: call.method as never, args: call.args, shown: call.shown },
          );
          sendJson(res, 200, ok(value));
        } catch (error) {
          // The session ended meanwhile: a 401, sign in again.
          if (!isAppError(error) || error.status === 401) throw error;
          sendJson(res, 200, failWith(error));
        }
      })
      // One page of members by name (a phone list, a quick look on a tablet): `?offset=&limit=`.
      .on('GET', WEB_PATHS.membersByName, async (_services, _p, req, res) => {
        const query = parseWith(
          pageQuerySchema,
          Object.fromEntries(new URL(req.url ?? '/', 'https://x').searchParams),
        );
        const page = await memberPages.page(req, query);
        const gzip = acceptsGzip(req);
        const body = gzip ? page.gzip : page.json;
        res.writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': body.length,
          'Cache-Control': 'no-store',
          Vary: 'Accept-Encoding',
          ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
        });
        res.end(body);
      })
      .on('GET', WEB_PATHS.events, async (services, _p, req, res) => {
        const context = await signedInToClub(deps, req, false);
        const clubName = await clubNameOf(context.club.clubId);
        // Checked right before `open` counts the stream, with nothing awaited between.
        if (!deps.events.hasRoomFor(context.sessionId))
          throw new AppError('unavailable', 'web.tooManyStreams', {}, { status: 429 });
        await deps.events.open(
          {
            sessionId: context.sessionId,
            caller: webCaller(services, context),
            status: webStatusOf({
              loginName: context.loginName,
              clubName,
              publicUrl: deps.publicUrl,
            }),
            isActive: () => deps.isActive(context.sessionId),
          },
          res,
        );
      })
  );
}

/**
 * The web application's pages of members sorted by name (`GET /api/web/members`), answered from
 * a small cache: many sessions of a club ask for the same first page (a board of twenty opening
 * the phone list after the rehearsal), and while the club's data has not changed, the answer is
 * the same for everyone with the same rights. An entry is keyed by the club, its version, the
 * rights (role, grants, registers, own record) and the page; any change of the club's data moves
 * its version, so a stale page is never served. The session, its user, the role's grants and
 * the version are read in one statement (the page itself only on a miss); the answer is kept
 * as JSON text and gzipped once.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Services } from '../app/services.ts';
import { grantsOfRole } from '../clubs/clubRoles.ts';
import type { Principal } from '../data/principal.ts';
import { AppError } from '../errors.ts';
import { type WebUserRow, webCaller, webPrincipal } from './webCaller.ts';

const MAX_ENTRIES = 64;

/** The session's user in its club, the role's own grants, the club's version. */
const USER_AND_VERSION = {
  name: 'web-session-user-version',
  columns: `, u.role, u.register_ids, u.member_id, u.scope_epoch, r.grants AS role_grants,
    v.version`,
  joins: `LEFT JOIN users u ON u.club_id = s.club_id AND u.id = s.user_id
    LEFT JOIN roles r ON r.club_id = s.club_id AND r.name = u.role
    LEFT JOIN club_versions v ON v.club_id = s.club_id`,
};

export interface MemberPage {
  json: Buffer;
  gzip: Buffer;
}

function rightsKey(principal: Principal): string {
  const { grants, registerIds, memberId } = principal.subject;
  return createHash('sha256')
    .update(JSON.stringify([principal.role, grants, [...registerIds].sort(), memberId]))
    .digest('base64url');
}

export class MemberPages {
  /** In the order of their last use: the first is dropped when the cache is full. */
  private readonly entries = new Map<string, MemberPage>();

  constructor(private readonly services: Services) {}

  /**
   * The page for the request's session: the session, its user, the role's grants and the club's
   * version in one statement (the session's own club only); the members only on a miss.
   */
  async page(req: IncomingMessage, page: { offset: number; limit: number }): Promise<MemberPage> {
    const { context, joined } = await this.services.sessions.authenticateWith<
      Partial<WebUserRow> & { role_grants: unknown; version: string | null }
    >(req, { stateChanging: false }, USER_AND_VERSION);
    if (context.stage !== 'ready' || !context.club)
      throw new AppError('forbidden', 'web.signInFirst', {}, { status: 401 });
    const club = context.club;
    const user =
      joined.role === undefined || joined.role === null ? undefined : (joined as WebUserRow);
    const principal = webPrincipal(
      context,
      club,
      user,
      user ? grantsOfRole(user.role, joined.role_grants) : null,
    );
    const clubId = club.clubId;
    const version = joined.version ?? '0';
    const key = `${clubId}:${version}:${rightsKey(principal)}:${page.offset}:${page.limit}`;
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const value = await this.services.records.membersByName(
      webCaller(this.services, { ...context, club }),
      page,
    );
    const json = Buffer.from(JSON.stringify({ ok: true, value }));
    const entry = { json, gzip: gzipSync(json, { level: 6 }) };
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}

/**
 * From a web session to a principal: the session names the club and the user in it; the user's
 * role, registers and grants are read inside the transaction of the work itself, exactly as a
 * device's are (api/authenticate.ts), so a role changed a moment ago applies to the next click.
 * Its writes are audited as `web:<user>` with the session's public id in place of a device.
 */

import type { Grant } from '../../shared/rights/grants.ts';
import type { Services } from '../app/services.ts';
import type { Actor } from '../audit/auditLog.ts';
import type { Caller, Principal } from '../data/principal.ts';
import { AppError } from '../errors.ts';

/** What the web listener knows of a signed-in person's request. */
export interface WebRequestContext {
  /** The session's public id (never its cookie value). */
  sessionId: string;
  club: { clubId: string; userId: string } | null;
  address: string;
}

/** The audit's actor of a web request: the user, through this session, from this address. */
export function webActor(context: WebRequestContext, userId: string): Actor {
  return {
    kind: 'web',
    id: userId,
    deviceId: `session:${context.sessionId}`,
    address: context.address,
  };
}

/** The user's row as the web's principal is made of it. */
export interface WebUserRow {
  role: string;
  register_ids: string[];
  member_id: string | null;
  scope_epoch: number;
}

/** The principal of a signed-in user: refused when the user or the role is gone. */
export function webPrincipal(
  context: WebRequestContext,
  club: { clubId: string; userId: string },
  user: WebUserRow | undefined,
  grants: readonly Grant[] | null,
): Principal {
  if (!user) throw new AppError('forbidden', 'web.userGone', {}, { status: 401 });
  if (!grants) throw new AppError('forbidden', 'server.devices.roleGone', { role: user.role });
  return {
    clubId: club.clubId,
    actor: webActor(context, club.userId),
    subject: { grants, registerIds: user.register_ids, memberId: user.member_id },
    role: user.role,
    scopeEpoch: user.scope_epoch,
  };
}

export function webCaller(services: Services, context: WebRequestContext): Caller {
  const club = context.club;
  if (!club) throw new AppError('forbidden', 'web.clubNotChosen', {}, { status: 401 });
  return {
    clubId: club.clubId,
    resolve: async (sql) => {
      const { rows } = await sql.query<WebUserRow>(
        'SELECT role, register_ids, member_id, scope_epoch FROM users WHERE id = $1',
        [club.userId],
      );
      const user = rows[0];
      const grants = user ? await services.roles.grantsOf(sql, user.role) : null;
      return webPrincipal(context, club, user, grants);
    },
  };
}

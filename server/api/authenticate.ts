/**
 * From a verified TLS peer certificate to a principal: the device must still be the one the
 * registry knows (not revoked, not replaced by a renewal), a member's device speaks for its
 * user with the grants of the user's role, and a support device speaks for the club named in
 * the `Tutti-Club` header only while that club's consent is in force.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { BUILT_IN_ROLES } from '../../shared/rights/roles.ts';
import type { Services } from '../app/services.ts';
import type { Caller } from '../data/principal.ts';
import { type CertificateState, certificateVerdict } from '../devices/certificateVerdict.ts';
import { AppError, requireUuid } from '../errors.ts';
import { type DeviceIdentity, isSupportIdentity } from '../pki/deviceIdentity.ts';

export const SUPPORT_CLUB_HEADER = 'tutti-club';

export async function authenticate(
  services: Services,
  identity: DeviceIdentity,
  serial: string,
  address: string,
  headers: IncomingHttpHeaders,
): Promise<Caller> {
  if (isSupportIdentity(identity)) {
    // Support devices are server-wide (owner-only table); checked before the club's work.
    if (!(await services.devices.isCurrent(identity, serial)))
      throw new AppError('forbidden', 'server.devices.gone');
    const header = headers[SUPPORT_CLUB_HEADER];
    if (typeof header !== 'string') throw new AppError('bad_request', 'server.support.clubHeader');
    const clubId = requireUuid(header, 'club');
    return {
      clubId,
      resolve: async (sql) => {
        if (!(await services.support.activeGrant(sql)))
          throw new AppError('forbidden', 'server.support.noConsent');
        return {
          clubId,
          actor: { kind: 'support', id: identity.staffId, deviceId: identity.deviceId, address },
          subject: { grants: BUILT_IN_ROLES.administrator.grants, registerIds: [], memberId: null },
          role: 'support',
          scopeEpoch: 0,
        };
      },
    };
  }
  return {
    clubId: identity.clubId,
    resolve: async (sql) => {
      const { rows } = await sql.query<
        {
          user_id: string;
          role: string;
          register_ids: string[];
          member_id: string | null;
          scope_epoch: number;
        } & CertificateState
      >(
        `SELECT u.id AS user_id, u.role, u.register_ids, u.member_id, u.scope_epoch, d.certificate_serial,
                d.revoked_at, d.previous_serial, d.previous_not_after, d.previous_retired
         FROM devices d JOIN users u ON u.club_id = d.club_id AND u.id = d.user_id
         WHERE d.id = $1 AND d.not_after > now()`,
        [identity.deviceId],
      );
      const row = rows[0];
      const verdict = certificateVerdict(row, serial, new Date());
      if (!row || verdict === 'refused' || row.user_id !== identity.userId)
        throw new AppError('forbidden', 'server.devices.gone');
      if (verdict === 'promote')
        await sql.query('UPDATE devices SET previous_retired = true WHERE id = $1', [
          identity.deviceId,
        ]);
      const grants = await services.roles.grantsOf(sql, row.role);
      if (!grants) throw new AppError('forbidden', 'server.devices.roleGone', { role: row.role });
      return {
        clubId: identity.clubId,
        actor: { kind: 'user', id: row.user_id, deviceId: identity.deviceId, address },
        subject: {
          grants,
          registerIds: row.register_ids,
          memberId: row.member_id,
        },
        role: row.role,
        scopeEpoch: row.scope_epoch,
      };
    },
  };
}

/**
 * From a verified TLS peer certificate to a principal: the device must still be the one the
 * registry knows (not revoked, not replaced by a renewal), a member's device speaks for its
 * user with the grants of the user's role, and a support device speaks for the club named in
 * the `Tutti-Club` header only while that club's consent is in force.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { BUILT_IN_ROLES, isBuiltInRole } from '../../shared/rights/roles.ts';
import type { Services } from '../app/services.ts';
import type { Principal } from '../data/principal.ts';
import { requireUuid, ServiceError } from '../errors.ts';
import { type DeviceIdentity, isSupportIdentity } from '../pki/deviceIdentity.ts';

export const SUPPORT_CLUB_HEADER = 'tutti-club';

export async function authenticate(
  services: Services,
  identity: DeviceIdentity,
  serial: string,
  address: string,
  headers: IncomingHttpHeaders,
): Promise<Principal> {
  if (!(await services.devices.isCurrent(identity, serial)))
    throw new ServiceError(
      'forbidden',
      'Dieses Gerät ist gesperrt oder sein Zertifikat wurde ersetzt. Bitte das Gerät neu anmelden.',
    );
  if (isSupportIdentity(identity)) {
    const header = headers[SUPPORT_CLUB_HEADER];
    if (typeof header !== 'string')
      throw new ServiceError(
        'bad_request',
        'Support-Zugriffe nennen den Verein im Header Tutti-Club.',
      );
    const clubId = requireUuid(header, 'Die Vereins-ID');
    const grant = await services.db.withClub(clubId, (sql) => services.support.activeGrant(sql));
    if (!grant)
      throw new ServiceError(
        'forbidden',
        'Der Verein hat dem Support keinen Zugriff erteilt, oder die Freigabe ist abgelaufen.',
      );
    return {
      clubId,
      actor: { kind: 'support', id: identity.staffId, deviceId: identity.deviceId, address },
      subject: { grants: BUILT_IN_ROLES.administrator.grants, registerIds: [], memberId: null },
    };
  }
  const user = await services.clubs.getUser(identity.clubId, identity.userId);
  if (!user || !isBuiltInRole(user.role))
    throw new ServiceError('forbidden', 'Den Benutzer dieses Geräts gibt es nicht mehr.');
  return {
    clubId: identity.clubId,
    actor: { kind: 'user', id: user.id, deviceId: identity.deviceId, address },
    subject: {
      grants: BUILT_IN_ROLES[user.role].grants,
      registerIds: user.registerIds,
      memberId: user.memberId,
    },
  };
}

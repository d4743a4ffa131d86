/**
 * Who a device certificate speaks for, written as one URI in the certificate's subjectAltName
 * and read back from the TLS peer certificate on every request:
 * - a club member's device: `urn:tutti:device:<club>:<user>:<device>`;
 * - a support staff member's device: `urn:tutti:support:<staff>:<device>` — server-wide, but it
 *   sees a club only while that club's consent is active.
 */
export interface MemberDeviceIdentity {
  kind?: 'member';
  clubId: string;
  userId: string;
  deviceId: string;
}

export interface SupportDeviceIdentity {
  kind: 'support';
  staffId: string;
  deviceId: string;
}

export type DeviceIdentity = MemberDeviceIdentity | SupportDeviceIdentity;

const ID = /^[A-Za-z0-9-]{1,64}$/;
const SEGMENT = '([A-Za-z0-9-]{1,64})';
const MEMBER_URI = new RegExp(`^urn:tutti:device:${SEGMENT}:${SEGMENT}:${SEGMENT}$`);
const SUPPORT_URI = new RegExp(`^urn:tutti:support:${SEGMENT}:${SEGMENT}$`);

export function isSupportIdentity(identity: DeviceIdentity): identity is SupportDeviceIdentity {
  return identity.kind === 'support';
}

export function deviceIdentityUri(identity: DeviceIdentity): string {
  const ids = isSupportIdentity(identity)
    ? [identity.staffId, identity.deviceId]
    : [identity.clubId, identity.userId, identity.deviceId];
  for (const id of ids) if (!ID.test(id)) throw new Error(`invalid id in device identity: ${id}`);
  return isSupportIdentity(identity)
    ? `urn:tutti:support:${ids.join(':')}`
    : `urn:tutti:device:${ids.join(':')}`;
}

/** Reads the identity from Node's `subjectaltname` string ("URI:urn:tutti:device:…"). */
export function deviceIdentityFromSubjectAltName(
  subjectAltName: string | undefined,
): DeviceIdentity | null {
  for (const entry of (subjectAltName ?? '').split(/,\s*/)) {
    const uri = entry.replace(/^URI:/, '');
    const member = MEMBER_URI.exec(uri);
    if (member) return { clubId: member[1]!, userId: member[2]!, deviceId: member[3]! };
    const support = SUPPORT_URI.exec(uri);
    if (support) return { kind: 'support', staffId: support[1]!, deviceId: support[2]! };
  }
  return null;
}

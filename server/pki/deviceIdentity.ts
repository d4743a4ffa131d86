/**
 * Who a device certificate speaks for: club, user and device, written as one URI in the
 * certificate's subjectAltName, read back from the TLS peer certificate on every request.
 */
export interface DeviceIdentity {
  clubId: string;
  userId: string;
  deviceId: string;
}

const ID = /^[A-Za-z0-9-]{1,64}$/;
const URI = /^urn:tutti:device:([A-Za-z0-9-]{1,64}):([A-Za-z0-9-]{1,64}):([A-Za-z0-9-]{1,64})$/;

export function deviceIdentityUri({ clubId, userId, deviceId }: DeviceIdentity): string {
  for (const id of [clubId, userId, deviceId])
    if (!ID.test(id)) throw new Error(`invalid id in device identity: ${id}`);
  return `urn:tutti:device:${clubId}:${userId}:${deviceId}`;
}

/** Reads the identity from Node's `subjectaltname` string ("URI:urn:tutti:device:…"). */
export function deviceIdentityFromSubjectAltName(
  subjectAltName: string | undefined,
): DeviceIdentity | null {
  for (const entry of (subjectAltName ?? '').split(/,\s*/)) {
    const m = URI.exec(entry.replace(/^URI:/, ''));
    if (m) return { clubId: m[1]!, userId: m[2]!, deviceId: m[3]! };
  }
  return null;
}

/**
 * Who a monitoring client certificate speaks for: one monitoring location, written as
 * `urn:tutti:monitor:<name>` in the certificate's subjectAltName (issue #28). It lets the
 * location's blackbox exporter finish the device listener's mutual-TLS handshake — the probe
 * that the desktops' door is open — and renew itself; it is no device and reaches no club.
 */

/** A location's name: lower-case letters, digits and dashes ("standort-a"). */
export const MONITOR_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MONITOR_URI = /^urn:tutti:monitor:([a-z0-9][a-z0-9-]{0,62})$/;

export function monitorIdentityUri(name: string): string {
  if (!MONITOR_NAME.test(name)) throw new Error(`invalid monitoring location name: ${name}`);
  return `urn:tutti:monitor:${name}`;
}

/** The location's name from Node's `subjectaltname` string, or null for any other certificate. */
export function monitorNameFromSubjectAltName(subjectAltName: string | undefined): string | null {
  for (const entry of (subjectAltName ?? '').split(/,\s*/)) {
    const match = MONITOR_URI.exec(entry.replace(/^URI:/, ''));
    if (match) return match[1]!;
  }
  return null;
}

/** Whether a host name or address is this machine's loopback interface (never reachable from elsewhere). */
import { isIP } from 'node:net';

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return (
    h === 'localhost' ||
    h === '::1' ||
    (isIP(h) === 4 && h.startsWith('127.')) ||
    h.startsWith('::ffff:127.')
  );
}

/**
 * This profile's connection to a club server, kept in the profile's encrypted database (never
 * in a plain file): server address, pinned CA, device certificate and private key, and where
 * the last pull ended.
 */

import type { PullProgress } from '../../shared/api/sync.ts';
import { type DeviceAccess, deviceAccessSchema } from '../../shared/sync/protocol.ts';
import type { MetaTable } from '../store/meta.ts';
import type { EnrolledDevice } from './enrolDevice.ts';

const KEYS = {
  server: 'sync.server',
  device: 'sync.device',
  cursor: 'sync.cursor',
  scopeEpoch: 'sync.scope_epoch',
  lastSync: 'sync.last_sync',
  realign: 'sync.realign',
  access: 'sync.access',
  pullProgress: 'sync.pull_progress',
} as const;

/**
 * The meta entries that make up the connection (kept across a restore, never backed up): the
 * user's rights belong to this device's enrolment, not to the data a backup carries.
 */
export const CONNECTION_KEYS: readonly string[] = [KEYS.server, KEYS.device, KEYS.access];

export interface SyncConnection extends EnrolledDevice {
  serverUrl: string;
}

export class SyncSettings {
  constructor(private readonly meta: MetaTable) {}

  connection(): SyncConnection | null {
    const device = this.meta.get(KEYS.device);
    const server = this.meta.get(KEYS.server);
    return device && server
      ? { ...(JSON.parse(device) as EnrolledDevice), serverUrl: server }
      : null;
  }

  /**
   * A new connection: the first round asks the server which mutation ids it has seen from
   * this device (none, for a new one) and numbers the pending changes after them — the
   * profile may have been used, restored or connected before.
   */
  connect(serverUrl: string, device: EnrolledDevice): void {
    this.meta.set(KEYS.server, serverUrl);
    this.meta.set(KEYS.device, JSON.stringify(device));
    // Another enrolment, perhaps another user: rights unknown until its first pull.
    this.meta.set(KEYS.access, '');
    this.setRealign(true);
  }

  /** A renewed certificate (same key or a new one). */
  updateCertificate(certificatePem: string, privateKeyPem: string, notAfter: string): void {
    const connection = this.connection();
    if (!connection) return;
    const { serverUrl: _server, ...device } = connection;
    this.meta.set(
      KEYS.device,
      JSON.stringify({ ...device, certificatePem, privateKeyPem, notAfter }),
    );
  }

  cursor(): number {
    return Number(this.meta.get(KEYS.cursor) ?? '0');
  }

  setCursor(cursor: number): void {
    this.meta.set(KEYS.cursor, String(cursor));
  }

  scopeEpoch(): number | null {
    const value = this.meta.get(KEYS.scopeEpoch);
    return value === undefined ? null : Number(value);
  }

  setScopeEpoch(epoch: number): void {
    this.meta.set(KEYS.scopeEpoch, String(epoch));
  }

  /**
   * How far a pull from the start has come, kept with its cursor: a pull stopped by the user
   * (or a crash) goes on from there next time and still says "12.400 von 57.562".
   */
  pullProgress(): PullProgress | null {
    const value = this.meta.get(KEYS.pullProgress);
    if (!value) return null;
    const { received, total } = JSON.parse(value) as Partial<PullProgress>;
    return Number.isSafeInteger(received) && Number.isSafeInteger(total)
      ? { received: received!, total: total! }
      : null;
  }

  setPullProgress(progress: PullProgress | null): void {
    this.meta.set(KEYS.pullProgress, progress ? JSON.stringify(progress) : '');
  }

  /**
   * What the user may do, as the server said at the last pull; null before the first pull of an
   * enrolled device. (An unenrolled profile has no server to ask: everything is allowed.)
   */
  access(): DeviceAccess | null {
    const value = this.meta.get(KEYS.access);
    if (!value) return null;
    try {
      const parsed = deviceAccessSchema.safeParse(JSON.parse(value));
      return parsed.success ? parsed.data : null;
    } catch {
      return null; // damaged: as unknown, until the next pull writes it anew
    }
  }

  setAccess(access: DeviceAccess): void {
    this.meta.set(KEYS.access, JSON.stringify(access));
  }

  /**
   * Set when this replica's mutation ids may no longer follow what the server has seen from
   * this device (a restored backup); the next round first asks the server and renumbers.
   */
  needsRealign(): boolean {
    return this.meta.get(KEYS.realign) === '1';
  }

  setRealign(needed: boolean): void {
    this.meta.set(KEYS.realign, needed ? '1' : '0');
  }

  lastSync(): string | null {
    return this.meta.get(KEYS.lastSync) ?? null;
  }

  setLastSync(iso: string): void {
    this.meta.set(KEYS.lastSync, iso);
  }
}

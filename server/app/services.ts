/**
 * The server's services over one database and one CA, built the same way by the running server
 * and by a command-line call that opens the data directly.
 */
import { WebInvitations } from '../accounts/invitations.ts';
import { WebAccounts } from '../accounts/webAccounts.ts';
import type { BackupServices } from '../backup/backupServices.ts';
import { AdminPasswords } from '../clubs/adminPassword.ts';
import { ClubRegistry } from '../clubs/clubRegistry.ts';
import { ClubRoles } from '../clubs/clubRoles.ts';
import { ClubRecords } from '../data/clubRecords.ts';
import { DeviceRegistry } from '../devices/deviceRegistry.ts';
import { ServerMetrics } from '../metrics/serverMetrics.ts';
import { MonitoringClients } from '../monitoring/monitoringClients.ts';
import type { DeviceCertificateSigner } from '../pki/certificateAuthority.ts';
import { WebSessions } from '../sessions/webSessions.ts';
import type { ServerDatabase } from '../storage/serverDatabase.ts';
import { SupportAccess } from '../support/supportAccess.ts';
import { ServerClock } from '../sync/serverClock.ts';
import { SyncService } from '../sync/syncService.ts';

export interface Services {
  db: ServerDatabase;
  ca: DeviceCertificateSigner;
  clubs: ClubRegistry;
  roles: ClubRoles;
  passwords: AdminPasswords;
  support: SupportAccess;
  devices: DeviceRegistry;
  records: ClubRecords;
  sync: SyncService;
  /** This process's clock: what the server stamps itself sorts after every edit it took. */
  clock: ServerClock;
  /** Backups to the targets and by e-mail; null where no data directory is at hand (tests). */
  backup: BackupServices | null;
  /** Web sign-in (issue #27): accounts, invitations, sessions — all in the database. */
  accounts: WebAccounts;
  invitations: WebInvitations;
  sessions: WebSessions;
  /** The monitoring locations' client certificates (issue #28). */
  monitors: MonitoringClients;
  /** What Prometheus scrapes (issue #28); a command line's services count into the void. */
  metrics: ServerMetrics;
}

export function createServices(
  db: ServerDatabase,
  ca: DeviceCertificateSigner,
  now: () => Date = () => new Date(),
  backup: BackupServices | null = null,
  /** The configured public web URL, for the Origin check of web requests (null: Host header). */
  publicWebUrl: () => string | null = () => null,
  metrics: ServerMetrics = new ServerMetrics({ processMetrics: false }),
): Services {
  const roles = new ClubRoles(db);
  const clubs = new ClubRegistry(db, roles);
  const passwords = new AdminPasswords(db, now);
  const support = new SupportAccess(db, passwords, now);
  const devices = new DeviceRegistry(db, ca, clubs, support, now);
  const clock = new ServerClock(() => now().getTime());
  return {
    db,
    ca,
    clubs,
    roles,
    passwords,
    support,
    devices,
    records: new ClubRecords(db, clock),
    sync: new SyncService(db, clock, (applied, refused) => {
      metrics.mutationsApplied.inc(applied);
      for (const reason of refused) metrics.mutationsRejected.inc({ reason });
    }),
    clock,
    backup,
    accounts: new WebAccounts(db, roles, now),
    invitations: new WebInvitations(db, now),
    sessions: new WebSessions(db, { now, publicWebUrl }),
    monitors: new MonitoringClients(db, ca, now),
    metrics,
  };
}

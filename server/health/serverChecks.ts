/**
 * The checks behind `/readyz` (issue #28) for a running club server: what makes this node
 * unable to serve (critical), and what an operator must fix soon though the node still serves
 * (warnings). Each answers a state and at most a count: the public endpoint names no club,
 * path or host.
 */
import type { x509 } from '../../shared/node/x509.ts';
import type { BackupConfig } from '../app/dataDirectory.ts';
import type { BackupServices } from '../backup/backupServices.ts';
import type { MonitoringClients } from '../monitoring/monitoringClients.ts';
import { SERVER_MIGRATIONS } from '../storage/migrations/index.ts';
import type { ServerDatabase } from '../storage/serverDatabase.ts';
import type { BackgroundFacts } from './backgroundFacts.ts';
import { diskSpace, FULL_BYTES, nearlyFull } from './diskSpace.ts';
import type { MailServer } from './mailProbe.ts';
import type { CriticalCheck, WarningCheck, WarningResult } from './readiness.ts';

const DAY_MS = 24 * 3_600_000;
/** Backups run daily; 26 h leaves two hours for a late or slow run before anyone is woken. */
export const BACKUP_MAX_AGE_MS = 26 * 3_600_000;
export const CERTIFICATE_WARN_MS = 14 * DAY_MS;
export const CRL_WARN_MS = 2 * DAY_MS;

export interface ServerCheckSources {
  db: ServerDatabase;
  dataDir: string;
  serverCertificate: x509.X509Certificate;
  caCertificate: x509.X509Certificate;
  /** When the installed revocation list must have been replaced. */
  crlNextUpdate(): Date | null;
  monitors: MonitoringClients;
  backup: BackupServices | null;
  backupConfig(): BackupConfig | undefined;
  mailServerAnswers(server: MailServer): Promise<boolean>;
  now(): Date;
  /** Where the background round leaves what it measured, for the metrics. */
  facts: BackgroundFacts;
}

const warning = (count: number): WarningResult =>
  count > 0 ? { state: 'warning', count } : { state: 'ok', count: 0 };

export function criticalChecks(s: ServerCheckSources): CriticalCheck[] {
  return [
    {
      name: 'database',
      async run() {
        try {
          const { rows } = await s.db.ownerStatement<{ version: number | null }>(
            'SELECT max(version) AS version FROM schema_migrations',
          );
          return (rows[0]?.version ?? 0) >= SERVER_MIGRATIONS.length ? 'ok' : 'not_migrated';
        } catch {
          return 'unreachable';
        }
      },
    },
    {
      name: 'certificate',
      async run() {
        const now = s.now().getTime();
        if (now > s.serverCertificate.notAfter.getTime()) return 'expired';
        if (now < s.serverCertificate.notBefore.getTime()) return 'not_yet_valid';
        return 'ok';
      },
    },
    {
      name: 'data_disk',
      async run() {
        return (await diskSpace(s.dataDir)).freeBytes < FULL_BYTES ? 'full' : 'ok';
      },
    },
    {
      // Past its nextUpdate, TLS refuses every device certificate against the revocation list.
      name: 'crl',
      async run() {
        const next = s.crlNextUpdate();
        return next && next.getTime() <= s.now().getTime() ? 'expired' : 'ok';
      },
    },
  ];
}

/** Backup problems the backup code keeps (a failing target, a failed verification), by target. */
function failingTargets(backup: BackupServices | null): number {
  const targets = new Set<string>();
  for (const { key } of backup?.health.list() ?? []) {
    const match = /^(?:target|verify):(.*):[^:]*$/.exec(key);
    if (match) targets.add(match[1]!);
  }
  return targets.size;
}

/**
 * The newest backup of every club on every target (recorded for the metrics), and how many
 * clubs older than the limit have one older than the limit somewhere (or none at all).
 */
async function clubsWithOldBackups(s: ServerCheckSources): Promise<number> {
  const now = s.now().getTime();
  const { rows } = await s.db.ownerStatement<{ id: string; created_at: Date }>(
    'SELECT id, created_at FROM clubs',
  );
  const ages: BackgroundFacts['backupAges'] = [];
  // Read once: the configuration is a file, read anew on every call.
  const backups = s.backupConfig() && s.backup ? s.backup.backups : null;
  let stale = 0;
  for (const club of rows) {
    const targets = backups ? backups.list(club.id) : [];
    for (const { target, generations } of targets)
      ages.push({ club: club.id, target, since: generations[0]?.createdAt ?? club.created_at });
    if (now - club.created_at.getTime() < BACKUP_MAX_AGE_MS) continue;
    const fresh =
      targets.length > 0 &&
      targets.every((t) => {
        const newest = t.generations[0];
        return newest && now - newest.createdAt.getTime() < BACKUP_MAX_AGE_MS;
      });
    if (!fresh) stale += 1;
  }
  s.facts.backupAges = ages;
  return stale;
}

/** The server's certificate, the CA and the monitoring locations' current certificates. */
export async function certificateExpiries(
  s: ServerCheckSources,
): Promise<{ certificate: string; notAfter: Date }[]> {
  const monitors = (await s.monitors.list()).filter((m) => !m.revokedAt);
  return [
    { certificate: 'server', notAfter: s.serverCertificate.notAfter },
    { certificate: 'ca', notAfter: s.caCertificate.notAfter },
    ...monitors.map((m) => ({ certificate: `monitor:${m.name}`, notAfter: m.inUseNotAfter })),
  ];
}

export function warningChecks(s: ServerCheckSources): WarningCheck[] {
  return [
    { name: 'backup_target', run: async () => warning(failingTargets(s.backup)) },
    { name: 'backup_age', run: async () => warning(await clubsWithOldBackups(s)) },
    {
      name: 'mail',
      async run() {
        const mail = s.backupConfig()?.mail;
        if (!mail) return { state: 'off' };
        return (await s.mailServerAnswers(mail)) ? { state: 'ok' } : { state: 'warning' };
      },
    },
    {
      name: 'certificate',
      async run() {
        const limit = s.now().getTime() + CERTIFICATE_WARN_MS;
        const expiring = (await certificateExpiries(s)).filter((c) => c.notAfter.getTime() < limit);
        return warning(expiring.length);
      },
    },
    {
      name: 'crl',
      async run() {
        const next = s.crlNextUpdate();
        if (!next) return { state: 'unknown' };
        return next.getTime() - s.now().getTime() < CRL_WARN_MS
          ? { state: 'warning' }
          : { state: 'ok' };
      },
    },
    {
      name: 'backup_disk',
      async run() {
        const targets = s.backupConfig()?.targets ?? [];
        if (targets.length === 0) return { state: 'off' };
        const spaces = await Promise.all(targets.map((t) => diskSpace(t)));
        s.facts.setDisks('backup', spaces);
        return warning(spaces.filter(nearlyFull).length);
      },
    },
    {
      name: 'data_disk',
      async run() {
        const space = await diskSpace(s.dataDir);
        s.facts.setDisks('data', [space]);
        return warning(nearlyFull(space) ? 1 : 0);
      },
    },
  ];
}

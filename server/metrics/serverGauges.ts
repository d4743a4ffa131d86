/**
 * The gauges of a running server's state, read at scrape time (issue #28): connections,
 * backups, certificates, the revocation list, the database pool, readiness and disks. The
 * metrics listener is private (loopback, or a bearer token), so clubs appear by id and
 * targets by path here — never on the public `/readyz`.
 */
import type { Readiness } from '../health/readiness.ts';
import { certificateExpiries, type ServerCheckSources } from '../health/serverChecks.ts';
import type { ServerMetrics } from './serverMetrics.ts';

export interface GaugeSources extends ServerCheckSources {
  connectedDevices(): number;
  openPokeSockets(): number;
  readiness: Readiness;
}

const seconds = (date: Date) => date.getTime() / 1000;

export function registerServerGauges(metrics: ServerMetrics, s: GaugeSources): void {
  metrics.gauge(
    'tutti_devices_connected',
    'Device certificates with a connection open to the device listener.',
    [],
    (set) => set({}, s.connectedDevices()),
  );
  metrics.gauge('tutti_poke_sockets_open', 'Open poke WebSockets of devices.', [], (set) =>
    set({}, s.openPokeSockets()),
  );
  metrics.gauge(
    'tutti_backup_age_seconds',
    'Age of the newest backup generation of each club on each target.',
    ['club', 'target'],
    (set) => {
      // As the background round last found them: a scrape never lists backup folders.
      const now = s.now().getTime();
      for (const age of s.facts.backupAges)
        set({ club: age.club, target: age.target }, (now - age.since.getTime()) / 1000);
    },
  );
  metrics.gauge(
    'tutti_certificate_expiry_timestamp_seconds',
    'When the server certificate and the CA expire (Unix time).',
    ['certificate'],
    async (set) => {
      for (const c of await certificateExpiries(s))
        if (!c.certificate.startsWith('monitor:'))
          set({ certificate: c.certificate }, seconds(c.notAfter));
    },
  );
  metrics.gauge(
    'tutti_monitoring_certificate_expiry_timestamp_seconds',
    "When each monitoring location's current client certificate expires (Unix time).",
    ['name'],
    async (set) => {
      for (const m of await s.monitors.list())
        if (!m.revokedAt) set({ name: m.name }, seconds(m.inUseNotAfter));
    },
  );
  metrics.gauge(
    'tutti_crl_next_update_timestamp_seconds',
    'When the installed revocation list must have been replaced (Unix time).',
    [],
    (set) => {
      const next = s.crlNextUpdate();
      if (next) set({}, seconds(next));
    },
  );
  metrics.gauge(
    'tutti_database_pool_connections',
    'Database connections of this node by state (total, idle, waiting requests).',
    ['state'],
    (set) => {
      const pool = s.db.poolStats();
      set({ state: 'total' }, pool.total);
      if (pool.idle !== null) set({ state: 'idle' }, pool.idle);
      if (pool.waiting !== null) set({ state: 'waiting' }, pool.waiting);
    },
  );
  metrics.gauge(
    'tutti_database_pool_max',
    'Most database connections this node opens.',
    [],
    (set) => set({}, s.db.poolStats().max),
  );
  metrics.gauge('tutti_ready', '1 when /readyz answers ready, else 0.', [], async (set) =>
    set({}, (await s.readiness.report()).status === 'unavailable' ? 0 : 1),
  );
  metrics.gauge(
    'tutti_readiness_warning',
    '1 while a readiness warning holds (as last probed), by check.',
    ['check'],
    (set) => {
      for (const [check, result] of Object.entries(s.readiness.warnings()))
        if (result.state !== 'unknown') set({ check }, result.state === 'warning' ? 1 : 0);
    },
  );
  // As the background round last measured them: a scrape never waits for a file system.
  metrics.gauge(
    'tutti_disk_free_bytes',
    'Bytes still writable on the disk of the data directory and of each backup target.',
    ['volume', 'path'],
    (set) => {
      for (const d of s.facts.disks()) set({ volume: d.volume, path: d.path }, d.freeBytes);
    },
  );
  metrics.gauge(
    'tutti_disk_size_bytes',
    'Size of the disk of the data directory and of each backup target.',
    ['volume', 'path'],
    (set) => {
      for (const d of s.facts.disks()) set({ volume: d.volume, path: d.path }, d.sizeBytes);
    },
  );
}

/**
 * The monitoring locations' client certificates (issue #28): issued by `tutti-server monitor
 * issue` from a request made where the key stays, renewed by the location itself over the
 * device listener with its current certificate, revoked by name. Their expiry is a metric and
 * a readiness warning, so a renewal that stopped working is noticed before the probe breaks.
 */
import { AppError } from '../errors.ts';
import type {
  DeviceCertificateSigner,
  IssuedClientCertificate,
} from '../pki/certificateAuthority.ts';
import { MONITOR_NAME } from '../pki/monitorIdentity.ts';
import { normalSerial } from '../pki/serial.ts';
import type { ServerDatabase, SqlClient } from '../storage/serverDatabase.ts';

export interface MonitoringClient {
  name: string;
  serial: string;
  notAfter: Date;
  /**
   * When the certificate the location actually uses expires: the previous one's while a
   * renewed one was never used (its answer may never have arrived) — what the expiry alert
   * must watch, or a location stuck on its old certificate would go unnoticed.
   */
  inUseNotAfter: Date;
  issuedAt: Date;
  revokedAt: Date | null;
}

interface Row {
  name: string;
  certificate_serial: string;
  not_after: Date;
  issued_at: Date;
  renewed_at: Date | null;
  previous_serial: string | null;
  previous_not_after: Date | null;
  revoked_at: Date | null;
}

/** What a request's certificate is to its location: see `MonitoringClients.seen`. */
export type MonitorCertificateUse = 'current' | 'previous' | 'promoted' | 'refused';

/** A location renews itself at most this often (each renewal puts a serial on the CRL). */
export const MONITOR_RENEWAL_PAUSE_MS = 3_600_000;

const COLUMNS =
  'name, certificate_serial, not_after, issued_at, renewed_at, previous_serial, previous_not_after, revoked_at';

const rowOf = (r: Row): MonitoringClient => ({
  name: r.name,
  serial: r.certificate_serial,
  notAfter: r.not_after,
  inUseNotAfter: r.previous_not_after ?? r.not_after,
  issuedAt: r.issued_at,
  revokedAt: r.revoked_at,
});

const RETIRE =
  'INSERT INTO retired_certificates (serial, not_after) VALUES ($1, $2) ON CONFLICT DO NOTHING';

export class MonitoringClients {
  constructor(
    private readonly db: ServerDatabase,
    private readonly ca: DeviceCertificateSigner,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A new certificate for `name`; those issued before under that name go on the CRL. */
  async issue(name: string, csrPem: string): Promise<IssuedClientCertificate> {
    if (!MONITOR_NAME.test(name))
      throw new AppError('validation', 'server.monitor.badName', { name });
    const issued = await this.sign(name, csrPem);
    await this.db.asOwner(async (sql) => {
      // Locked: two `monitor issue` at once must not leave one certificate off the CRL.
      const before = await lockedRow(sql, name);
      // The certificates it replaces may be on a lost machine: they stop working at once.
      if (before) {
        await sql.query(RETIRE, [before.certificate_serial, before.not_after]);
        if (before.previous_serial)
          await sql.query(RETIRE, [before.previous_serial, before.previous_not_after]);
      }
      await sql.query(
        `INSERT INTO monitoring_clients (name, certificate_serial, not_after, issued_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE
           SET certificate_serial = $2, not_after = $3, issued_at = $4, renewed_at = NULL,
               previous_serial = NULL, previous_not_after = NULL, revoked_at = NULL`,
        [name, normalSerial(issued.serialNumber), issued.notAfter, this.now()],
      );
    });
    return issued;
  }

  /**
   * A renewal asked for by the location with a certificate of its own (`serial`): the current
   * one, or — while the current one was never used, because the answer that carried it was
   * lost — the previous one. The previous stays valid until the new one is first used.
   */
  async renew(name: string, serial: string, csrPem: string): Promise<IssuedClientCertificate> {
    const presented = normalSerial(serial);
    const issued = await this.sign(name, csrPem);
    await this.db.asOwner(async (sql) => {
      const row = await lockedRow(sql, name);
      const use = row ? certificateUse(row, presented) : 'refused';
      if (!row || use === 'refused')
        throw new AppError('forbidden', 'server.monitor.notCurrent', { name });
      const now = this.now();
      if (row.renewed_at && now.getTime() - row.renewed_at.getTime() < MONITOR_RENEWAL_PAUSE_MS)
        throw new AppError('conflict', 'server.monitor.renewedRecently', { name }, { status: 429 });
      const fresh = [normalSerial(issued.serialNumber), issued.notAfter, now] as const;
      if (use === 'previous') {
        // The current one never reached the location: it goes, the previous stays.
        await sql.query(RETIRE, [row.certificate_serial, row.not_after]);
        await sql.query(
          `UPDATE monitoring_clients SET certificate_serial = $2, not_after = $3, renewed_at = $4
           WHERE name = $1`,
          [name, ...fresh],
        );
      } else {
        if (row.previous_serial)
          await sql.query(RETIRE, [row.previous_serial, row.previous_not_after]);
        await sql.query(
          `UPDATE monitoring_clients SET previous_serial = certificate_serial,
             previous_not_after = not_after, certificate_serial = $2, not_after = $3, renewed_at = $4
           WHERE name = $1`,
          [name, ...fresh],
        );
      }
    });
    return issued;
  }

  /**
   * A request of the location with `serial`: is it its certificate? The first use of a renewed
   * certificate retires the previous one ('promoted': the caller installs a new CRL).
   */
  async seen(name: string, serial: string): Promise<MonitorCertificateUse> {
    const presented = normalSerial(serial);
    return this.db.asOwner(async (sql) => {
      const row = await lockedRow(sql, name);
      const use = row ? certificateUse(row, presented) : 'refused';
      if (!row || use !== 'current' || !row.previous_serial) return use;
      await sql.query(RETIRE, [row.previous_serial, row.previous_not_after]);
      await sql.query(
        'UPDATE monitoring_clients SET previous_serial = NULL, previous_not_after = NULL WHERE name = $1',
        [name],
      );
      return 'promoted';
    });
  }

  async revoke(name: string): Promise<MonitoringClient> {
    const { rows } = await this.db.asOwner((sql) =>
      sql.query<Row>(
        `UPDATE monitoring_clients SET revoked_at = COALESCE(revoked_at, $2) WHERE name = $1
         RETURNING ${COLUMNS}`,
        [name, this.now()],
      ),
    );
    if (!rows[0]) throw new AppError('not_found', 'server.monitor.unknown', { name });
    return rowOf(rows[0]);
  }

  async list(): Promise<MonitoringClient[]> {
    const { rows } = await this.db.asOwner((sql) =>
      sql.query<Row>(`SELECT ${COLUMNS} FROM monitoring_clients ORDER BY name`),
    );
    return rows.map(rowOf);
  }

  /** Serials of revoked locations' certificates not yet expired: for the CRL. */
  async revokedSerials(): Promise<string[]> {
    const { rows } = await this.db.asOwner((sql) =>
      sql.query<{ serial: string }>(
        `SELECT certificate_serial AS serial FROM monitoring_clients
           WHERE revoked_at IS NOT NULL AND not_after > $1
         UNION SELECT previous_serial FROM monitoring_clients
           WHERE revoked_at IS NOT NULL AND previous_not_after > $1`,
        [this.now()],
      ),
    );
    return rows.map((r) => r.serial);
  }

  private async sign(name: string, csrPem: string): Promise<IssuedClientCertificate> {
    try {
      return await this.ca.issueMonitorCertificate(csrPem, name, { now: this.now() });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('bad_request', 'server.monitor.badRequest');
    }
  }
}

/** A location's row, locked until the transaction ends: its certificates change together. */
async function lockedRow(sql: SqlClient, name: string): Promise<Row | undefined> {
  const { rows } = await sql.query<Row>(
    `SELECT ${COLUMNS} FROM monitoring_clients WHERE name = $1 FOR UPDATE`,
    [name],
  );
  return rows[0];
}

function certificateUse(row: Row, serial: string): MonitorCertificateUse {
  if (row.revoked_at) return 'refused';
  if (serial === row.certificate_serial) return 'current';
  if (row.previous_serial && serial === row.previous_serial) return 'previous';
  return 'refused';
}

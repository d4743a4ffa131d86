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
import type { ServerDatabase } from '../storage/serverDatabase.ts';

export interface MonitoringClient {
  name: string;
  serial: string;
  notAfter: Date;
  issuedAt: Date;
  revokedAt: Date | null;
}

interface Row {
  name: string;
  certificate_serial: string;
  not_after: Date;
  issued_at: Date;
  revoked_at: Date | null;
}

const COLUMNS = 'name, certificate_serial, not_after, issued_at, revoked_at';

const rowOf = (r: Row): MonitoringClient => ({
  name: r.name,
  serial: r.certificate_serial,
  notAfter: r.not_after,
  issuedAt: r.issued_at,
  revokedAt: r.revoked_at,
});

export class MonitoringClients {
  constructor(
    private readonly db: ServerDatabase,
    private readonly ca: DeviceCertificateSigner,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A new certificate for `name`; one issued before under that name goes on the CRL. */
  async issue(name: string, csrPem: string): Promise<IssuedClientCertificate> {
    if (!MONITOR_NAME.test(name))
      throw new AppError('validation', 'server.monitor.badName', { name });
    const issued = await this.sign(name, csrPem);
    await this.db.asOwner(async (sql) => {
      // The certificate it replaces may be on a lost machine: it stops working at once.
      await sql.query(
        `INSERT INTO retired_certificates (serial, not_after)
         SELECT certificate_serial, not_after FROM monitoring_clients WHERE name = $1
         ON CONFLICT DO NOTHING`,
        [name],
      );
      await sql.query(
        `INSERT INTO monitoring_clients (name, certificate_serial, not_after, issued_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE
           SET certificate_serial = $2, not_after = $3, issued_at = $4, revoked_at = NULL`,
        [name, normalSerial(issued.serialNumber), issued.notAfter, this.now()],
      );
    });
    return issued;
  }

  /**
   * A renewal asked for by the location with its current certificate (`serial`): only the
   * current, unrevoked certificate of that name renews; the one it replaces goes on the CRL.
   */
  async renew(name: string, serial: string, csrPem: string): Promise<IssuedClientCertificate> {
    const current = await this.find(name);
    if (!current || current.revokedAt || current.serial !== normalSerial(serial))
      throw new AppError('forbidden', 'server.monitor.notCurrent', { name });
    const issued = await this.sign(name, csrPem);
    const replaced = await this.db.asOwner(async (sql) => {
      const { rows } = await sql.query(
        `UPDATE monitoring_clients SET certificate_serial = $3, not_after = $4, issued_at = $5
         WHERE name = $1 AND certificate_serial = $2 AND revoked_at IS NULL RETURNING name`,
        [name, current.serial, normalSerial(issued.serialNumber), issued.notAfter, this.now()],
      );
      if (rows.length === 0) return false;
      await sql.query(
        'INSERT INTO retired_certificates (serial, not_after) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [current.serial, current.notAfter],
      );
      return true;
    });
    // Two renewals with the same certificate at once: the second finds it already replaced.
    if (!replaced) throw new AppError('forbidden', 'server.monitor.notCurrent', { name });
    return issued;
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
      sql.query<{ certificate_serial: string }>(
        'SELECT certificate_serial FROM monitoring_clients WHERE revoked_at IS NOT NULL AND not_after > $1',
        [this.now()],
      ),
    );
    return rows.map((r) => r.certificate_serial);
  }

  private async find(name: string): Promise<MonitoringClient | null> {
    return (await this.list()).find((c) => c.name === name) ?? null;
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

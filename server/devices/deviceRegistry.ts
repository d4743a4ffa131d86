/**
 * Devices and their certificates: enrolment codes, enrolment (CSR + one-time code →
 * certificate), renewal, revocation, and the check on every request that the presented
 * certificate is still the device's current one.
 */
import { newId } from '../../shared/domain/ids.ts';
import { type Actor, OPERATOR, writeAudit } from '../audit/auditLog.ts';
import type { ClubRegistry } from '../clubs/clubRegistry.ts';
import {
  checkEnrolmentCode,
  createEnrolmentCode,
  ENROLMENT_MESSAGES,
  parseEnrolmentCode,
  type StoredEnrolmentCode,
} from '../enrolment/enrolmentCode.ts';
import { AppError } from '../errors.ts';
import type { DeviceCertificateSigner } from '../pki/certificateAuthority.ts';
import { type DeviceIdentity, isSupportIdentity } from '../pki/deviceIdentity.ts';
import { normalSerial } from '../pki/serial.ts';
import type { ServerDatabase, SqlClient } from '../storage/serverDatabase.ts';
import type { SupportAccess } from '../support/supportAccess.ts';
import { type CertificateState, certificateVerdict } from './certificateVerdict.ts';

export interface IssuedCertificate {
  deviceId: string;
  certificatePem: string;
  caCertificatePem: string;
  notAfter: Date;
  identity: DeviceIdentity;
}

export interface DeviceRow {
  id: string;
  clubId: string | null;
  owner: string;
  serial: string;
  notAfter: Date;
  revokedAt: Date | null;
  /** The computer's name the device gave at enrolment; null for older devices. */
  name: string | null;
}

interface CodeRow {
  id: string;
  club_id?: string;
  user_id?: string;
  staff_id?: string;
  secret_hash: string;
  expires_at: Date;
  used_at: Date | null;
}

/** A computer's name as a device reported it: printable characters only, at most 100. */
function printableName(name: string | undefined): string | null {
  const clean = (name ?? '')
    .replace(/[\p{C}]/gu, '')
    .trim()
    .slice(0, 100);
  return clean === '' ? null : clean;
}

export class DeviceRegistry {
  constructor(
    private readonly db: ServerDatabase,
    private readonly ca: DeviceCertificateSigner,
    private readonly clubs: ClubRegistry,
    private readonly support: SupportAccess,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A code for one device of a club user; valid 24 hours, once. */
  async createCode(clubId: string, userId: string): Promise<{ code: string; expiresAt: Date }> {
    await this.clubs.requireClub(clubId);
    if (!(await this.clubs.getUser(clubId, userId)))
      throw new AppError('not_found', 'server.users.unknown', { userId, clubId });
    const { code, stored } = createEnrolmentCode(this.ca.fingerprint(), this.now());
    await this.db.withClub(clubId, async (sql) => {
      await sql.query(
        'INSERT INTO enrolment_codes (club_id, id, user_id, secret_hash, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [clubId, stored.id, userId, stored.secretHash, stored.expiresAt],
      );
      await writeAudit(sql, clubId, OPERATOR, {
        action: 'enrolment-code.create',
        entity: 'users',
        recordId: userId,
      });
    });
    return { code, expiresAt: stored.expiresAt };
  }

  /** A code for one device of a support staff member. */
  async createSupportCode(staffId: string): Promise<{ code: string; expiresAt: Date }> {
    if (!(await this.support.listStaff()).some((s) => s.id === staffId))
      throw new AppError('not_found', 'server.support.unknownStaff', { staffId });
    const { code, stored } = createEnrolmentCode(this.ca.fingerprint(), this.now());
    await this.db.asOwner((sql) =>
      sql.query(
        'INSERT INTO support_enrolment_codes (id, staff_id, secret_hash, expires_at) VALUES ($1, $2, $3, $4)',
        [stored.id, staffId, stored.secretHash, stored.expiresAt],
      ),
    );
    return { code, expiresAt: stored.expiresAt };
  }

  /**
   * Redeems a code: checks it, marks it used and records the new device in one transaction, so
   * two devices racing with one code cannot both get a certificate.
   */
  async enrol(
    codeText: string,
    csrPem: string,
    address: string | null = null,
    deviceName?: string,
  ): Promise<IssuedCertificate> {
    const parsed = parseEnrolmentCode(codeText);
    if (!parsed || parsed.caFingerprint !== this.ca.fingerprint())
      throw new AppError('forbidden', ENROLMENT_MESSAGES.unknown);
    return this.db.asOwner(async (sql) => {
      const member = (
        await sql.query<CodeRow>('SELECT * FROM enrolment_codes WHERE id = $1 FOR UPDATE', [
          parsed.id,
        ])
      ).rows[0];
      const support = member
        ? undefined
        : (
            await sql.query<CodeRow>(
              'SELECT * FROM support_enrolment_codes WHERE id = $1 FOR UPDATE',
              [parsed.id],
            )
          ).rows[0];
      const row = member ?? support;
      const stored: StoredEnrolmentCode | undefined = row && {
        id: row.id,
        secretHash: row.secret_hash,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
      };
      const check = checkEnrolmentCode(stored, parsed.secret, this.now());
      if (check !== 'ok') throw new AppError('forbidden', ENROLMENT_MESSAGES[check]);

      const deviceId = newId();
      const identity: DeviceIdentity = member
        ? { clubId: member.club_id!, userId: member.user_id!, deviceId }
        : { kind: 'support', staffId: support!.staff_id!, deviceId };
      const issued = await this.issue(csrPem, identity);
      const table = member ? 'enrolment_codes' : 'support_enrolment_codes';
      await sql.query(`UPDATE ${table} SET used_at = $2 WHERE id = $1`, [parsed.id, this.now()]);
      await this.insertDevice(
        sql,
        identity,
        issued.serialNumber,
        issued.notAfter,
        printableName(deviceName),
      );
      if (!isSupportIdentity(identity)) {
        const actor: Actor = { kind: 'user', id: identity.userId, deviceId, address };
        await writeAudit(sql, identity.clubId, actor, { action: 'device.enrol' });
      }
      return this.result(identity, issued);
    });
  }

  /**
   * A new certificate for an enrolled device (≤ 90 days), asked for with its current one. The
   * certificate it replaces stays valid until the device first uses the new one (`promote`):
   * the answer may be lost on the way, and the device must still get in to ask again. Asked
   * again with that previous certificate, the unused new one is retired and another issued.
   */
  async renew(
    identity: DeviceIdentity,
    presentedSerial: string,
    csrPem: string,
    address: string | null,
  ): Promise<IssuedCertificate> {
    const issued = await this.issue(csrPem, identity);
    const table = isSupportIdentity(identity) ? 'support_devices' : 'devices';
    const presented = normalSerial(presentedSerial);
    await this.db.asOwner(async (sql) => {
      const current = (
        await sql.query<{
          certificate_serial: string;
          not_after: Date;
          revoked_at: Date | null;
          previous_serial: string | null;
          previous_not_after: Date | null;
          previous_retired: boolean;
        }>(
          `SELECT certificate_serial, not_after, revoked_at, previous_serial, previous_not_after, previous_retired
           FROM ${table} WHERE id = $1 FOR UPDATE`,
          [identity.deviceId],
        )
      ).rows[0];
      const fromPrevious =
        !!current &&
        current.previous_serial === presented &&
        !current.previous_retired &&
        current.previous_not_after! > this.now();
      if (
        !current ||
        current.revoked_at ||
        (current.certificate_serial !== presented && !fromPrevious)
      )
        throw new AppError('forbidden', 'server.devices.renewOnlyCurrent');
      // The certificate that leaves for good goes into the revocation list until it expires:
      // the unused one (asked again with the previous), else the previous one.
      const leaving = fromPrevious
        ? { serial: current.certificate_serial, notAfter: current.not_after }
        : current.previous_serial
          ? { serial: current.previous_serial, notAfter: current.previous_not_after }
          : null;
      if (leaving)
        await sql.query(
          'INSERT INTO retired_certificates (serial, not_after) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [leaving.serial, leaving.notAfter],
        );
      await sql.query(
        `UPDATE ${table} SET certificate_serial = $2, not_after = $3,
           previous_serial = $4, previous_not_after = $5, previous_retired = false WHERE id = $1`,
        [
          identity.deviceId,
          normalSerial(issued.serialNumber),
          issued.notAfter,
          fromPrevious ? current.previous_serial : current.certificate_serial,
          fromPrevious ? current.previous_not_after : current.not_after,
        ],
      );
      if (!isSupportIdentity(identity)) {
        const actor: Actor = {
          kind: 'user',
          id: identity.userId,
          deviceId: identity.deviceId,
          address,
        };
        await writeAudit(sql, identity.clubId, actor, { action: 'device.renew' });
      }
    });
    return this.result(identity, issued);
  }

  /**
   * Whether a support device's certificate is accepted: its current one, or the one a renewal
   * replaced while the new one has not been used yet. Using the new one retires the previous.
   */
  async isCurrent(identity: DeviceIdentity, serial: string): Promise<boolean> {
    const table = isSupportIdentity(identity) ? 'support_devices' : 'devices';
    return this.db.asOwner(async (sql) => {
      const { rows } = await sql.query<CertificateState>(
        `SELECT certificate_serial, revoked_at, previous_serial, previous_not_after, previous_retired
         FROM ${table} WHERE id = $1 AND not_after > now()`,
        [identity.deviceId],
      );
      const verdict = certificateVerdict(rows[0], serial, this.now());
      if (verdict === 'promote')
        await sql.query(`UPDATE ${table} SET previous_retired = true WHERE id = $1`, [
          identity.deviceId,
        ]);
      return verdict !== 'refused';
    });
  }

  async list(clubId?: string): Promise<DeviceRow[]> {
    // Club devices, then (for the whole server) support devices, as one row shape.
    const { rows } = await this.db.asOwner((sql) =>
      sql.query<{
        id: string;
        club_id: string | null;
        owner: string;
        certificate_serial: string;
        not_after: Date;
        revoked_at: Date | null;
        name: string | null;
      }>(
        `SELECT id, club_id, 'user:' || user_id AS owner, certificate_serial, not_after, revoked_at, name, created_at, 0 AS kind
           FROM devices WHERE $1::uuid IS NULL OR club_id = $1
         UNION ALL
         SELECT id, NULL, 'support:' || staff_id, certificate_serial, not_after, revoked_at, name, created_at, 1
           FROM support_devices WHERE $1::uuid IS NULL
         ORDER BY kind, created_at`,
        [clubId ?? null],
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      clubId: r.club_id,
      owner: r.owner,
      serial: r.certificate_serial,
      notAfter: r.not_after,
      revokedAt: r.revoked_at,
      name: r.name,
    }));
  }

  /** Marks a device revoked; the caller installs the new revocation list. */
  async revoke(deviceId: string): Promise<DeviceRow> {
    const now = this.now();
    const found = await this.db.asOwner(async (sql) => {
      const member = await sql.query<{ club_id: string }>(
        'UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING club_id',
        [deviceId, now],
      );
      const clubId = member.rows[0]?.club_id;
      if (clubId) {
        await writeAudit(sql, clubId, OPERATOR, {
          action: 'device.revoke',
          entity: 'devices',
          recordId: deviceId,
        });
        return true;
      }
      const support = await sql.query(
        'UPDATE support_devices SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING id',
        [deviceId, now],
      );
      return support.rows.length > 0;
    });
    if (!found) throw new AppError('not_found', 'server.devices.unknown', { deviceId });
    return (await this.list()).find((d) => d.id === deviceId)!;
  }

  /**
   * The content of the CRL: serials of revoked devices' certificates and of certificates
   * replaced by a renewal, as long as they have not expired. Only the revoked ones have their
   * open connections closed; a replaced one may finish what it is doing.
   */
  async revocations(): Promise<{ revoked: string[]; replaced: string[] }> {
    return this.db.asOwner(async (sql) => {
      const revoked = await sql.query<{ serial: string }>(
        `SELECT certificate_serial AS serial FROM devices WHERE revoked_at IS NOT NULL AND not_after > $1
         UNION SELECT certificate_serial FROM support_devices WHERE revoked_at IS NOT NULL AND not_after > $1`,
        [this.now()],
      );
      const replaced = await sql.query<{ serial: string }>(
        `SELECT serial FROM retired_certificates WHERE not_after > $1
         UNION SELECT previous_serial FROM devices WHERE previous_retired AND previous_not_after > $1
         UNION SELECT previous_serial FROM support_devices WHERE previous_retired AND previous_not_after > $1`,
        [this.now()],
      );
      return {
        revoked: revoked.rows.map((r) => r.serial),
        replaced: replaced.rows.map((r) => r.serial),
      };
    });
  }

  private async issue(csrPem: string, identity: DeviceIdentity) {
    try {
      return await this.ca.issueDeviceCertificate(csrPem, identity, { now: this.now() });
    } catch (error) {
      throw new AppError(
        'validation',
        'server.devices.invalidCsr',
        { detail: (error as Error).message },
        { cause: error },
      );
    }
  }

  private async insertDevice(
    sql: SqlClient,
    identity: DeviceIdentity,
    serial: string,
    notAfter: Date,
    name: string | null,
  ) {
    if (isSupportIdentity(identity))
      await sql.query(
        'INSERT INTO support_devices (id, staff_id, certificate_serial, not_after, name) VALUES ($1, $2, $3, $4, $5)',
        [identity.deviceId, identity.staffId, normalSerial(serial), notAfter, name],
      );
    else
      await sql.query(
        'INSERT INTO devices (club_id, id, user_id, certificate_serial, not_after, name) VALUES ($1, $2, $3, $4, $5, $6)',
        [identity.clubId, identity.deviceId, identity.userId, normalSerial(serial), notAfter, name],
      );
  }

  private result(
    identity: DeviceIdentity,
    issued: { certificatePem: string; notAfter: Date },
  ): IssuedCertificate {
    return {
      deviceId: identity.deviceId,
      certificatePem: issued.certificatePem,
      caCertificatePem: this.ca.certificate.toString('pem'),
      notAfter: issued.notAfter,
      identity,
    };
  }
}

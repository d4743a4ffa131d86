/**
 * A monitoring location's certificate over its life (issue #28), on PGlite and PostgreSQL with
 * a real CA: a renewal whose answer is lost must not lock the location out (the previous
 * certificate stays valid until the new one is used, and may renew again), the first use of the
 * new one retires the previous, renewals are rate-limited (each puts a serial on the CRL), a
 * revoked location is refused whatever it presents, and a re-issue retires everything before.
 */
import { describe, expect, it } from 'vitest';
import { createDeviceKeyAndCsr } from '../../shared/node/deviceKeys.ts';
import { bothDatabases } from '../../test/support/bothDatabases.ts';
import { CertificateAuthority } from '../pki/certificateAuthority.ts';
import { normalSerial } from '../pki/serial.ts';
import { MonitoringClients } from './monitoringClients.ts';

const { databases } = bothDatabases({ migrate: true });
const csr = async () => (await createDeviceKeyAndCsr('monitor-standort-a')).csrPem;

describe.each(['pglite', 'postgres'] as const)('monitoring certificates on %s', (kind) => {
  it('survives a lost answer, retires the previous on first use, limits renewals, revokes', async () => {
    let clock = new Date('2026-12-01T08:00:00Z');
    const ca = await CertificateAuthority.create('Test-CA', clock);
    const monitors = new MonitoringClients(databases[kind]!, ca, () => clock);
    const retired = async () =>
      (
        await databases[kind]!.ownerStatement<{ serial: string }>(
          'SELECT serial FROM retired_certificates',
        )
      ).rows.map((r) => r.serial);
    const name = `standort-${kind}`;

    const first = normalSerial((await monitors.issue(name, await csr())).serialNumber);
    expect(await monitors.seen(name, first)).toBe('current');

    // Renewed, but the answer never arrives: the location still holds `first`.
    const firstNotAfter = (await monitors.list()).find((m) => m.name === name)!.notAfter;
    const lost = normalSerial((await monitors.renew(name, first, await csr())).serialNumber);
    expect(await monitors.seen(name, first)).toBe('previous');
    // Its expiry is what the location really has: the old certificate's, not the lost one's.
    expect((await monitors.list()).find((m) => m.name === name)!.inUseNotAfter).toEqual(
      firstNotAfter,
    );
    expect(await retired()).not.toContain(first);

    // Renewing again within the hour is refused; an hour later, from `first`, it works.
    await expect(monitors.renew(name, first, await csr())).rejects.toMatchObject({
      key: 'server.monitor.renewedRecently',
    });
    clock = new Date(clock.getTime() + 3_600_000);
    const second = normalSerial((await monitors.renew(name, first, await csr())).serialNumber);
    // The one that never arrived is on the CRL now; `first` is still the fallback.
    expect(await retired()).toContain(lost);
    expect(await monitors.seen(name, lost)).toBe('refused');
    expect(await monitors.seen(name, first)).toBe('previous');

    // The location uses `second`: `first` is retired.
    expect(await monitors.seen(name, second)).toBe('promoted');
    expect(await monitors.seen(name, second)).toBe('current');
    expect(await monitors.seen(name, first)).toBe('refused');
    expect(await retired()).toContain(first);
    await expect(monitors.renew(name, first, await csr())).rejects.toMatchObject({
      key: 'server.monitor.notCurrent',
    });

    // Revoked: refused, and its serial listed as revoked.
    await monitors.revoke(name);
    expect(await monitors.seen(name, second)).toBe('refused');
    expect(await monitors.revokedSerials()).toContain(second);

    // Issued anew: a fresh start, nothing before it valid.
    const again = normalSerial((await monitors.issue(name, await csr())).serialNumber);
    expect(await monitors.seen(name, again)).toBe('current');
    expect(await retired()).toContain(second);
    expect(await monitors.revokedSerials()).not.toContain(again);
  });

  it('refuses a name that is no location name and a request that is no P-256 CSR', async () => {
    const ca = await CertificateAuthority.create('Test-CA');
    const monitors = new MonitoringClients(databases[kind]!, ca);
    await expect(monitors.issue('Standort A', await csr())).rejects.toMatchObject({
      key: 'server.monitor.badName',
    });
    await expect(monitors.issue('standort-x', 'kein CSR')).rejects.toMatchObject({
      key: 'server.monitor.badRequest',
    });
  });
});

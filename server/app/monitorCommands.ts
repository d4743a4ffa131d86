/**
 * `tutti-server monitor issue|list|revoke` as admin commands (issue #28): a monitoring
 * location's client certificate for the device listener's TLS probe. Issuing signs with the
 * CA, so it runs in the running server; the key was made by the command line and never
 * passes the socket — only its request does.
 */
import { z } from 'zod';
import { formatGermanDate } from '../../shared/domain/dates.ts';
import { msg } from '../../shared/messages/message.ts';
import type { AdminLine } from './adminOutput.ts';
import type { Services } from './services.ts';

export const MONITOR_COMMAND_SCHEMAS = [
  z.object({
    command: z.literal('monitor.issue'),
    name: z.string().max(64),
    csr: z.string().max(8192),
  }),
  z.object({ command: z.literal('monitor.list') }),
  z.object({ command: z.literal('monitor.revoke'), name: z.string().max(64) }),
] as const;
type MonitorCommand = z.output<(typeof MONITOR_COMMAND_SCHEMAS)[number]>;

const day = (date: Date) => formatGermanDate(date.toISOString().slice(0, 10));

export async function executeMonitorCommand(
  services: Services,
  command: MonitorCommand,
  hooks: { devicesRevoked(): Promise<void> },
): Promise<AdminLine[]> {
  switch (command.command) {
    case 'monitor.issue': {
      const issued = await services.monitors.issue(command.name, command.csr);
      // A certificate issued before under this name is on the CRL from now on.
      await hooks.devicesRevoked();
      return [
        msg('server.cli.monitor.issued', { name: command.name, until: day(issued.notAfter) }),
        issued.certificatePem.trim(),
      ];
    }
    case 'monitor.list':
      return (await services.monitors.list()).map((m) => [
        m.name,
        msg('server.cli.device.validUntil', { date: day(m.notAfter) }),
        m.revokedAt
          ? msg('server.cli.device.revokedSince', { date: day(m.revokedAt) })
          : msg('server.cli.device.active'),
      ]);
    case 'monitor.revoke': {
      const revoked = await services.monitors.revoke(command.name);
      await hooks.devicesRevoked();
      return [msg('server.cli.monitor.revoked', { name: revoked.name })];
    }
  }
}

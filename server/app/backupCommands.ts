/**
 * `tutti-server backup run|list|verify|restore|mail` as admin commands: executed in the running
 * server (through the admin socket) or directly on the data, like every other command.
 */

import { z } from 'zod';
import { formatFileSize } from '../../shared/domain/sizes.ts';
import { BackupError } from '../../shared/node/backup/backupError.ts';
import { unwrapBackupKey } from '../../shared/node/backup/backupKey.ts';
import type { BackupServices } from '../backup/backupServices.ts';
import { ServiceError } from '../errors.ts';
import type { Services } from './services.ts';

const id = z.string().max(64);
const secret = z.string().max(1024);

/** The backup commands' shapes; adminCommands.ts joins them into the union of all commands. */
export const BACKUP_COMMAND_SCHEMAS = [
  z.object({ command: z.literal('backup.run'), clubId: id.optional() }),
  z.object({ command: z.literal('backup.list'), clubId: id }),
  z.object({
    command: z.literal('backup.verify'),
    clubId: id,
    file: z.string().max(4096).optional(),
    passphrase: secret,
  }),
  z.object({
    command: z.literal('backup.restore'),
    clubId: id,
    file: z.string().max(4096).optional(),
    passphrase: secret,
  }),
  z.object({
    command: z.literal('backup.mail'),
    clubId: id,
    addresses: z.array(z.string().max(320)).max(20),
    recipients: z.array(z.string().max(200)).max(20),
  }),
  z.object({ command: z.literal('backup.mail-off'), clubId: id }),
] as const;

type BackupCommand = z.output<(typeof BACKUP_COMMAND_SCHEMAS)[number]>;

const utc = (date: Date | string) =>
  `${new Date(date).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function backupServices(services: Services): BackupServices {
  if (!services.backup)
    throw new ServiceError('unavailable', 'Sicherungen sind hier nicht verfügbar.');
  return services.backup;
}

/** The backup key's identity: the key file opened with the server passphrase. */
async function identity(backup: BackupServices, passphrase: string): Promise<string> {
  try {
    return await unwrapBackupKey(backup.keyFile(), passphrase);
  } catch (error) {
    if (error instanceof BackupError && error.code === 'wrong_passphrase')
      throw new ServiceError(
        'forbidden',
        'Die Server-Passphrase ist falsch; der Sicherungsschlüssel bleibt verschlossen.',
      );
    if (error instanceof BackupError) throw new ServiceError('bad_request', error.message);
    throw error;
  }
}

export async function executeBackupCommand(
  services: Services,
  command: BackupCommand,
): Promise<string[]> {
  const backup = backupServices(services);
  switch (command.command) {
    case 'backup.run': {
      if (command.clubId) await services.clubs.requireClub(command.clubId);
      const outcomes = await backup.backups.run(command.clubId);
      const lines: string[] = [];
      for (const club of outcomes)
        for (const t of club.targets)
          lines.push(
            t.error
              ? `FEHLER\t${club.clubName}\t${t.target}\t${t.error}`
              : `gesichert\t${club.clubName}\t${t.file}\t${formatFileSize(club.bytes)}`,
          );
      const failed = outcomes.flatMap((c) => c.targets).filter((t) => t.error).length;
      if (failed > 0)
        throw new ServiceError(
          'unavailable',
          `${lines.join('\n')}\n${failed} Sicherungsziel(e) fehlgeschlagen; die anderen wurden geschrieben. Bitte das Ziel prüfen.`,
        );
      return lines;
    }
    case 'backup.list': {
      await services.clubs.requireClub(command.clubId);
      const lines: string[] = [];
      for (const { target, generations } of backup.backups.list(command.clubId)) {
        if (generations.length === 0) lines.push(`${target}\t(keine Sicherung)`);
        for (const g of generations)
          lines.push(`${target}\t${utc(g.createdAt)}\t${formatFileSize(g.bytes)}\t${g.name}`);
      }
      for (const problem of backup.health.list())
        lines.push(`Warnung seit ${utc(problem.since)}: ${problem.message}`);
      return lines;
    }
    case 'backup.verify': {
      const results = await backup.backups.verify(
        command.clubId,
        await identity(backup, command.passphrase),
        command.file,
      );
      const lines = results.map((r) =>
        r.error
          ? `FEHLER\t${r.path}\t${r.error}`
          : `in Ordnung\t${r.path}\tStand ${utc(r.manifest!.createdAt)}, ${r.manifest!.counts.records ?? 0} Datensätze`,
      );
      if (results.some((r) => r.error)) throw new ServiceError('bad_request', lines.join('\n'));
      return lines;
    }
    case 'backup.restore': {
      // The club may be gone from this server: then it is restored as a whole.
      const restored = await backup.backups.restore(
        command.clubId,
        await identity(backup, command.passphrase),
        command.file,
      );
      return [
        restored.created
          ? `Verein aus der Sicherung vom ${utc(restored.createdAt)} neu angelegt (${restored.records} Datensätze).`
          : `Verein auf den Stand vom ${utc(restored.createdAt)} zurückgesetzt: ${restored.records} Datensätze wiederhergestellt, ${restored.deleted} seither angelegte gelöscht. Die Geräte gleichen von selbst ab.`,
      ];
    }
    case 'backup.mail': {
      await services.clubs.requireClub(command.clubId);
      await backup.mailer.configure(command.clubId, command.addresses, command.recipients);
      return [
        `Sicherungen per E-Mail an ${command.addresses.join(', ')} eingerichtet; sie gehen bei Änderungen hinaus (höchstens stündlich, mindestens täglich).`,
      ];
    }
    case 'backup.mail-off': {
      await services.clubs.requireClub(command.clubId);
      await backup.mailer.turnOff(command.clubId);
      return ['Sicherungen per E-Mail für diesen Verein abgeschaltet.'];
    }
  }
}

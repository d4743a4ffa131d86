/**
 * `tutti-server backup run|list|verify|restore|mail` as admin commands: executed in the running
 * server (through the admin socket) or directly on the data, like every other command.
 */

import { z } from 'zod';
import type { FieldErrors } from '../../shared/domain/entities.ts';
import { formatFileSize } from '../../shared/domain/sizes.ts';
import { msg } from '../../shared/messages/message.ts';
import { BackupError } from '../../shared/node/backup/backupError.ts';
import { unwrapBackupKey } from '../../shared/node/backup/backupKey.ts';
import type { BackupServices } from '../backup/backupServices.ts';
import { AppError, messageOf } from '../errors.ts';
import type { AdminLine } from './adminOutput.ts';
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
  if (!services.backup) throw new AppError('unavailable', 'server.backup.unavailable');
  return services.backup;
}

/** The backup key's identity: the key file opened with the server passphrase. */
async function identity(backup: BackupServices, passphrase: string): Promise<string> {
  try {
    return await unwrapBackupKey(backup.keyFile(), passphrase);
  } catch (error) {
    if (error instanceof BackupError && error.code === 'wrong_passphrase')
      throw new AppError('forbidden', 'server.backup.wrongPassphrase');
    if (error instanceof BackupError) {
      const text = messageOf(error.message);
      throw new AppError('bad_request', text.key, text.params, { cause: error });
    }
    throw error;
  }
}

export async function executeBackupCommand(
  services: Services,
  command: BackupCommand,
): Promise<AdminLine[]> {
  const backup = backupServices(services);
  switch (command.command) {
    case 'backup.run': {
      if (command.clubId) await services.clubs.requireClub(command.clubId);
      const outcomes = await backup.backups.run(command.clubId);
      const lines: AdminLine[] = [];
      // The failures, by club and target: what the refusal names when one target failed.
      const failures: FieldErrors = {};
      for (const club of outcomes)
        for (const t of club.targets) {
          if (t.problem) failures[`${club.clubName} ${t.target}`] = t.problem;
          lines.push(
            t.problem
              ? [msg('server.cli.backup.failed'), club.clubName, t.target, t.problem]
              : [
                  msg('server.cli.backup.written'),
                  club.clubName,
                  t.file ?? '',
                  formatFileSize(club.bytes),
                ],
          );
        }
      const failed = Object.keys(failures).length;
      if (failed > 0)
        throw new AppError(
          'unavailable',
          'server.cli.backup.targetsFailed',
          { count: failed },
          { fields: failures },
        );
      return lines;
    }
    case 'backup.list': {
      await services.clubs.requireClub(command.clubId);
      const lines: AdminLine[] = [];
      for (const { target, generations } of backup.backups.list(command.clubId)) {
        if (generations.length === 0) lines.push([target, msg('server.cli.backup.noBackup')]);
        for (const g of generations)
          lines.push([target, utc(g.createdAt), formatFileSize(g.bytes), g.name]);
      }
      for (const problem of backup.health.list())
        lines.push(
          msg('server.cli.backup.warning', { since: utc(problem.since), problem: problem.message }),
        );
      return lines;
    }
    case 'backup.verify': {
      const results = await backup.backups.verify(
        command.clubId,
        await identity(backup, command.passphrase),
        command.file,
      );
      const failures: FieldErrors = {};
      for (const r of results) if (r.problem) failures[r.path] = r.problem;
      const failed = Object.keys(failures).length;
      if (failed > 0)
        throw new AppError(
          'bad_request',
          'server.cli.backup.verifyFailed',
          { count: failed, total: results.length },
          { fields: failures },
        );
      return results.map((r) => [
        msg('server.cli.backup.verified'),
        r.path,
        msg('server.cli.backup.state', {
          date: utc(r.manifest!.createdAt),
          count: r.manifest!.counts.records ?? 0,
        }),
      ]);
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
          ? msg('server.cli.backup.restoredNew', {
              date: utc(restored.createdAt),
              count: restored.records,
            })
          : msg('server.cli.backup.restored', {
              date: utc(restored.createdAt),
              count: restored.records,
              deleted: restored.deleted,
            }),
      ];
    }
    case 'backup.mail': {
      await services.clubs.requireClub(command.clubId);
      await backup.mailer.configure(command.clubId, command.addresses, command.recipients);
      return [msg('server.cli.backup.mailOn', { addresses: command.addresses.join(', ') })];
    }
    case 'backup.mail-off': {
      await services.clubs.requireClub(command.clubId);
      await backup.mailer.turnOff(command.clubId);
      return [msg('server.cli.backup.mailOff')];
    }
  }
}

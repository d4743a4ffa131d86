/**
 * `tutti-server backup setup` and `backup mail-server`: configuration, no database. The backup
 * key is made once and wrapped by the server passphrase (proven first by opening the server's
 * keys), so the operator keeps one secret; its key file goes beside the backups in every
 * target, so one surviving target and the passphrase are enough to restore a club.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Message, msg } from '../../shared/messages/message.ts';
import { writeFileAtomically } from '../../shared/node/backup/backupFolder.ts';
import {
  isAgeRecipient,
  newBackupKey,
  recipientOf,
  unwrapBackupKey,
  wrapBackupKey,
} from '../../shared/node/backup/backupKey.ts';
import type { DataDirectory } from '../app/dataDirectory.ts';
import { AppError } from '../errors.ts';

export async function setUpBackups(
  dir: DataDirectory,
  targets: string[],
  extraRecipients: string[],
  passphrase: () => Promise<string>,
): Promise<Message[]> {
  if (targets.length < 2) throw new AppError('bad_request', 'server.cli.backup.twoTargets');
  const absolute = targets.map((t) => resolve(t));
  if (new Set(absolute).size !== absolute.length)
    throw new AppError('bad_request', 'server.cli.backup.distinctTargets');
  for (const recipient of extraRecipients)
    if (!isAgeRecipient(recipient))
      throw new AppError('bad_request', 'server.cli.backup.badRecipient', { recipient });
  const secret = await passphrase();
  await dir.unlock(secret); // the server passphrase, or a clear refusal
  let recipient: string;
  if (existsSync(dir.backupKeyPath)) {
    recipient = await recipientOf(await unwrapBackupKey(readFileSync(dir.backupKeyPath), secret));
  } else {
    const key = await newBackupKey();
    writeFileAtomically(dir.backupKeyPath, await wrapBackupKey(key.identity, secret));
    recipient = key.recipient;
  }
  for (const target of absolute) mkdirSync(target, { recursive: true, mode: 0o700 });
  const previous = dir.config().backup;
  dir.setBackupConfig({ ...previous, targets: absolute, recipient, extraRecipients });
  return [
    msg('server.cli.backup.targetsSet', { targets: absolute.join(', ') }),
    msg('server.cli.backup.keyStored', { path: dir.backupKeyPath }),
  ];
}

export function setUpBackupMail(
  dir: DataDirectory,
  options: { host: string; port?: string; from: string; tls: boolean; maxMegabytes?: string },
): Message[] {
  const backup = dir.config().backup;
  if (!backup) throw new AppError('bad_request', 'server.cli.backup.setupFirst');
  const port = Number(options.port ?? (options.tls ? 465 : 25));
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new AppError('bad_request', 'server.cli.portRange', { option: '--smtp-port', min: 1 });
  const megabytes = Number(options.maxMegabytes ?? 10);
  if (!(megabytes > 0 && megabytes <= 100))
    throw new AppError('bad_request', 'server.cli.backup.maxMb');
  dir.setBackupConfig({
    ...backup,
    mail: {
      host: options.host,
      port,
      secure: options.tls,
      from: options.from,
      maxBytes: Math.round(megabytes * 1_000_000),
    },
  });
  return [msg('server.cli.backup.mailServerSet', { host: options.host, port, from: options.from })];
}

/**
 * `tutti-server backup setup` and `backup mail-server`: configuration, no database. The backup
 * key is made once and wrapped by the server passphrase (proven first by opening the server's
 * keys), so the operator keeps one secret; its key file goes beside the backups in every
 * target, so one surviving target and the passphrase are enough to restore a club.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomically } from '../../shared/node/backup/backupFolder.ts';
import {
  isAgeRecipient,
  newBackupKey,
  recipientOf,
  unwrapBackupKey,
  wrapBackupKey,
} from '../../shared/node/backup/backupKey.ts';
import type { DataDirectory } from '../app/dataDirectory.ts';
import { ServiceError } from '../errors.ts';

export async function setUpBackups(
  dir: DataDirectory,
  targets: string[],
  extraRecipients: string[],
  passphrase: () => Promise<string>,
): Promise<string[]> {
  if (targets.length < 2)
    throw new ServiceError(
      'bad_request',
      'Bitte mindestens zwei Sicherungsziele mit --target ORDNER angeben, am besten auf verschiedenen Platten.',
    );
  const absolute = targets.map((t) => resolve(t));
  if (new Set(absolute).size !== absolute.length)
    throw new ServiceError('bad_request', 'Die Sicherungsziele müssen verschiedene Ordner sein.');
  for (const recipient of extraRecipients)
    if (!isAgeRecipient(recipient))
      throw new ServiceError('bad_request', `„${recipient}“ ist kein age-Empfänger (age1…).`);
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
    `Sicherungsziele: ${absolute.join(', ')}. Jeder Verein wird täglich in jedes Ziel gesichert.`,
    `Der Sicherungsschlüssel liegt in ${dir.backupKeyPath} und in jedem Ziel (geschützt mit der Server-Passphrase).`,
  ];
}

export function setUpBackupMail(
  dir: DataDirectory,
  options: { host: string; port?: string; from: string; tls: boolean; maxMegabytes?: string },
): string[] {
  const backup = dir.config().backup;
  if (!backup)
    throw new ServiceError(
      'bad_request',
      'Zuerst die Sicherungsziele einrichten: tutti-server backup setup.',
    );
  const port = Number(options.port ?? (options.tls ? 465 : 25));
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new ServiceError('bad_request', '--smtp-port erwartet eine Portnummer (1–65535).');
  const megabytes = Number(options.maxMegabytes ?? 10);
  if (!(megabytes > 0 && megabytes <= 100))
    throw new ServiceError('bad_request', '--max-mb erwartet eine Zahl von 1 bis 100.');
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
  return [`Mailserver ${options.host}:${port} eingerichtet; Absender ${options.from}.`];
}

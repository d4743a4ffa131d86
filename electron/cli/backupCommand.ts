/**
 * `tutti backup create|list|verify|restore`. The backup passphrase comes from
 * `--passphrase-file F` or a hidden prompt; it is needed to set the backups up and to read
 * them, never to write one (backups are encrypted to the key's public recipient).
 */

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/api/appError.ts';
import type { BackupKind } from '../../shared/domain/backupKinds.ts';
import {
  MIN_PASSPHRASE_LENGTH as MIN_BACKUP_PASSPHRASE_LENGTH,
  type PassphraseStrength,
  passphraseStrength,
} from '../../shared/domain/passphraseStrength.ts';
import { formatFileSize } from '../../shared/domain/sizes.ts';
import { msg } from '../../shared/messages/message.ts';
import { listGenerations } from '../../shared/node/backup/backupFolder.ts';
import { KEY_FILE_NAME } from '../../shared/node/backup/backupKey.ts';
import { assertBackupPassphrase } from '../backup/backupErrors.ts';
import { DesktopBackups } from '../backup/desktopBackups.ts';
import { restoreBackup } from '../backup/restoreBackup.ts';
import { verifyBackup } from '../backup/verifyBackup.ts';
import { openProfile } from '../core/profile.ts';
import { askNewPassphrase } from '../keys/newPassphrase.ts';
import { promptHidden, readPassphraseFile } from '../keys/passphraseSource.ts';
import { parseCommandArgs, required } from './args.ts';
import { entityText } from './entityText.ts';
import type { Terminal } from './terminal.ts';

const STRENGTH_KEYS: Record<PassphraseStrength, string> = {
  zu_kurz: 'cli.passphrase.strengths.tooShort',
  schwach: 'cli.passphrase.strengths.weak',
  mittel: 'cli.passphrase.strengths.fair',
  stark: 'cli.passphrase.strengths.strong',
};

const KIND_KEYS: Record<BackupKind, string> = {
  automatic: 'cli.backup.kinds.automatic',
  manual: 'cli.backup.kinds.manual',
  'before-import': 'cli.backup.kinds.beforeImport',
  'before-restore': 'cli.backup.kinds.beforeRestore',
};

async function backupPassphrase(
  cli: Terminal,
  file: string | undefined,
  isNew: boolean,
): Promise<string> {
  if (file) return readPassphraseFile(file);
  if (!isNew) return promptHidden(cli.text('cli.passphrase.backup'));
  return askNewPassphrase(
    { ask: promptHidden, say: (line) => process.stderr.write(`${line}\n`) },
    {
      question: msg('cli.passphrase.newBackup', { min: MIN_BACKUP_PASSPHRASE_LENGTH }),
      // The rule the backup key is wrapped under, so a refusal comes now, not after the repeat.
      problem: (p) => {
        try {
          assertBackupPassphrase(p);
          return null;
        } catch (error) {
          if (error instanceof AppError) return error.text;
          throw error;
        }
      },
      afterFirst: (passphrase) =>
        msg('cli.passphrase.strength', {
          strength: msg(STRENGTH_KEYS[passphraseStrength(passphrase)]),
        }),
      language: cli.language,
    },
  );
}

async function create(argv: string[], cli: Terminal): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    profile: { type: 'string' },
    to: { type: 'string' },
    'passphrase-file': { type: 'string' },
  });
  const profileDir = required(values.profile, 'cli.args.profileMissing');
  // A folder named on the command line is meant: it is created when missing.
  const folder = resolve(required(values.to, 'cli.backup.targetMissing'));
  const profile = await openProfile(profileDir, cli.keyStore(profileDir));
  try {
    const backups = new DesktopBackups(profile.store);
    // The passphrase is needed only once, to set the backups up (or to join a folder's key).
    if (!backups.hasKey()) {
      const joining = existsSync(join(folder, KEY_FILE_NAME));
      const passphrase = await backupPassphrase(cli, values['passphrase-file'], !joining);
      await backups.configure(folder, passphrase, true);
    }
    const created = await backups.create({ folder });
    const records = Object.entries(created.manifest.counts)
      .filter(([table]) => table !== 'outbox')
      .reduce((sum, [, n]) => sum + n, 0);
    cli.print('cli.backup.created', {
      path: created.generation.path,
      count: records,
      size: formatFileSize(created.generation.bytes, cli.language),
    });
    if (created.removed.length > 0)
      cli.print('cli.backup.pruned', { count: created.removed.length });
    return 0;
  } finally {
    profile.close();
  }
}

function list(argv: string[], cli: Terminal): number {
  const { values } = parseCommandArgs(argv, { to: { type: 'string' } });
  const folder = required(values.to, 'cli.backup.folderMissing');
  const generations = listGenerations(folder);
  if (generations.length === 0) {
    cli.print('cli.backup.none', { folder });
    return 0;
  }
  for (const g of generations) {
    const kind = cli.text(KIND_KEYS[g.kind]);
    const what = g.keptUntil
      ? cli.text('cli.backup.keptUntil', { kind, date: cli.date(g.keptUntil) })
      : kind;
    const size = formatFileSize(g.bytes, cli.language).padStart(9);
    cli.out.write(`${cli.dateTime(g.createdAt)}  ${size}  ${g.name}  (${what})\n`);
  }
  if (!existsSync(join(folder, KEY_FILE_NAME)))
    cli.print('cli.backup.keyFileMissing', { keyFile: KEY_FILE_NAME });
  return 0;
}

async function verify(argv: string[], cli: Terminal): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    key: { type: 'string' },
    'passphrase-file': { type: 'string' },
  });
  const file = required(positionals[0], 'cli.backup.verifyFileMissing');
  const passphrase = await backupPassphrase(cli, values['passphrase-file'], false);
  const { manifest } = await verifyBackup(file, passphrase, values.key);
  const counts = Object.entries(manifest.counts)
    .filter(([table]) => table !== 'outbox')
    .map(([table, n]) => `${entityText(cli, table)} ${n}`)
    .join(', ');
  cli.print('cli.backup.verified', {
    date: cli.dateTime(new Date(manifest.createdAt)),
    version: manifest.app.version,
    schema: manifest.schemaVersion,
    counts,
  });
  return 0;
}

async function restore(argv: string[], cli: Terminal): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    profile: { type: 'string' },
    key: { type: 'string' },
    'passphrase-file': { type: 'string' },
  });
  const file = required(positionals[0], 'cli.backup.restoreFileMissing');
  const profileDir = required(values.profile, 'cli.args.profileMissing');
  const passphrase = await backupPassphrase(cli, values['passphrase-file'], false);
  const restored = await restoreBackup(profileDir, file, passphrase, {
    keyFile: values.key,
    keyStore: cli.keyStore(profileDir),
  });
  const date = cli.dateTime(new Date(restored.manifest.createdAt));
  if (restored.previous)
    cli.print('cli.backup.restoredOver', { date, previous: restored.previous });
  else cli.print('cli.backup.restored', { date });
  if (restored.safetyBackup) cli.print('cli.backup.safety', { path: restored.safetyBackup });
  if (!restored.connected) cli.print('cli.backup.reconnect');
  return 0;
}

export async function backupCommand(argv: string[], cli: Terminal): Promise<number> {
  const [action, ...rest] = argv;
  switch (action) {
    case 'create':
      return create(rest, cli);
    case 'list':
      return list(rest, cli);
    case 'verify':
      return verify(rest, cli);
    case 'restore':
      return restore(rest, cli);
    default:
      throw new AppError('bad_arguments', 'cli.backup.action');
  }
}

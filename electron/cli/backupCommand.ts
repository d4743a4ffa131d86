/**
 * `tutti backup create|list|verify|restore`. The backup passphrase comes from
 * `--passphrase-file F` or a hidden prompt; it is needed to set the backups up and to read
 * them, never to write one (backups are encrypted to the key's public recipient).
 */

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BackupKind } from '../../shared/domain/backupKinds.ts';
import { entityLabel } from '../../shared/domain/entityLabels.ts';
import {
  MIN_PASSPHRASE_LENGTH as MIN_BACKUP_PASSPHRASE_LENGTH,
  passphraseStrength,
} from '../../shared/domain/passphraseStrength.ts';
import { formatFileSize } from '../../shared/domain/sizes.ts';
import { listGenerations } from '../../shared/node/backup/backupFolder.ts';
import { assertUsablePassphrase, KEY_FILE_NAME } from '../../shared/node/backup/backupKey.ts';
import { DesktopBackups } from '../backup/desktopBackups.ts';
import { restoreBackup } from '../backup/restoreBackup.ts';
import { verifyBackup } from '../backup/verifyBackup.ts';
import { CoreError } from '../core/coreError.ts';
import { openProfile } from '../core/profile.ts';
import { askNewPassphrase } from '../keys/newPassphrase.ts';
import { promptHidden, readPassphraseFile } from '../keys/passphraseSource.ts';
import { parseCommandArgs } from './args.ts';

const STRENGTH_HINT = {
  zu_kurz: 'zu kurz',
  schwach: 'schwach',
  mittel: 'mittel',
  stark: 'stark',
} as const;

const KIND_LABELS: Record<BackupKind, string> = {
  automatic: 'automatisch',
  manual: 'von Hand',
  'before-import': 'vor einem Import',
  'before-restore': 'vor einer Wiederherstellung',
};

const pad = (n: number) => String(n).padStart(2, '0');

function germanDate(at: Date): string {
  return `${pad(at.getDate())}.${pad(at.getMonth() + 1)}.${at.getFullYear()}`;
}

function germanDateTime(at: Date): string {
  return `${germanDate(at)} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

async function backupPassphrase(file: string | undefined, isNew: boolean): Promise<string> {
  if (file) return readPassphraseFile(file);
  if (!isNew) return promptHidden('Passphrase der Datensicherung: ');
  return askNewPassphrase(
    { ask: promptHidden, say: (line) => process.stderr.write(`${line}\n`) },
    {
      question: `Neue Passphrase der Datensicherung (mind. ${MIN_BACKUP_PASSPHRASE_LENGTH} Zeichen): `,
      // The rule the backup key is wrapped under, so a refusal comes now, not after the repeat.
      problem: (p) => {
        try {
          assertUsablePassphrase(p);
          return null;
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      },
      afterFirst: (passphrase) => `Stärke: ${STRENGTH_HINT[passphraseStrength(passphrase)]}`,
    },
  );
}

function required(value: string | undefined, message: string): string {
  if (!value) throw new CoreError('bad_arguments', message);
  return value;
}

async function create(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    profile: { type: 'string' },
    to: { type: 'string' },
    'passphrase-file': { type: 'string' },
  });
  const profileDir = required(
    values.profile,
    'Bitte den Profilordner mit --profile ORDNER angeben.',
  );
  // A folder named on the command line is meant: it is created when missing.
  const folder = resolve(required(values.to, 'Bitte den Zielordner mit --to ORDNER angeben.'));
  const profile = await openProfile(profileDir);
  try {
    const backups = new DesktopBackups(profile.store);
    // The passphrase is needed only once, to set the backups up (or to join a folder's key).
    if (!backups.hasKey()) {
      const joining = existsSync(join(folder, KEY_FILE_NAME));
      const passphrase = await backupPassphrase(values['passphrase-file'], !joining);
      await backups.configure(folder, passphrase, true);
    }
    const created = await backups.create({ folder });
    const records = Object.entries(created.manifest.counts)
      .filter(([table]) => table !== 'outbox')
      .reduce((sum, [, n]) => sum + n, 0);
    out.write(
      `Gesichert: ${created.generation.path} (${records} Datensätze, ${formatFileSize(created.generation.bytes)})\n`,
    );
    if (created.removed.length > 0)
      out.write(
        `Nach der Aufbewahrungsregel entfernt: ${created.removed.length} ältere Sicherung(en)\n`,
      );
    return 0;
  } finally {
    profile.close();
  }
}

function list(argv: string[], out: NodeJS.WritableStream): number {
  const { values } = parseCommandArgs(argv, { to: { type: 'string' } });
  const folder = required(values.to, 'Bitte den Ordner mit --to ORDNER angeben.');
  const generations = listGenerations(folder);
  if (generations.length === 0) {
    out.write(`In ${folder} liegen keine Tutti-Sicherungen.\n`);
    return 0;
  }
  for (const g of generations) {
    const kept = g.keptUntil ? `, aufbewahrt bis ${germanDate(g.keptUntil)}` : '';
    out.write(
      `${germanDateTime(g.createdAt)}  ${formatFileSize(g.bytes).padStart(9)}  ${g.name}  (${KIND_LABELS[g.kind]}${kept})\n`,
    );
  }
  if (!existsSync(join(folder, KEY_FILE_NAME)))
    out.write(
      `Achtung: ${KEY_FILE_NAME} fehlt in diesem Ordner; ohne sie lassen sich die Sicherungen nicht öffnen.\n`,
    );
  return 0;
}

async function verify(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    key: { type: 'string' },
    'passphrase-file': { type: 'string' },
  });
  const file = required(
    positionals[0],
    'Bitte die Sicherungsdatei angeben: tutti backup verify DATEI',
  );
  const passphrase = await backupPassphrase(values['passphrase-file'], false);
  const { manifest } = await verifyBackup(file, passphrase, values.key);
  const counts = Object.entries(manifest.counts)
    .filter(([table]) => table !== 'outbox')
    .map(([table, n]) => `${entityLabel(table)} ${n}`)
    .join(', ');
  out.write(
    `In Ordnung: Sicherung vom ${germanDateTime(new Date(manifest.createdAt))}, Tutti ${manifest.app.version}, Schema ${manifest.schemaVersion}; ${counts}\n`,
  );
  return 0;
}

async function restore(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    profile: { type: 'string' },
    key: { type: 'string' },
    'passphrase-file': { type: 'string' },
  });
  const file = required(
    positionals[0],
    'Bitte die Sicherungsdatei angeben: tutti backup restore DATEI --profile ORDNER',
  );
  const profileDir = required(
    values.profile,
    'Bitte den Profilordner mit --profile ORDNER angeben.',
  );
  const passphrase = await backupPassphrase(values['passphrase-file'], false);
  const restored = await restoreBackup(profileDir, file, passphrase, { keyFile: values.key });
  out.write(
    `Wiederhergestellt: Stand vom ${germanDateTime(new Date(restored.manifest.createdAt))}.${restored.previous ? ` Die bisherige Datenbank liegt unter ${restored.previous}.` : ''}\n`,
  );
  if (restored.safetyBackup)
    out.write(`Vorher gesichert (90 Tage aufbewahrt): ${restored.safetyBackup}\n`);
  if (!restored.connected)
    out.write(
      'Sicherungen enthalten keinen Geräteschlüssel: Ist dieser Verein auf einem Vereinsserver, das Profil bitte mit tutti enroll erneut verbinden.\n',
    );
  return 0;
}

export async function backupCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const [action, ...rest] = argv;
  switch (action) {
    case 'create':
      return create(rest, out);
    case 'list':
      return list(rest, out);
    case 'verify':
      return verify(rest, out);
    case 'restore':
      return restore(rest, out);
    default:
      throw new CoreError(
        'bad_arguments',
        'Bitte create, list, verify oder restore angeben. Hilfe: tutti --help',
      );
  }
}

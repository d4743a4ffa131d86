/**
 * `tutti import FILE --profile DIR [--mapping FILE] [--dry-run] [--password PW |
 *  --password-file F] [--report FILE] [--save-mapping FILE]`: moves a club in from its old program. Without
 * `--mapping` the proposed mapping is used; `--save-mapping` writes it out for review and
 * editing. The report (every row accounted for) goes to stdout or to `--report`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportSafetyBackup } from '../../shared/api/import.ts';
import { parseMapping } from '../../shared/import/mapping.ts';
import { importReportText } from '../../shared/import/reportText.ts';
import { BackupSettings } from '../backup/backupSettings.ts';
import { CoreError } from '../core/coreError.ts';
import { writeFileAtomic } from '../core/files.ts';
import { beginOpenProfile, type OpenedProfile, profilePaths } from '../core/profile.ts';
import { saveRecordInTransaction } from '../core/recordWriter.ts';
import { MappingMismatch, mappingFor, RightsUnknown, runImport } from '../import/importSource.ts';
import { ImportFileError } from '../import/readers/importError.ts';
import { readSourceFile } from '../import/readers/readSourceFile.ts';
import { passphraseAtHand } from '../keys/passphraseSource.ts';
import { LocalStore } from '../store/localStore.ts';
import { parseCommandArgs } from './args.ts';

function readInput(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new CoreError(
      'not_found',
      code === 'ENOENT'
        ? `${what} ${path} gibt es nicht. Bitte den Pfad prüfen.`
        : code === 'EISDIR'
          ? `${path} ist ein Ordner, keine Datei. Bitte die Datei angeben.`
          : `${what} ${path} lässt sich nicht lesen (${code ?? 'Fehler'}). Bitte die Rechte prüfen.`,
      { cause },
    );
  }
}

function writeOutput(path: string, text: string): void {
  try {
    writeFileAtomic(path, text, 0o600);
  } catch (cause) {
    throw new CoreError(
      'profile_not_writable',
      `Die Datei ${path} lässt sich nicht schreiben. Bitte Pfad und Rechte prüfen.`,
      { cause },
    );
  }
}

/** An empty encrypted database with a throwaway key, removed when closed. */
function scratchProfile(): OpenedProfile {
  const dir = mkdtempSync(join(tmpdir(), 'tutti-vorschau-'));
  const store = LocalStore.open(join(dir, 'vorschau.db'), randomBytes(32));
  return {
    paths: profilePaths(dir),
    store,
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Like the import in the program: a safety generation first, when backups are set up. The
 * backup code (age, tar) loads only then: an import without backups starts as fast as before.
 */
async function safetyBackupOf(store: LocalStore): Promise<ImportSafetyBackup> {
  if (!new BackupSettings(store.meta).isConfigured()) return { skipped: 'not_configured' };
  const { DesktopBackups, safetyBackupView } = await import('../backup/desktopBackups.ts');
  return safetyBackupView(await new DesktopBackups(store).createSafety('before-import'));
}

export async function importCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    profile: { type: 'string' },
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean' },
    password: { type: 'string' },
    'password-file': { type: 'string' },
    report: { type: 'string' },
    'save-mapping': { type: 'string' },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    throw new CoreError(
      'bad_arguments',
      'Bitte genau eine Datei angeben: tutti import DATEI --profile ORDNER',
    );
  }
  if (!values.profile)
    throw new CoreError('bad_arguments', 'Bitte den Profilordner mit --profile ORDNER angeben.');

  let given = null;
  if (values.mapping) {
    const parsed = parseMapping(readInput(values.mapping, 'Die Zuordnungsdatei').toString('utf8'));
    if (!parsed.ok) throw new CoreError('bad_arguments', `${parsed.error} (${values.mapping})`);
    given = parsed.mapping;
  }
  const password = values['password-file']
    ? readInput(values['password-file'], 'Die Passwortdatei')
        .toString('utf8')
        .replace(/\r?\n$/, '')
    : (values.password ?? null);
  const dryRun = values['dry-run'] === true;
  const bytes = readInput(file, 'Die Datei');
  // A passphrase read from a file costs nothing to fetch early: the profile's key derivation
  // (scrypt, ~0.6 s on libuv's thread pool) then runs while the main thread parses the file.
  // A person at the terminal is asked only once the file has proved readable. A new profile
  // is written only then, too. A preview for a profile that does not exist yet runs against
  // an empty scratch database: a preview never creates a profile.
  const previewOnly = dryRun && !existsSync(profilePaths(values.profile).database);
  let pending = !previewOnly && passphraseAtHand() ? await beginOpenProfile(values.profile) : null;
  let source: Awaited<ReturnType<typeof readSourceFile>>;
  let mapping: ReturnType<typeof mappingFor>;
  try {
    source = await readSourceFile(file, bytes, password);
    mapping = mappingFor(source, given);
    if (values['save-mapping']) {
      writeOutput(values['save-mapping'], `${JSON.stringify(mapping, null, 2)}\n`);
      process.stderr.write(`Zuordnung gespeichert in ${values['save-mapping']}\n`);
    }
  } catch (error) {
    await pending?.discard();
    if (error instanceof ImportFileError) {
      const hint = error.reason === 'password_needed' ? ' (--password-file DATEI)' : '';
      throw new CoreError('import_unreadable', `${error.message}${hint}`, { cause: error });
    }
    if (error instanceof RightsUnknown) {
      throw new CoreError('bad_arguments', error.message, { cause: error });
    }
    if (error instanceof MappingMismatch) {
      throw new CoreError(
        'bad_arguments',
        `Die Zuordnung passt nicht zur Datei: ${error.problems[0]}`,
        { cause: error },
      );
    }
    throw error;
  }
  if (!previewOnly) pending ??= await beginOpenProfile(values.profile);
  const profile = pending ? await pending.open() : scratchProfile();
  let text: string;
  try {
    const store = profile.store;
    const safety = dryRun ? null : await safetyBackupOf(store);
    const imported = await runImport(
      store,
      (entity, draft) => saveRecordInTransaction(store, entity, draft),
      source,
      mapping,
      {
        dryRun,
        chunkSize: 100_000,
      },
    );
    const report = safety ? { ...imported, safetyBackup: safety } : imported;
    text = importReportText(report);
  } finally {
    profile.close();
  }
  if (values.report) {
    writeOutput(values.report, text);
    out.write(`${text.split('\n\n')[0]}\n\nVollständiger Bericht: ${values.report}\n`);
  } else {
    out.write(text);
  }
  return 0;
}

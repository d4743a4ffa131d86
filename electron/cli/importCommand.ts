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
import { AppError } from '../../shared/api/appError.ts';
import type { ImportSafetyBackup } from '../../shared/api/import.ts';
import { importTextIn } from '../../shared/import/importText.ts';
import { parseMapping } from '../../shared/import/mapping.ts';
import { importReportText } from '../../shared/import/reportText.ts';
import { msg } from '../../shared/messages/message.ts';
import { writeFileAtomic } from '../../shared/node/writeFileAtomic.ts';
import { BackupSettings } from '../backup/backupSettings.ts';
import { beginOpenProfile, type OpenedProfile, profilePaths } from '../core/profile.ts';
import { saveRecordInTransaction } from '../core/recordWriter.ts';
import { MappingMismatch, mappingFor, RightsUnknown, runImport } from '../import/importSource.ts';
import { ImportFileError } from '../import/readers/importError.ts';
import { readSourceFile } from '../import/readers/readSourceFile.ts';
import { passphraseAtHand } from '../keys/passphraseSource.ts';
import { LocalStore } from '../store/localStore.ts';
import { parseCommandArgs } from './args.ts';
import type { Terminal } from './terminal.ts';

/** Reads a file named on the command line; `what` names it (`cli.files.file`, …). */
function readInput(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const options = { cause };
    const whatText = msg(what);
    if (code === 'ENOENT')
      throw new AppError('not_found', 'cli.files.missing', { what: whatText, path }, options);
    if (code === 'EISDIR') throw new AppError('not_found', 'cli.files.isFolder', { path }, options);
    throw new AppError(
      'not_found',
      'cli.files.unreadable',
      { what: whatText, path, code: code ?? (cause as Error).message },
      options,
    );
  }
}

function writeOutput(path: string, text: string): void {
  try {
    writeFileAtomic(path, text, 0o600);
  } catch (cause) {
    throw new AppError('profile_not_writable', 'cli.files.unwritable', { path }, { cause });
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

export async function importCommand(argv: string[], cli: Terminal): Promise<number> {
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
    throw new AppError('bad_arguments', 'cli.import.oneFile');
  }
  if (!values.profile) throw new AppError('bad_arguments', 'cli.args.profileMissing');
  const profileDir = values.profile;

  let given = null;
  if (values.mapping) {
    const parsed = parseMapping(
      readInput(values.mapping, 'cli.files.mappingFile').toString('utf8'),
    );
    if (!parsed.ok)
      throw new AppError('bad_arguments', 'cli.import.badMapping', {
        problem: importTextIn(parsed.error, cli.language),
        file: values.mapping,
      });
    given = parsed.mapping;
  }
  const password = values['password-file']
    ? readInput(values['password-file'], 'cli.files.passwordFile')
        .toString('utf8')
        .replace(/\r?\n$/, '')
    : (values.password ?? null);
  const dryRun = values['dry-run'] === true;
  const bytes = readInput(file, 'cli.files.file');
  // A passphrase read from a file costs nothing to fetch early: the profile's key derivation
  // (scrypt, ~0.6 s on libuv's thread pool) then runs while the main thread parses the file.
  // A person at the terminal is asked only once the file has proved readable. A new profile
  // is written only then, too. A preview for a profile that does not exist yet runs against
  // an empty scratch database: a preview never creates a profile.
  const previewOnly = dryRun && !existsSync(profilePaths(profileDir).database);
  const keyStore = cli.keyStore(profileDir);
  let pending =
    !previewOnly && passphraseAtHand() ? await beginOpenProfile(profileDir, keyStore) : null;
  let source: Awaited<ReturnType<typeof readSourceFile>>;
  let mapping: ReturnType<typeof mappingFor>;
  try {
    source = await readSourceFile(file, bytes, password);
    mapping = mappingFor(source, given);
    if (values['save-mapping']) {
      writeOutput(values['save-mapping'], `${JSON.stringify(mapping, null, 2)}\n`);
      cli.note('cli.import.mappingSaved', { path: values['save-mapping'] });
    }
  } catch (error) {
    await pending?.discard();
    if (error instanceof ImportFileError && error.reason === 'password_needed')
      throw new AppError(
        'import_unreadable',
        'cli.import.passwordNeeded',
        { problem: error.text },
        { cause: error },
      );
    if (error instanceof RightsUnknown)
      throw new AppError('bad_arguments', error.key, error.params, { cause: error });
    if (error instanceof MappingMismatch)
      throw new AppError(
        'bad_arguments',
        'cli.import.mappingMismatch',
        { problem: error.problems[0] ?? '' },
        { cause: error },
      );
    throw error;
  }
  if (!previewOnly) pending ??= await beginOpenProfile(profileDir, keyStore);
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
    text = importReportText(report, cli.language);
  } finally {
    profile.close();
  }
  if (values.report) {
    writeOutput(values.report, text);
    cli.out.write(`${text.split('\n\n')[0]}\n\n`);
    cli.print('cli.import.fullReport', { path: values.report });
  } else {
    cli.out.write(text);
  }
  return 0;
}

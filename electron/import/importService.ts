/**
 * The import wizard's side in the core: holds the file the secretary chose (read once), answers
 * with its tables and a proposed mapping, previews and runs the import, and reports progress
 * while it runs. One file at a time; one import at a time.
 */
import type {
  ImportProgress,
  ImportReport,
  ImportSafetyBackup,
  ImportSourceView,
} from '../../shared/api/import.ts';
import { type ApiResult, fail, ok } from '../../shared/api/result.ts';
import type { ImportMapping } from '../../shared/import/mapping.ts';
import type { SourceFile } from '../../shared/import/sourceTable.ts';
import { type SafetyBackup, safetyBackupView } from '../backup/desktopBackups.ts';
import { CoreError } from '../core/coreError.ts';
import { saveRecordInTransaction } from '../core/recordWriter.ts';
import type { LocalStore } from '../store/localStore.ts';
import { MappingMismatch, mappingFor, RightsUnknown, runImport } from './importSource.ts';
import { ImportFileError } from './readers/importError.ts';
import { readSourceFile } from './readers/readSourceFile.ts';

const SAMPLE_ROWS = 5;
/** Rows per transaction in the UI: small enough for a smooth progress bar. */
const UI_CHUNK = 500;

export class ImportService {
  private source: SourceFile | null = null;
  private state: ImportProgress = { running: false, done: 0, total: 0 };

  constructor(
    private readonly store: LocalStore,
    private readonly changed: () => void,
    /** Makes the safety generation before an import (throws when it cannot be written). */
    private readonly safetyBackup: () => Promise<SafetyBackup> = async () => ({
      skipped: 'not_configured',
    }),
  ) {}

  async open(
    fileName: string,
    contentBase64: string,
    password: string | null,
  ): Promise<ApiResult<ImportSourceView>> {
    if (this.state.running)
      return fail('conflict', 'Ein Import läuft gerade; bitte sein Ende abwarten.');
    let source: SourceFile;
    try {
      source = await readSourceFile(
        fileName,
        Buffer.from(contentBase64, 'base64'),
        password && password !== '' ? password : null,
      );
    } catch (error) {
      if (error instanceof ImportFileError) {
        const field =
          error.reason === 'password_needed' || error.reason === 'wrong_password'
            ? 'password'
            : 'file';
        return fail('validation', error.message, { [field]: error.message });
      }
      throw error;
    }
    this.source = source;
    return ok({
      fileName: source.fileName,
      format: source.format,
      notes: source.notes,
      mapping: mappingFor(source, null),
      tables: source.tables.map((table) => ({
        name: table.name,
        rowCount: table.rows.length,
        columns: table.columns,
        sample: table.rows.slice(0, SAMPLE_ROWS),
      })),
    });
  }

  preview(mapping: ImportMapping): Promise<ApiResult<ImportReport>> {
    return this.execute(mapping, true);
  }

  run(mapping: ImportMapping): Promise<ApiResult<ImportReport>> {
    return this.execute(mapping, false);
  }

  private async safetyBeforeImport(): Promise<ImportSafetyBackup> {
    return safetyBackupView(await this.safetyBackup());
  }

  progress(): ImportProgress {
    return { ...this.state };
  }

  private async execute(mapping: ImportMapping, dryRun: boolean): Promise<ApiResult<ImportReport>> {
    const source = this.source;
    if (!source) return fail('not_found', 'Bitte zuerst eine Datei wählen.');
    if (this.state.running)
      return fail('conflict', 'Ein Import läuft gerade; bitte sein Ende abwarten.');
    if (!mapping.tables.some((table) => table.entity !== null)) {
      return fail(
        'validation',
        'Keine Tabelle ist zugeordnet; bitte mindestens einer eine Datenart geben.',
      );
    }
    this.state = { running: true, done: 0, total: 0 };
    let safety: ImportSafetyBackup | undefined;
    try {
      safety = dryRun ? undefined : await this.safetyBeforeImport();
    } catch (error) {
      this.state = { ...this.state, running: false };
      if (error instanceof CoreError) return fail('unavailable', error.message);
      throw error;
    }
    try {
      const report = await runImport(
        this.store,
        (entity, draft) => saveRecordInTransaction(this.store, entity, draft),
        source,
        mapping,
        {
          dryRun,
          chunkSize: UI_CHUNK,
          onProgress: (done, total) => {
            this.state = { running: true, done, total };
          },
        },
      );
      if (!dryRun) {
        this.changed();
        // The file's personal data is not kept in memory longer than needed.
        this.source = null;
      }
      return ok(safety ? { ...report, safetyBackup: safety } : report);
    } catch (error) {
      if (error instanceof MappingMismatch) return fail('validation', error.problems[0]!);
      if (error instanceof RightsUnknown) return fail('forbidden', error.message);
      if (dryRun || this.state.done === 0) throw error;
      // Rows of the chunks before the failure are saved (and recognised by the next import).
      this.changed();
      return fail(
        'internal',
        `Der Import brach nach ${this.state.done} von ${this.state.total} Schritten ab (${error instanceof Error ? error.message : String(error)}). Was bis dahin übernommen wurde, bleibt gespeichert; ein erneuter Import derselben Datei ergänzt den Rest, ohne etwas doppelt anzulegen.`,
      );
    } finally {
      this.state = { ...this.state, running: false };
    }
  }
}

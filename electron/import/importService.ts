/**
 * The import wizard's side in the core: holds the file the secretary chose (read once), answers
 * with its tables and a proposed mapping, previews and runs the import, and reports progress
 * while it runs. One file at a time; one import at a time.
 *
 * A preview can be cancelled (issue #26): it runs on a private copy of the data, in chunks, and
 * stops between two of them; the file stays open for the next preview. An import *run* cannot:
 * it writes chunk after chunk into the live data, and stopping it between two would leave half
 * an import behind — only a failure does that, and it says so (`import.aborted`).
 */

import { AppError, failWith } from '../../shared/api/appError.ts';
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
import { LongWork, notCancellable, nothingToCancel, WorkCancelled } from '../core/longWork.ts';
import { saveRecordInTransaction } from '../core/recordWriter.ts';
import type { LocalStore } from '../store/localStore.ts';
import { MappingMismatch, mappingFor, RightsUnknown, runImport } from './importSource.ts';
import { readSourceFile } from './readers/readSourceFile.ts';

const SAMPLE_ROWS = 5;
/** Rows per transaction in the UI: small enough for a smooth progress bar. */
const UI_CHUNK = 500;

export class ImportService {
  private source: SourceFile | null = null;
  private state: ImportProgress = { running: false, done: 0, total: 0, preview: false };
  /** The preview under way, which a cancel request stops; null during a run or when idle. */
  private previewWork: LongWork | null = null;

  constructor(
    private readonly store: LocalStore,
    private readonly changed: () => void,
    /** Makes the safety generation before an import (throws when it cannot be written). */
    private readonly safetyBackup: () => Promise<SafetyBackup> = async () => ({
      skipped: 'not_configured',
    }),
    /** Told each time the progress moves (the status event carries it, issue #25). */
    private readonly progressed: () => void = () => {},
  ) {}

  async open(
    fileName: string,
    contentBase64: string,
    password: string | null,
  ): Promise<ApiResult<ImportSourceView>> {
    if (this.state.running) return failWith(new AppError('import_running', 'import.running'));
    let source: SourceFile;
    try {
      source = await readSourceFile(
        fileName,
        Buffer.from(contentBase64, 'base64'),
        password && password !== '' ? password : null,
      );
    } catch (error) {
      // An ImportFileError: its message at the file's field, or at the password's.
      return failWith(error);
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

  /** Stops a preview between two chunks; an import run is never stopped (see above). */
  cancelPreview(): ApiResult<null> {
    if (this.previewWork) return this.previewWork.cancel();
    if (this.state.running) return notCancellable('import.runNotCancellable');
    return nothingToCancel();
  }

  private async execute(mapping: ImportMapping, dryRun: boolean): Promise<ApiResult<ImportReport>> {
    const source = this.source;
    if (!source) return fail('not_found', 'import.noFile');
    if (this.state.running) return failWith(new AppError('import_running', 'import.running'));
    if (!mapping.tables.some((table) => table.entity !== null))
      return fail('validation', 'import.noTable');
    this.state = { running: true, done: 0, total: 0, preview: dryRun };
    let safety: ImportSafetyBackup | undefined;
    try {
      safety = dryRun ? undefined : await this.safetyBeforeImport();
    } catch (error) {
      this.state = { ...this.state, running: false };
      // The safety generation could not be made (its AppError says why): nothing is imported.
      return failWith(error);
    }
    // A preview works on a private copy (LocalStore.scratchCopy), so it may pause between
    // chunks without holding a transaction open on the live data.
    const work = dryRun
      ? new LongWork('importPreview', 'check', () => {}, { cancelled: 'import.cancelled' })
      : null;
    let target: LocalStore | null = null;
    this.previewWork = work;
    try {
      target = work ? this.store.scratchCopy() : this.store;
      const store = target;
      const report = await runImport(
        store,
        (entity, draft) => saveRecordInTransaction(store, entity, draft),
        source,
        mapping,
        {
          dryRun,
          chunkSize: UI_CHUNK,
          scratch: work ? { checkCancelled: () => work.throwIfCancelled() } : undefined,
          onProgress: (done, total) => {
            this.state = { running: true, done, total, preview: dryRun };
            this.progressed();
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
      if (error instanceof MappingMismatch) {
        const problem = error.problems[0]!;
        return fail('validation', problem.key, problem.params);
      }
      if (error instanceof RightsUnknown || error instanceof WorkCancelled) return failWith(error);
      if (dryRun || this.state.done === 0) throw error;
      // Rows of the chunks before the failure are saved (and recognised by the next import).
      this.changed();
      return fail('internal', 'import.aborted', {
        done: this.state.done,
        total: this.state.total,
        // Technical, for whoever helps: said as it came.
        detail: (error instanceof Error ? error.message : String(error)).slice(0, 500),
      });
    } finally {
      this.previewWork = null;
      if (target && target !== this.store) target.close();
      this.state = { ...this.state, running: false };
      this.progressed();
    }
  }
}

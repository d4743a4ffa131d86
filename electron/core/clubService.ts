/**
 * The desktop core's implementation of `ClubApi` over the local store. Every transport
 * (Electron IPC, the local browser mode) hands calls to this one object.
 */

import { hostname } from 'node:os';
import { AppError, failWith } from '../../shared/api/appError.ts';
import type {
  BackupStatus,
  RestoredBackupView,
  VerifiedBackupView,
} from '../../shared/api/backup.ts';
import type { ClubApi, CoreStatus } from '../../shared/api/clubApi.ts';
import type {
  AppStatus,
  ChangeOrigin,
  Disposable,
  RecordsChange,
} from '../../shared/api/events.ts';
import type {
  ExportedFile,
  ListExportRequest,
  MemberPrint,
  ReportExport,
} from '../../shared/api/export.ts';
import type { ImportProgress, ImportReport, ImportSourceView } from '../../shared/api/import.ts';
import { type ApiResult, fail, ok } from '../../shared/api/result.ts';
import type { SyncJournalView, SyncStatus } from '../../shared/api/sync.ts';
import type { CancellableWork } from '../../shared/api/work.ts';
import {
  type Draft,
  ENTITY_NAMES,
  type EntityMap,
  type EntityName,
} from '../../shared/domain/entities.ts';
import type { ImportMapping } from '../../shared/import/mapping.ts';
import { type AccessView, deviceRights } from '../../shared/rights/deviceRights.ts';
import { BackupService } from '../backup/backupService.ts';
import { exportList } from '../export/listExport.ts';
import { printMembers } from '../export/memberPrints.ts';
import { ImportService } from '../import/importService.ts';
import { exportReport } from '../reports/reportExport.ts';
import type { LocalStore } from '../store/localStore.ts';
import { DesktopSync } from '../sync/desktopSync.ts';
import { SyncSettings } from '../sync/syncSettings.ts';
import { CoreEvents } from './coreEvents.ts';
import { checkInvariants, deletionBlocker } from './invariants.ts';
import { WorkCancelled } from './longWork.ts';
import { NOT_FOUND, saveRecord } from './recordWriter.ts';
import { registerLinks } from './registerLinks.ts';

/** Above this many changed records of one kind, the whole list is sent (a first sync). */
const WHOLE_LIST_ABOVE = 2_000;

export class ClubService implements ClubApi {
  constructor(
    private readonly store: LocalStore,
    private readonly profileLabel: string,
    private readonly sync: DesktopSync = new DesktopSync(store),
    private readonly backups: BackupService = new BackupService(store),
  ) {
    this.imports = new ImportService(
      store,
      () => this.sync.localChanged(),
      () => this.backups.safetyBeforeImport(),
      () => this.events.statusMayHaveChanged(), // the import's progress
    );
    this.events = new CoreEvents(
      () => this.appStatus(),
      (line) => console.error(line),
    );
    this.backups.onDidChange((now) =>
      now ? this.events.statusNow() : this.events.statusMayHaveChanged(),
    );
    this.sync.onDidChangeStatus(() => this.events.statusMayHaveChanged());
    this.sync.onDidChangeRecords((changes) => {
      for (const change of changes) {
        // A first sync brings whole lists: read once, not record by record.
        if (!this.events.hasRecordListeners()) continue;
        if (change.upserted.length > WHOLE_LIST_ABOVE) this.tellWhole(change.entity, 'sync');
        else this.tellStored(change.entity, change.upserted, change.removed, 'sync');
      }
    });
  }

  private readonly imports: ImportService;
  private readonly events: CoreEvents;

  /** Records that really changed (issue #25): saved here, synced, imported, restored. */
  readonly onDidChangeRecords = (listener: (change: RecordsChange) => void): Disposable =>
    this.events.records.event(listener);

  /** The status of core, sync, backup and import, when it changed. */
  readonly onDidChangeStatus = (listener: (status: AppStatus) => void): Disposable =>
    this.events.status.event(listener);

  /** What the status event carries; read cheaply (no folder listing, no network). */
  appStatus(): AppStatus {
    return {
      core: this.coreStatus(),
      sync: this.sync.status(),
      backup: this.backups.progressView(),
      import: this.imports.progress(),
    };
  }

  /** Tells the records `ids` as they are stored now: live ones as changed, the rest as gone. */
  private tellStored(
    entity: EntityName,
    ids: readonly string[],
    removed: readonly string[],
    origin: ChangeOrigin,
  ): void {
    const upserted: EntityMap[EntityName][] = [];
    const removedIds = [...removed];
    for (const id of ids) {
      const stored = this.store.tables[entity].get(id);
      if (stored && !stored.deleted)
        upserted.push(stored.record as unknown as EntityMap[EntityName]);
      else removedIds.push(id);
    }
    this.events.changed(entity, upserted, removedIds, origin);
  }

  /** Every list anew (an import, a restore, a refused change taken back). */
  private tellAll(origin: ChangeOrigin): void {
    if (!this.events.hasRecordListeners()) return;
    for (const entity of ENTITY_NAMES) this.tellWhole(entity, origin);
  }

  /** One list anew, whole: what is not in it is gone. */
  private tellWhole(entity: EntityName, origin: ChangeOrigin): void {
    this.events.changed(
      entity,
      this.store.tables[entity].listLive() as unknown as EntityMap[EntityName][],
      [],
      origin,
      true,
    );
  }

  importOpen(
    fileName: string,
    contentBase64: string,
    password: string | null,
  ): Promise<ApiResult<ImportSourceView>> {
    return this.imports.open(fileName, contentBase64, password);
  }

  importPreview(mapping: ImportMapping): Promise<ApiResult<ImportReport>> {
    return this.imports.preview(mapping);
  }

  async importRun(mapping: ImportMapping): Promise<ApiResult<ImportReport>> {
    if (this.restoring) return this.restoreRunning();
    const result = await this.imports.run(mapping);
    if (result.ok) this.tellAll('import');
    this.events.statusMayHaveChanged();
    return result;
  }

  exportList(request: ListExportRequest): Promise<ApiResult<ExportedFile>> {
    return exportList(this.store, deviceRights(this.sync.access()), request);
  }

  exportReport(request: ReportExport): Promise<ApiResult<ExportedFile>> {
    return exportReport(this.store.db, request);
  }

  printMembers(request: MemberPrint): Promise<ApiResult<ExportedFile>> {
    return printMembers(this.store, deviceRights(this.sync.access()), request);
  }

  async importProgress(): Promise<ApiResult<ImportProgress>> {
    return ok(this.imports.progress());
  }

  /** Stops long work where safe (issue #26); an import run is never stopped (ImportService). */
  async cancelWork(work: CancellableWork): Promise<ApiResult<null>> {
    // A restore waits for the sync round under way before its own work begins: a cancel
    // meanwhile is kept and honoured before anything is read or replaced.
    if (work === 'restore' && this.restoring && !this.restoreStarted) {
      this.restoreCancelAsked = true;
      return ok(null);
    }
    return work === 'importPreview' ? this.imports.cancelPreview() : this.backups.cancel(work);
  }

  async backupStatus(): Promise<ApiResult<BackupStatus>> {
    return ok(this.backups.status());
  }

  configureBackup(
    folder: string,
    passphrase: string,
    createFolder: boolean,
  ): Promise<ApiResult<BackupStatus>> {
    return this.backups.configure(folder, passphrase, createFolder);
  }

  changeBackupPassphrase(
    oldPassphrase: string,
    newPassphrase: string,
  ): Promise<ApiResult<BackupStatus>> {
    return this.backups.changePassphrase(oldPassphrase, newPassphrase);
  }

  pickBackupFolder(): Promise<ApiResult<string | null>> {
    return this.backups.chooseFolder();
  }

  deleteBackup(name: string): Promise<ApiResult<BackupStatus>> {
    return this.backups.remove(name);
  }

  backupNow(): Promise<ApiResult<BackupStatus>> {
    return this.backups.backupNow();
  }

  verifyBackup(name: string, passphrase: string): Promise<ApiResult<VerifiedBackupView>> {
    return this.backups.verify(name, passphrase);
  }

  /** A round under way ends first; no round runs meanwhile; syncing goes on afterwards. */
  /**
   * Set while a restore runs: its safety backup is taken seconds before the data is replaced,
   * and a save in between would be in neither — so writes are refused meanwhile, in words.
   */
  private restoring = false;
  private restoreStarted = false;
  private restoreCancelAsked = false;

  private restoreRunning<T>(): ApiResult<T> {
    return failWith(new AppError('restore_running', 'core.restoreRunning'));
  }

  async restoreBackup(name: string, passphrase: string): Promise<ApiResult<RestoredBackupView>> {
    if (this.restoring) return this.restoreRunning();
    // An import writes in chunks: a restore between two of them would be written over.
    if (this.imports.progress().running) return fail('conflict', 'core.importRunning');
    this.restoring = true;
    this.restoreStarted = false;
    this.restoreCancelAsked = false;
    const wasRunning = this.sync.isStarted();
    try {
      await this.sync.pause(); // not even "sync now" may run while the contents are replaced
      if (this.restoreCancelAsked)
        return failWith(new WorkCancelled('restore', 'errors.backup.restoreCancelled'));
      this.restoreStarted = true;
      const result = await this.backups.restore(name, passphrase);
      if (result.ok) this.tellAll('restore');
      return result;
    } finally {
      this.restoring = false;
      this.restoreStarted = false;
      this.sync.resume();
      if (wasRunning) this.sync.start();
    }
  }

  /** Daily automatic backups while the program runs (when set up and the data changed). */
  startAutomaticBackups(): void {
    this.backups.start();
  }

  /** The backup on close: once more, if the data changed since the last one. */
  stopAutomaticBackups(): Promise<void> {
    return this.backups.stop();
  }

  async syncStatus(): Promise<ApiResult<SyncStatus>> {
    return ok(this.sync.status());
  }

  async access(): Promise<ApiResult<AccessView>> {
    return ok(this.sync.access());
  }

  async nextSyncChange(received: number): Promise<ApiResult<SyncStatus>> {
    return ok(await this.sync.nextChange(received));
  }

  async syncNow(): Promise<ApiResult<SyncStatus>> {
    return ok(await this.sync.syncNow());
  }

  async cancelSync(): Promise<ApiResult<SyncStatus>> {
    return ok(await this.sync.cancelRound());
  }

  async syncJournal(): Promise<ApiResult<SyncJournalView>> {
    return ok(this.sync.journalView());
  }

  async dismissSyncEntry(kind: 'conflict' | 'rejection', key: number): Promise<ApiResult<null>> {
    return this.sync.dismiss(kind, key);
  }

  async resolveRejection(key: number, action: 'resend' | 'discard'): Promise<ApiResult<null>> {
    if (this.restoring) return this.restoreRunning();
    // Discarding puts the server's values back: the sync tells exactly which records changed.
    const result = this.sync.resolveRejection(key, action);
    this.events.statusMayHaveChanged();
    return result;
  }

  connectServer(serverUrl: string, code: string): Promise<ApiResult<SyncStatus>> {
    return this.sync.connect(serverUrl, code);
  }

  async list<E extends EntityName>(entity: E): Promise<ApiResult<EntityMap[E][]>> {
    return ok(this.store.tables[entity].listLive() as unknown as EntityMap[E][]);
  }

  async get<E extends EntityName>(entity: E, id: string): Promise<ApiResult<EntityMap[E]>> {
    const stored = this.store.tables[entity].get(id);
    if (!stored || stored.deleted) return fail('not_found', NOT_FOUND);
    return ok(stored.record as unknown as EntityMap[E]);
  }

  async save<E extends EntityName>(entity: E, draft: Draft<E>): Promise<ApiResult<EntityMap[E]>> {
    if (this.restoring) return this.restoreRunning();
    const result = this.saveNow(entity, draft);
    if (result.ok) {
      this.sync.localChanged();
      this.events.changed(entity, [result.value], [], 'local');
    }
    return result;
  }

  /** Synchronous core of `save`, for benchmarks and tests that need no promise per record. */
  saveNow<E extends EntityName>(entity: E, draft: Draft<E>): ApiResult<EntityMap[E]> {
    return saveRecord(this.store, entity, draft);
  }

  async remove(entity: EntityName, id: string): Promise<ApiResult<null>> {
    if (this.restoring) return this.restoreRunning();
    // The club's own record is edited, never deleted: letters and reports need it.
    if (entity === 'club') return fail('bad_request', 'core.clubNotDeletable');
    const result = this.setDeleted(entity, id, true) as ApiResult<null>;
    if (result.ok) this.sync.localChanged();
    return result;
  }

  async restore<E extends EntityName>(entity: E, id: string): Promise<ApiResult<EntityMap[E]>> {
    if (this.restoring) return this.restoreRunning();
    const result = this.setDeleted(entity, id, false) as ApiResult<EntityMap[E]>;
    if (result.ok) this.sync.localChanged();
    return result;
  }

  /** Before the profile closes (after sync and backups stopped): no more events. */
  dispose(): void {
    this.events.dispose();
  }

  /** Starts syncing when the profile is connected with a club server. */
  startSync(): void {
    this.sync.start();
  }

  /** Resolves when a round under way has ended: close the profile only after it. */
  stopSync(): Promise<void> {
    return this.sync.stop();
  }

  async status(): Promise<ApiResult<CoreStatus>> {
    return ok(this.coreStatus());
  }

  private coreStatus(): CoreStatus {
    return {
      profile: this.profileLabel,
      deviceId: this.store.deviceId,
      deviceName: new SyncSettings(this.store.meta).connection()?.deviceName ?? hostname(),
      schemaVersion: this.store.schemaVersion,
      pendingMutations: this.store.outbox.pendingCount(),
      lastMutationId: this.store.outbox.lastMutationId(),
    };
  }

  private setDeleted(entity: EntityName, id: string, deleted: boolean): ApiResult<unknown> {
    // Told after the commit, one event per kind: a register with 40 members is two events.
    const touched = new Map<EntityName, string[]>();
    const result = this.store.transaction((): ApiResult<unknown> => {
      const previous = this.store.tables[entity].get(id);
      if (!previous) return fail('not_found', NOT_FOUND);
      if (previous.deleted === deleted) return ok(deleted ? null : previous.record);
      if (deleted) {
        const blocker = deletionBlocker(this.store, entity, id);
        if (blocker) return fail('conflict', blocker.key, blocker.params);
      } else {
        // A restore must not break a rule that a later change relies on (e.g. a second open loan).
        // Checked as if new: every reference of a restored record must point at a live one.
        const fieldErrors = checkInvariants(
          this.store,
          entity,
          previous.record as never,
          undefined,
        );
        const first = Object.values(fieldErrors)[0];
        if (first) return fail('conflict', first.key, first.params, fieldErrors);
      }
      const links = entity === 'registers' ? registerLinks(this.store, id, deleted) : [];
      this.store.applyLocalChanges([
        { entity, next: { record: previous.record, deleted }, previous, changed: ['deleted'] },
        ...links,
      ]);
      // The register's members and instruments changed with it (one change in the core).
      for (const link of links)
        touched.set(link.entity, [
          ...(touched.get(link.entity) ?? []),
          link.next.record.id as string,
        ]);
      touched.set(entity, [...(touched.get(entity) ?? []), id]);
      return ok(deleted ? null : previous.record);
    });
    for (const [kind, ids] of touched) this.tellStored(kind, ids, [], 'local');
    return result;
  }
}

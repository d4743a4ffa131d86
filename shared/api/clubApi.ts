/**
 * The typed contract between the UI and whatever serves it: Electron IPC, the local browser
 * mode and (later) the web application all implement `ClubApi`, and the renderer only knows
 * this interface.
 */

import { z } from 'zod';
import {
  type Draft,
  type EntityMap,
  type EntityName,
  entityNameSchema,
} from '../domain/entities.ts';
import { type ImportMapping, importMappingSchema } from '../import/mapping.ts';
import type { AccessView } from '../rights/deviceRights.ts';
import type { BackupStatus, RestoredBackupView, VerifiedBackupView } from './backup.ts';
import type { CoreStatus } from './coreStatus.ts';
import type { ClubEvents } from './events.ts';
import {
  type ExportedFile,
  type ListExportRequest,
  listExportRequestSchema,
  type MemberPrint,
  memberPrintSchema,
  type ReportExport,
  reportExportSchema,
} from './export.ts';
import type { ImportProgress, ImportReport, ImportSourceView } from './import.ts';
import { CLUB_API_METHOD_NAMES, type ClubApiMethodName } from './methods.ts';
import type { ApiResult } from './result.ts';
import type { SyncJournalView, SyncStatus } from './sync.ts';
import { CANCELLABLE_WORKS, type CancellableWork } from './work.ts';

export type { CoreStatus } from './coreStatus.ts';

/** The calls of the contract: each answers once, with a value or an error. */
export interface ClubCalls {
  /** Every record of an entity that is not deleted. */
  list<E extends EntityName>(entity: E): Promise<ApiResult<EntityMap[E][]>>;
  get<E extends EntityName>(entity: E, id: string): Promise<ApiResult<EntityMap[E]>>;
  /**
   * Creates (no `id`) or updates a record; answers the stored record or German field errors.
   * `shown` is the record as the form showed it when it opened (the very object the API handed
   * out): the web application sends it with the stamps it came with, so a field someone else
   * changed meanwhile is refused as a `conflict` at that field, not overwritten in silence. The
   * desktop core ignores it — its outbox merges by stamp — and its transports do not send it
   * (`clubApiArgs.save` has two arguments).
   */
  save<E extends EntityName>(
    entity: E,
    draft: Draft<E>,
    shown?: EntityMap[E],
  ): Promise<ApiResult<EntityMap[E]>>;
  /** Deletes a record so that it can be restored (undo). */
  remove(entity: EntityName, id: string): Promise<ApiResult<null>>;
  restore<E extends EntityName>(entity: E, id: string): Promise<ApiResult<EntityMap[E]>>;
  status(): Promise<ApiResult<CoreStatus>>;
  syncStatus(): Promise<ApiResult<SyncStatus>>;
  /** What the person at this device may do (see shared/rights/deviceRights.ts). */
  access(): Promise<ApiResult<AccessView>>;
  /**
   * Answers the sync status as soon as records from elsewhere arrive beyond the count
   * `received` (see SyncStatus), at the latest after about 25 s: the screen learns of a remote
   * edit the moment it lands, without polling for it.
   */
  nextSyncChange(received: number): Promise<ApiResult<SyncStatus>>;
  /** Runs a sync round now and answers the state after it. */
  syncNow(): Promise<ApiResult<SyncStatus>>;
  /**
   * Stops the sync round under way after the page it is applying (a fresh device's first sync
   * takes a while): what arrived stays, and the next round goes on from there. Answers the
   * state after it (`stopped`; unchanged when no round ran).
   */
  cancelSync(): Promise<ApiResult<SyncStatus>>;
  /** "Konflikte & Ablehnungen": what the user should look at. */
  syncJournal(): Promise<ApiResult<SyncJournalView>>;
  dismissSyncEntry(kind: 'conflict' | 'rejection', key: number): Promise<ApiResult<null>>;
  /**
   * A change the server refused: sends its values again, stamped now ("erneut senden"), or
   * goes back to what the server holds ("verwerfen").
   */
  resolveRejection(key: number, action: 'resend' | 'discard'): Promise<ApiResult<null>>;
  /** Connects this profile with a club server using a one-time enrolment code. */
  connectServer(serverUrl: string, code: string): Promise<ApiResult<SyncStatus>>;
  /** "Datensicherung": settings, last backup, generations, a backup under way. */
  backupStatus(): Promise<ApiResult<BackupStatus>>;
  /**
   * Sets up the backups, or moves them to another folder: the folder and the passphrase
   * protecting the backup key. A folder that does not exist is refused with `not_found`
   * unless `createFolder` says the person agreed to create it.
   */
  configureBackup(
    folder: string,
    passphrase: string,
    createFolder: boolean,
  ): Promise<ApiResult<BackupStatus>>;
  /** A new passphrase for the backup key; every older backup opens with it too. */
  changeBackupPassphrase(
    oldPassphrase: string,
    newPassphrase: string,
  ): Promise<ApiResult<BackupStatus>>;
  /** The desktop program's folder picker: the chosen folder, or null when cancelled. */
  pickBackupFolder(): Promise<ApiResult<string | null>>;
  /** Deletes a backup made by hand or a safety generation (automatic ones rotate). */
  deleteBackup(name: string): Promise<ApiResult<BackupStatus>>;
  /** Backs up now into the configured folder. */
  backupNow(): Promise<ApiResult<BackupStatus>>;
  /** Decrypts and checks one generation of the configured folder completely. */
  verifyBackup(name: string, passphrase: string): Promise<ApiResult<VerifiedBackupView>>;
  /**
   * Replaces the profile's data with one generation of the configured folder, after checking
   * it completely; the current database is kept beside it.
   */
  restoreBackup(name: string, passphrase: string): Promise<ApiResult<RestoredBackupView>>;
  /**
   * Reads a file to import (Access, Excel, CSV; its bytes as base64) and answers its tables
   * with a proposed mapping. `password` opens a protected Access database.
   */
  importOpen(
    fileName: string,
    contentBase64: string,
    password: string | null,
  ): Promise<ApiResult<ImportSourceView>>;
  /** What importing the opened file by `mapping` would do; nothing is saved. */
  importPreview(mapping: ImportMapping): Promise<ApiResult<ImportReport>>;
  /** Imports the opened file by `mapping`; every record goes through the outbox. */
  importRun(mapping: ImportMapping): Promise<ApiResult<ImportReport>>;
  /** How far a running import (or preview) has got. */
  importProgress(): Promise<ApiResult<ImportProgress>>;
  /**
   * Stops long work where that is safe (issue #26): the work's own call then answers with a
   * cancelled failure (reason `work_cancelled`). Refused (`work_not_cancellable`) once a restore
   * replaces the data, and when nothing of that kind runs (`no_work_to_cancel`).
   */
  cancelWork(work: CancellableWork): Promise<ApiResult<null>>;
  /**
   * A list as PDF, Excel workbook or CSV: the records `ids` in that order, the fields chosen,
   * sensitive ones only for a role that may read them.
   */
  exportList(request: ListExportRequest): Promise<ApiResult<ExportedFile>>;
  /** Address labels or serial letters for members, as a PDF; who has no address is named. */
  printMembers(request: MemberPrint): Promise<ApiResult<ExportedFile>>;
  /** A report (honours due, Stärkemeldung, birthdays) as PDF, Excel workbook or CSV. */
  exportReport(request: ReportExport): Promise<ApiResult<ExportedFile>>;
}

/** The contract: its calls, and the events the core sends on its own (events.ts). */
export interface ClubApi extends ClubCalls, ClubEvents {}

export type ClubApiMethod = keyof ClubCalls;

/** The largest file the wizard sends, as base64 (48 MiB of file; an old club database has a few). */
export const MAX_IMPORT_FILE_BYTES = 48 * 1024 * 1024;
export const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

const id = z.string().uuid({ error: 'Ungültige Kennung.' });
const draft = z.record(z.string(), z.unknown());
/** A generation's file name as listed; never a path. */
const generationName = z.string().regex(/^[\w.-]{1,200}$/);

/**
 * Runtime schemas of every method's arguments: a transport checks what arrives before it
 * reaches the core, so a malformed call changes nothing.
 */
export const clubApiArgs = {
  list: z.tuple([entityNameSchema]),
  get: z.tuple([entityNameSchema, id]),
  save: z.tuple([entityNameSchema, draft]),
  remove: z.tuple([entityNameSchema, id]),
  restore: z.tuple([entityNameSchema, id]),
  status: z.tuple([]),
  syncStatus: z.tuple([]),
  access: z.tuple([]),
  nextSyncChange: z.tuple([z.number().int().nonnegative()]),
  syncNow: z.tuple([]),
  cancelSync: z.tuple([]),
  syncJournal: z.tuple([]),
  dismissSyncEntry: z.tuple([z.enum(['conflict', 'rejection']), z.number().int().nonnegative()]),
  resolveRejection: z.tuple([z.number().int().positive(), z.enum(['resend', 'discard'])]),
  connectServer: z.tuple([z.string().max(500), z.string().max(200)]),
  backupStatus: z.tuple([]),
  configureBackup: z.tuple([z.string().max(1000), z.string().max(1000), z.boolean()]),
  changeBackupPassphrase: z.tuple([z.string().max(1000), z.string().max(1000)]),
  pickBackupFolder: z.tuple([]),
  deleteBackup: z.tuple([generationName]),
  backupNow: z.tuple([]),
  verifyBackup: z.tuple([generationName, z.string().max(1000)]),
  restoreBackup: z.tuple([generationName, z.string().max(1000)]),
  importOpen: z.tuple([
    z.string().min(1).max(260),
    z
      .string()
      .max(MAX_IMPORT_BASE64)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    z.string().max(200).nullable(),
  ]),
  importPreview: z.tuple([importMappingSchema]),
  importRun: z.tuple([importMappingSchema]),
  importProgress: z.tuple([]),
  cancelWork: z.tuple([z.enum(CANCELLABLE_WORKS)]),
  exportList: z.tuple([listExportRequestSchema]),
  printMembers: z.tuple([memberPrintSchema]),
  exportReport: z.tuple([reportExportSchema]),
} satisfies Record<ClubApiMethod, z.ZodType>;

export const CLUB_API_METHODS: readonly ClubApiMethod[] = CLUB_API_METHOD_NAMES;

// The list of names beside the interface must stay complete: this line fails to compile if not.
const _sameMethods: [ClubApiMethod, ClubApiMethodName] extends [ClubApiMethodName, ClubApiMethod]
  ? true
  : never = true;
void _sameMethods;

export function isClubApiMethod(name: unknown): name is ClubApiMethod {
  return typeof name === 'string' && Object.hasOwn(clubApiArgs, name);
}

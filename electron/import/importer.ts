/**
 * Imports a read source file into the profile, by a mapping: registers first, then members,
 * instruments, loans and honours, so that every reference can be resolved. Each record is
 * written through `saveRecordInTransaction` — validated, checked against the cross-record rules and queued in
 * the outbox like any edit, so the import syncs. Every source row ends as created, updated,
 * unchanged or skipped, and the report says so with a reason for everything not plain.
 *
 * A preview (dry run) is the same import in one transaction that is rolled back: what it
 * reports is exactly what the import would do.
 */

import type {
  ImportCleaned,
  ImportMessage,
  ImportMessageLevel,
  ImportReport,
  ImportTableReport,
  ImportText,
} from '../../shared/api/import.ts';
import { todayIso } from '../../shared/domain/dates.ts';
import { LONG_TEXT_MAX } from '../../shared/domain/importedValues.ts';
import { sameValue } from '../../shared/domain/sameValue.ts';
import { importText } from '../../shared/import/importText.ts';
import { columnFates, type ImportMapping, type TableMapping } from '../../shared/import/mapping.ts';
import {
  addKept,
  buildRowDraft,
  carryKept,
  fitImported,
  fitsNotes,
  keepImported,
  notesWithKept,
  type RowDraft,
  withholdSensitive,
} from '../../shared/import/rowDraft.ts';
import type { SourceCell, SourceFile, SourceTable } from '../../shared/import/sourceTable.ts';
import { IMPORT_ENTITIES, type ImportEntity } from '../../shared/import/targets.ts';
import type { Message } from '../../shared/messages/message.ts';
import { sensitiveFieldsOf } from '../../shared/rights/access.ts';
import { type DeviceRights, deviceRights } from '../../shared/rights/deviceRights.ts';
import type { LocalStore } from '../store/localStore.ts';
import { adoptionMessage } from './adoptionMessage.ts';
import { ImportKeys, type ImportLink, isEmptyImportValue } from './importKeys.ts';
import { BorrowerLoans, settleOpenLoans } from './importLoans.ts';
import { ImportLookups, lower } from './importLookups.ts';
import { resolveReferences } from './importReferences.ts';
import { type SavedRow, type SaveRecord, saveWithRepairs } from './repairingSave.ts';
import { rowLabel, sourceKeyOf } from './rowIdentity.ts';

export type { SaveRecord };

export interface ImportOptions {
  dryRun: boolean;
  /**
   * What the person importing may write (from the club server's last pull). Tables the role
   * may not write are not imported; sensitive fields it may not write are not stored. Default:
   * everything (a profile without a club server).
   */
  rights?: DeviceRights;
  today?: string;
  now?: () => Date;
  /** Rows per transaction of a real import; between them the event loop runs (progress). */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * The store is a private copy thrown away afterwards (ImportService's preview): a dry run
   * then writes into it in chunks like a real import, letting the event loop run between
   * them, and `checkCancelled` may throw there to stop it. Never for a real import: stopping
   * it would leave half of it.
   */
  scratch?: { checkCancelled(): void };
}

class Rollback extends Error {}

/** In a link's imported values: the lines the import put into the notes for this row. */
const KEPT = '#kept';

/** Equal for the import: missing, null and an empty list are all "empty". */
function same(a: unknown, b: unknown): boolean {
  if (isEmptyImportValue(a) || isEmptyImportValue(b))
    return isEmptyImportValue(a) && isEmptyImportValue(b);
  return sameValue(a, b);
}

interface RowContext {
  table: SourceTable;
  mapping: TableMapping;
  entity: ImportEntity;
  report: ImportTableReport;
  links: Map<string, ImportLink>;
  seen: Map<string, number>;
  /** Columns nobody mapped or left out: their values are kept with each record. */
  keptColumns: string[];
  /** The normalisations made, counted by what they are (the text as JSON). */
  cleaned: Map<string, ImportCleaned>;
}

interface Outcome {
  level?: ImportMessageLevel;
  messages: ImportText[];
  /** The record the row is linked to now (none when skipped). */
  recordId?: string;
}

export class Importer {
  private readonly keys: ImportKeys;
  private readonly today: string;
  private readonly now: () => Date;
  private readonly messages: ImportMessage[] = [];
  private readonly lookups = new ImportLookups();
  private readonly rights: DeviceRights;
  /** Per source column: how many values the role could not write (see `withhold`). */
  private readonly withheld = new Map<string, { source: string; column: string; count: number }>();
  private readonly borrowers: BorrowerLoans;

  constructor(
    private readonly store: LocalStore,
    private readonly save: SaveRecord,
    private readonly source: SourceFile,
    private readonly mapping: ImportMapping,
    private readonly options: ImportOptions,
  ) {
    this.keys = new ImportKeys(store);
    this.rights = options.rights ?? deviceRights({ connected: false, access: null });
    this.today = options.today ?? todayIso();
    this.now = options.now ?? (() => new Date());
    this.borrowers = new BorrowerLoans(store, save, this.keys, this.lookups, this.today, this.now);
  }

  async run(): Promise<ImportReport> {
    const started = performance.now();
    const at = this.now().toISOString();
    const contexts: RowContext[] = [];
    const notAllowed: ImportReport['notAllowedTables'] = [];
    for (const entity of IMPORT_ENTITIES) {
      for (const mapping of this.mapping.tables.filter((t) => t.entity === entity)) {
        const table = this.source.tables.find((t) => t.name === mapping.source)!;
        if (!this.rights.mayWriteAll(entity)) {
          notAllowed.push({ source: table.name, entity, rows: table.rows.length });
          continue;
        }
        const fates = columnFates(
          mapping,
          table.columns.map((c) => c.name),
        );
        contexts.push({
          table,
          mapping,
          entity,
          report: {
            source: table.name,
            entity,
            rows: table.rows.length,
            created: 0,
            updated: 0,
            unchanged: 0,
            skipped: 0,
            cleaned: [],
            columns: fates,
          },
          links: new Map(),
          seen: new Map(),
          cleaned: new Map(),
          keptColumns: fates.filter((f) => f.fate === 'kept').map((f) => f.column),
        });
      }
    }
    // Each table's links are written only by its own rows: read once, before the first row.
    const steps: (() => void)[] = [
      () => {
        for (const c of contexts) c.links = this.keys.linksOf(c.table.name, c.entity);
        this.lookups.load(this.store, contexts);
      },
    ];
    for (const context of contexts) {
      context.table.rows.forEach((row, index) => {
        const rowNumber = context.table.rowNumbers?.[index] ?? index + 1;
        steps.push(() => this.importRow(context, row, rowNumber));
      });
    }
    const total = steps.length;
    if (this.options.dryRun && !this.options.scratch) {
      try {
        this.store.transaction(() => {
          steps.forEach((step) => {
            step();
          });
          throw new Rollback();
        });
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
      this.options.onProgress?.(total, total);
    } else {
      const chunk = this.options.chunkSize ?? 2_000;
      const scratch = this.options.dryRun ? this.options.scratch : undefined;
      this.options.onProgress?.(0, total);
      for (let from = 0; from < total; from += chunk) {
        this.store.transaction(() => {
          for (const step of steps.slice(from, from + chunk)) step();
        });
        this.options.onProgress?.(Math.min(from + chunk, total), total);
        if (from + chunk < total) {
          await new Promise((resolve) => setImmediate(resolve));
          scratch?.checkCancelled();
        }
      }
    }
    for (const c of contexts)
      c.report.cleaned = [...c.cleaned.values()].sort((a, b) => b.count - a.count);
    const mapped = new Set(
      this.mapping.tables.filter((t) => t.entity !== null).map((t) => t.source),
    );
    return {
      fileName: this.source.fileName,
      format: this.source.format,
      dryRun: this.options.dryRun,
      at,
      durationMs: Math.round(performance.now() - started),
      tables: contexts.map((c) => c.report),
      role: this.rights.roleLabel,
      notAllowedTables: notAllowed,
      withheld: [...this.withheld.values()],
      // A member table's unmapped columns are sensitive: for a role that may not write them
      // they are in `withheld`, not kept.
      unmappedColumns: contexts
        .filter((c) => !this.withholds(c.entity))
        .flatMap((c) => c.keptColumns.map((column) => ({ source: c.table.name, column }))),
      ignoredTables: this.source.tables
        .filter((t) => !mapped.has(t.name) && !notAllowed.some((n) => n.source === t.name))
        .map((t) => ({ source: t.name, rows: t.rows.length })),
      messages: this.messages,
      notes: this.source.notes,
    };
  }

  /**
   * The role may not write this entity's sensitive fields: they are not stored, and counted per
   * source column for the report. Not recorded as imported either, so that importing the same
   * file later with a role that may (an administrator, on this device) fills exactly these.
   */
  private withhold(context: RowContext, draft: RowDraft, row: Record<string, SourceCell>): void {
    const columnsOf = (field: string) =>
      Object.keys(context.mapping.columns).filter((c) => context.mapping.columns[c] === field);
    const kept = draft.imported;
    const notesCut = Object.keys(kept).some((key) => key.endsWith('(Fortsetzung)'));
    const fields = withholdSensitive(context.entity, draft);
    if (notesCut)
      draft.warnings.push(importText('import.row.notesTooLongWithheld', { max: LONG_TEXT_MAX }));
    const columns = new Set<string>();
    for (const field of fields) for (const column of columnsOf(field)) columns.add(column);
    for (const field of ['accountNumber', 'bankCode'])
      for (const column of columnsOf(field)) columns.add(column);
    // Every source column whose value would have been kept aside (unmapped, or refused by a
    // sensitive field such as an impossible birth date).
    const sourceColumns = new Set(context.table.columns.map((c) => c.name));
    for (const key of Object.keys(kept)) if (sourceColumns.has(key)) columns.add(key);
    for (const column of columns) {
      if (isEmptyImportValue(row[column] ?? null)) continue;
      const key = `${context.table.name}\u0000${column}`;
      const entry = this.withheld.get(key) ?? { source: context.table.name, column, count: 0 };
      entry.count += 1;
      this.withheld.set(key, entry);
    }
  }

  /** Whether this entity has sensitive fields the importing role may not write. */
  private withholds(entity: ImportEntity): boolean {
    return sensitiveFieldsOf(entity).length > 0 && !this.rights.mayWriteSensitive(entity);
  }

  private note(
    context: RowContext,
    row: number,
    label: Message,
    level: ImportMessageLevel,
    texts: readonly ImportText[],
  ): void {
    for (const text of texts)
      this.messages.push({
        source: context.table.name,
        entity: context.entity,
        row,
        label,
        level,
        ...text,
      });
  }

  private importRow(context: RowContext, row: Record<string, SourceCell>, rowNumber: number): void {
    const { entity, mapping, report } = context;
    const draft = buildRowDraft(entity, mapping, row, this.today, context.keptColumns);
    for (const what of draft.cleaned) {
      const id = JSON.stringify(what);
      const counted = context.cleaned.get(id);
      if (counted) counted.count++;
      else context.cleaned.set(id, { ...what, count: 1 });
    }
    const label = rowLabel(context.mapping, context.entity, row, draft);
    // The row's key is the source's (a birth date in it included), whatever is withheld below.
    const sourceKey = sourceKeyOf(context.mapping, context.entity, row, draft);
    if (this.withholds(entity)) this.withhold(context, draft, row);
    const skip = (reason: ImportText) => {
      report.skipped++;
      this.note(context, rowNumber, label, 'warning', draft.warnings);
      this.note(context, rowNumber, label, 'skipped', [reason]);
    };

    if (!sourceKey) {
      skip(
        mapping.key.length === 1
          ? importText('import.row.keyEmpty', { column: mapping.key[0]! })
          : mapping.key.length > 1
            ? importText('import.row.keysEmpty', {
                columns: mapping.key.map((k) => `„${k}“`).join(', '),
              })
            : importText('import.row.requiredMissing'),
      );
      return;
    }
    const earlier = context.seen.get(sourceKey);
    if (earlier !== undefined) {
      // The key is not quoted: a natural key holds the birth date.
      skip(importText('import.row.sameKey', { row: earlier }));
      return;
    }
    context.seen.set(sourceKey, rowNumber);

    const link = context.links.get(sourceKey);
    const unresolved = resolveReferences(this.lookups, entity, draft, link, mapping.referencesBy);
    if (unresolved) {
      skip(unresolved);
      return;
    }
    const ownNotes = draft.fields.notes ?? null;
    const withKept = notesWithKept(ownNotes, draft.keep);
    if (fitsNotes(withKept)) draft.fields.notes = withKept;
    else if (entity === 'members' && !this.rights.mayWriteSensitive(entity)) {
      // Kept values of members are sensitive, and this role may not write them.
      draft.warnings.push(importText('import.row.notesFull'));
    } else {
      // The notes are full: what the fields could not take is kept beside them instead.
      keepImported(
        draft.imported,
        'Aus dem Import (nicht in Felder übernommen)',
        draft.keep.join('; '),
      );
      draft.fields.importedValues = draft.imported;
    }
    // What the source says, before any repair on saving: a later import compares against this,
    // so the same source row always compares equal, whatever had to be repaired. The notes are
    // the source's own; what went into them because a field could not take it is kept apart.
    const fromSource: Record<string, unknown> = {
      ...draft.fields,
      notes: ownNotes,
      [KEPT]: draft.keep.join('; ') || null,
    };
    // Withheld fields are not "imported": a later import by a role that may write them does.
    if (this.withholds(entity))
      for (const field of sensitiveFieldsOf(entity)) delete fromSource[field];

    const outcome = link
      ? this.updateLinked(context, sourceKey, link, draft, fromSource)
      : this.createOrAdopt(context, sourceKey, draft, fromSource, rowNumber, label);
    this.note(context, rowNumber, label, 'warning', draft.warnings);
    if (outcome.level) this.note(context, rowNumber, label, outcome.level, outcome.messages);
    if (context.entity === 'instruments' && draft.refs.borrower && outcome.recordId) {
      this.borrowers.take(
        {
          table: context.table.name,
          referencesBy: context.mapping.referencesBy,
          sourceKey,
          warn: (text) => this.note(context, rowNumber, label, 'warning', [text]),
          created: () => {
            context.report.loansCreated = (context.report.loansCreated ?? 0) + 1;
          },
        },
        draft,
        outcome.recordId,
      );
    }
  }

  /** A row imported before: only fields whose source value changed since are written. */
  private updateLinked(
    context: RowContext,
    sourceKey: string,
    link: ImportLink,
    draft: RowDraft,
    fromSource: Record<string, unknown>,
  ): Outcome {
    const { entity, report } = context;
    if (!this.lookups.liveIds[entity].has(link.recordId)) {
      report.skipped++;
      return { level: 'skipped', messages: [importText('import.row.deletedInTutti')] };
    }
    const changed = Object.keys(fromSource).filter((f) => !same(fromSource[f], link.imported[f]));
    if (changed.length === 0) {
      report.unchanged++;
      this.lookups.remember(entity, sourceKey, { ...fromSource, id: link.recordId });
      return { messages: [], recordId: link.recordId };
    }
    const stored = this.store.tables[entity].get(link.recordId)!;
    const next: Record<string, unknown> = { ...stored.record };
    const written: string[] = [];
    for (const field of changed) {
      if (field === KEPT || field === 'notes') continue;
      if (field === 'importedValues') {
        // What earlier imports (and their repairs) kept stays; the source's new values join it.
        const merged = {
          ...((stored.record.importedValues as Record<string, string> | null) ?? {}),
          ...((draft.fields.importedValues as Record<string, string> | null) ?? {}),
        };
        fitImported(merged);
        next.importedValues = Object.keys(merged).length > 0 ? merged : null;
        written.push(field);
        continue;
      }
      // A new source value the field could not take goes to the notes; the record keeps its own.
      if (draft.refused.includes(field) && !same(stored.record[field], null)) continue;
      next[field] = draft.fields[field];
      written.push(field);
    }
    if (changed.includes('notes')) {
      // The source's new notes; the line of what earlier imports kept in them stays.
      next.notes = carryKept(stored.record.notes, draft.fields.notes);
      written.push('notes');
    } else if (changed.includes(KEPT)) {
      const before = String(link.imported[KEPT] ?? '').split('; ');
      next.notes = addKept(
        stored.record.notes,
        draft.keep.filter((line) => !before.includes(line)),
      );
      written.push('notes');
    }
    const saved = saveWithRepairs(
      this.save,
      entity,
      next,
      draft,
      written,
      stored.record,
      !this.withholds(entity),
    );
    if (!saved.ok) {
      report.skipped++;
      return { level: 'skipped', messages: [saved.reason] };
    }
    const imported = { ...link.imported };
    for (const field of changed) imported[field] = fromSource[field];
    this.linkRow(context, sourceKey, link.recordId, imported);
    // Counted as updated only when the record changed (a borrower now found changes none).
    if (written.some((field) => !same(saved.record[field], stored.record[field]))) report.updated++;
    else report.unchanged++;
    this.lookups.remember(entity, sourceKey, saved.record);
    return { messages: [], recordId: link.recordId };
  }

  private createOrAdopt(
    context: RowContext,
    sourceKey: string,
    draft: RowDraft,
    fromSource: Record<string, unknown>,
    rowNumber: number,
    label: Message,
  ): Outcome {
    const { entity, report } = context;
    const adoptable =
      entity === 'registers'
        ? this.lookups.registerByName.get(lower(String(draft.fields.name ?? '')))
        : entity === 'instruments'
          ? this.lookups.instrumentByNumber.get(lower(String(draft.fields.inventoryNumber ?? '')))
          : undefined;
    if (adoptable && !this.lookups.isLinkedElsewhere(entity, adoptable)) {
      return this.adopt(context, sourceKey, draft, fromSource, adoptable);
    }
    const messages: ImportText[] = [];
    let level: ImportMessageLevel | undefined;
    if (entity === 'members' && draft.fields.birthDate) {
      const identity = this.lookups.identityOf(draft.fields);
      const first = this.lookups.memberIdentity.get(identity);
      if (first) {
        level = 'duplicate';
        messages.push(first);
      } else {
        this.lookups.memberIdentity.set(
          identity,
          importText(
            'import.duplicate.ofRow',
            { row: rowNumber },
            { parts: { label: importText(label.key, label.params) } },
          ),
        );
      }
    }
    const saved =
      entity === 'loans'
        ? this.saveLoan(draft)
        : saveWithRepairs(
            this.save,
            entity,
            { ...draft.fields },
            draft,
            Object.keys(draft.fields),
            null,
            !this.withholds(entity),
          );
    if (!saved.ok) {
      report.skipped++;
      return { level: 'skipped', messages: [saved.reason] };
    }
    const id = String(saved.record.id);
    this.linkRow(context, sourceKey, id, fromSource);
    report.created++;
    this.lookups.remember(entity, sourceKey, saved.record);
    return { level, messages, recordId: id };
  }

  /**
   * A register or instrument that Tutti already has under the same name or inventory number
   * (entered by hand before the import): linked, and only its empty fields filled.
   */
  private adopt(
    context: RowContext,
    sourceKey: string,
    draft: RowDraft,
    fromSource: Record<string, unknown>,
    id: string,
  ): Outcome {
    const { entity, report } = context;
    const stored = this.store.tables[entity].get(id)!;
    const empty = Object.keys(draft.fields).filter(
      (f) =>
        (stored.record[f] === null || stored.record[f] === undefined) && draft.fields[f] !== null,
    );
    let record: Record<string, unknown> = stored.record;
    let filled: 'none' | 'filled' | ImportText = 'none';
    if (empty.length > 0) {
      const next: Record<string, unknown> = { ...stored.record };
      for (const f of empty) next[f] = draft.fields[f];
      const saved = saveWithRepairs(
        this.save,
        entity,
        next,
        draft,
        empty,
        stored.record,
        !this.withholds(entity),
      );
      if (saved.ok) {
        record = saved.record;
        filled = 'filled';
      } else filled = saved.reason;
    }
    this.linkRow(context, sourceKey, id, fromSource);
    if (filled === 'filled') report.updated++;
    else report.unchanged++;
    this.lookups.remember(entity, sourceKey, record);
    const message = adoptionMessage(entity, record, filled);
    return { level: 'warning', messages: [message], recordId: id };
  }

  /** Remembers which record this source row became, and the source's values. */
  private linkRow(
    context: RowContext,
    sourceKey: string,
    recordId: string,
    imported: Record<string, unknown>,
  ): void {
    this.keys.link(
      context.table.name,
      context.entity,
      sourceKey,
      { recordId, imported },
      this.now().toISOString(),
    );
  }

  /** Closing an earlier open loan and saving this one happen together or not at all. */
  private saveLoan(draft: RowDraft): SavedRow {
    const warningsBefore = draft.warnings.length;
    let outcome: SavedRow = { ok: false, reason: importText('import.repair.failed') };
    try {
      // Nested in the import's transaction, this is a savepoint.
      this.store.db.transaction(() => {
        settleOpenLoans(this.store, this.save, draft);
        outcome = saveWithRepairs(
          this.save,
          'loans',
          { ...draft.fields },
          draft,
          Object.keys(draft.fields),
        );
        if (!outcome.ok) throw new Rollback();
      })();
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
      draft.warnings.length = warningsBefore;
    }
    return outcome;
  }
}

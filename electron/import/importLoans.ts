/**
 * The loans an import makes besides the loan tables: closing an earlier open loan when the old
 * program had two for one instrument, and an open loan from an instrument list's "ausgeliehen
 * an" column. One job beside the importer's row loop; it writes through the same `save`.
 */
import type { ImportText } from '../../shared/api/import.ts';
import { formatGermanDate } from '../../shared/domain/dates.ts';
import { memberDisplayName } from '../../shared/domain/member.ts';
import { importText, textOf } from '../../shared/import/importText.ts';
import type { ReferenceMode } from '../../shared/import/mapping.ts';
import type { RowDraft } from '../../shared/import/rowDraft.ts';
import { openLoanOf } from '../core/invariants.ts';
import type { LocalStore } from '../store/localStore.ts';
import type { ImportKeys, ImportLink } from './importKeys.ts';
import type { ImportLookups } from './importLookups.ts';
import type { SaveRecord } from './repairingSave.ts';

/**
 * One open loan per instrument: when the old program has two, the earlier one evidently
 * ended when the later one began. It is closed on that day, with a warning and a note.
 */
export function settleOpenLoans(store: LocalStore, save: SaveRecord, draft: RowDraft): void {
  const fields = draft.fields;
  if (
    fields.returnedOn ||
    typeof fields.instrumentId !== 'string' ||
    typeof fields.issuedOn !== 'string'
  )
    return;
  const open = openLoanOf(store, fields.instrumentId);
  if (!open) return;
  if (open.issuedOn <= fields.issuedOn) {
    // The loan's notes are the record's, in the club's language.
    const note = `Rückgabe beim Import ergänzt: das Instrument wurde am ${formatGermanDate(fields.issuedOn)} erneut ausgegeben.`;
    const closed = save('loans', {
      ...open,
      returnedOn: fields.issuedOn,
      notes: open.notes ? `${open.notes}\n${note}` : note,
    });
    if (closed.ok) {
      draft.warnings.push(
        importText('import.loan.closedEarlier', {
          since: formatGermanDate(open.issuedOn),
          on: formatGermanDate(fields.issuedOn),
        }),
      );
    }
  } else {
    fields.returnedOn = open.issuedOn;
    const note = `Rückgabe beim Import ergänzt: das Instrument wurde am ${formatGermanDate(open.issuedOn)} erneut ausgegeben.`;
    fields.notes = fields.notes ? `${fields.notes}\n${note}` : note;
    draft.warnings.push(importText('import.loan.twoOpen', { on: formatGermanDate(open.issuedOn) }));
  }
}

/** Where a loan taken from an instrument list is reported. */
export interface BorrowerRow {
  table: string;
  referencesBy: ReferenceMode | undefined;
  sourceKey: string;
  warn(text: ImportText): void;
  /** Counts the loan made. */
  created(): void;
}

export class BorrowerLoans {
  /** Loans made from a borrower column before, per source ("Inventar#ausgeliehen-an"). */
  private readonly links = new Map<string, Map<string, ImportLink>>();

  constructor(
    private readonly store: LocalStore,
    private readonly save: SaveRecord,
    private readonly keys: ImportKeys,
    private readonly lookups: ImportLookups,
    private readonly today: string,
    private readonly now: () => Date,
  ) {}

  /**
   * An instrument table naming its borrower: an open loan to that member. Taken once; a later
   * import changes no loan on its own — where the source now names someone else than Tutti's
   * open loan, it says so for review.
   */
  take(row: BorrowerRow, draft: RowDraft, instrumentId: string): void {
    const { warn, sourceKey } = row;
    const borrower = draft.refs.borrower!;
    const by = row.referencesBy;
    const memberId = this.lookups.memberId(borrower, by);
    if (!memberId) {
      warn(importText('import.loan.borrowerUnknown', { borrower }));
      return;
    }
    const loanSource = `${row.table}#ausgeliehen-an`;
    let links = this.links.get(loanSource);
    if (!links) {
      links = this.keys.linksOf(loanSource, 'loans');
      this.links.set(loanSource, links);
    }
    const earlier = links.get(sourceKey);
    if (earlier && earlier.imported.memberId === memberId) return; // taken before
    const ambiguity = by ? null : this.lookups.ambiguity('members', borrower);
    if (ambiguity) warn(ambiguity);
    const open = openLoanOf(this.store, instrumentId);
    if (open) {
      if (open.memberId !== memberId) {
        const holder = this.store.tables.members.get(open.memberId)?.record;
        const since = formatGermanDate(open.issuedOn);
        warn(
          holder
            ? importText('import.loan.otherHolder', {
                borrower,
                holder: memberDisplayName(holder),
                since,
              })
            : importText('import.loan.otherHolderUnknown', { borrower, since }),
        );
      }
      return;
    }
    const saved = this.save('loans', {
      instrumentId,
      memberId,
      issuedOn: draft.loanedSince ?? this.today,
      notes: draft.loanedSince
        ? null
        : 'Beim Import angelegt; Ausgabedatum unbekannt (Importtag eingetragen).',
    });
    if (!saved.ok) {
      warn(importText('import.loan.notCreated', {}, { parts: { reason: textOf(saved.error) } }));
      return;
    }
    const link = { recordId: saved.value.id, imported: { memberId } };
    this.keys.link(loanSource, 'loans', sourceKey, link, this.now().toISOString());
    links.set(sourceKey, link);
    row.created();
    if (!draft.loanedSince) {
      warn(importText('import.loan.createdWithoutDate', { borrower }));
    }
  }
}

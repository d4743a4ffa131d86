/**
 * A row's references (register, borrower, instrument, member) turned into the ids of records
 * in the file or in Tutti, with the warnings a person needs: a reference nobody can find is
 * left out and kept in the notes; an ambiguous one is taken and reported for review.
 */
import type { ReferenceMode } from '../../shared/import/mapping.ts';
import type { RowDraft } from '../../shared/import/rowDraft.ts';
import type { ImportEntity } from '../../shared/import/targets.ts';
import type { ImportLink } from './importKeys.ts';
import type { ImportLookups } from './importLookups.ts';

/**
 * Turns reference texts into ids; answers why the row must be skipped, or null. `link`: the
 * row's record from an earlier import, whose references were reviewed then; `by`: what the
 * mapping says the references mean (see `referencesBy`).
 */
export function resolveReferences(
  lookups: ImportLookups,
  entity: ImportEntity,
  draft: RowDraft,
  link: ImportLink | undefined,
  by: ReferenceMode | undefined,
): string | null {
  const { refs, fields } = draft;
  const dangling = (what: string, value: string) => {
    draft.warnings.push(
      `${what} „${value}“ gibt es weder in der Datei noch in Tutti; Zuordnung weggelassen.`,
    );
    draft.keep.push(`${what}: ${value}`);
    draft.refused.push(entity === 'members' ? 'registerIds' : 'registerId');
  };
  if (entity === 'members') {
    const id = refs.register ? lookups.registerId(refs.register) : undefined;
    if (refs.register && !id) dangling('Register', refs.register);
    fields.registerIds = id ? [id] : [];
  }
  if (entity === 'instruments') {
    const id = refs.register ? lookups.registerId(refs.register) : undefined;
    if (refs.register && !id) dangling('Register', refs.register);
    fields.registerId = id ?? null;
    // A borrower nobody can find gets no loan (borrowerLoan says so); the name stays here.
    if (refs.borrower && !lookups.memberId(refs.borrower, by))
      draft.keep.push(`Ausgeliehen an: ${refs.borrower}`);
  }
  if (entity === 'loans') {
    if (!refs.instrument) return 'Die Ausleihe nennt kein Instrument.';
    if (!refs.member) return 'Die Ausleihe nennt kein Mitglied.';
    const instrumentId = lookups.instrumentId(refs.instrument, by);
    if (!instrumentId)
      return `Das Instrument „${refs.instrument}“ gibt es weder in der Datei noch in Tutti.`;
    const memberId = lookups.memberId(refs.member, by);
    if (!memberId)
      return `Das Mitglied „${refs.member}“ gibt es weder in der Datei noch in Tutti (oder der Name ist mehrdeutig).`;
    fields.instrumentId = instrumentId;
    fields.memberId = memberId;
    if (!by) {
      warnIfAmbiguous(lookups, draft, 'instruments', refs.instrument, link);
      warnIfAmbiguous(lookups, draft, 'members', refs.member, link);
    }
  }
  if (entity === 'honours') {
    if (!refs.member) return 'Die Ehrung nennt kein Mitglied.';
    const memberId = lookups.memberId(refs.member, by);
    if (!memberId)
      return `Das Mitglied „${refs.member}“ gibt es weder in der Datei noch in Tutti (oder der Name ist mehrdeutig).`;
    fields.memberId = memberId;
    if (!by) warnIfAmbiguous(lookups, draft, 'members', refs.member, link);
  }
  return null;
}

/** Once, when the reference is first taken (or now resolves to another record). */
function warnIfAmbiguous(
  lookups: ImportLookups,
  draft: RowDraft,
  kind: 'members' | 'instruments',
  ref: string,
  link: ImportLink | undefined,
): void {
  const field = kind === 'members' ? 'memberId' : 'instrumentId';
  if (link && link.imported[field] === draft.fields[field]) return;
  const ambiguity = lookups.ambiguity(kind, ref);
  if (ambiguity) draft.warnings.push(ambiguity);
}

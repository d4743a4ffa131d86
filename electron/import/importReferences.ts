/**
 * A row's references (register, borrower, instrument, member) turned into the ids of records
 * in the file or in Tutti, with the warnings a person needs: a reference nobody can find is
 * left out and kept in the notes; an ambiguous one is taken and reported for review.
 */
import type { ImportText } from '../../shared/api/import.ts';
import { importText } from '../../shared/import/importText.ts';
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
): ImportText | null {
  const { refs, fields } = draft;
  const dangling = (value: string) => {
    draft.warnings.push(importText('import.reference.registerMissing', { value }));
    // The record's notes keep it in the club's language.
    draft.keep.push(`Register: ${value}`);
    draft.refused.push(entity === 'members' ? 'registerIds' : 'registerId');
  };
  if (entity === 'members') {
    const id = refs.register ? lookups.registerId(refs.register) : undefined;
    if (refs.register && !id) dangling(refs.register);
    fields.registerIds = id ? [id] : [];
  }
  if (entity === 'instruments') {
    const id = refs.register ? lookups.registerId(refs.register) : undefined;
    if (refs.register && !id) dangling(refs.register);
    fields.registerId = id ?? null;
    // A borrower nobody can find gets no loan (borrowerLoan says so); the name stays here.
    if (refs.borrower && !lookups.memberId(refs.borrower, by))
      draft.keep.push(`Ausgeliehen an: ${refs.borrower}`);
  }
  if (entity === 'loans') {
    if (!refs.instrument) return importText('import.reference.loanNoInstrument');
    if (!refs.member) return importText('import.reference.loanNoMember');
    const instrumentId = lookups.instrumentId(refs.instrument, by);
    if (!instrumentId)
      return importText('import.reference.instrumentMissing', { ref: refs.instrument });
    const memberId = lookups.memberId(refs.member, by);
    if (!memberId) return importText('import.reference.memberMissing', { ref: refs.member });
    fields.instrumentId = instrumentId;
    fields.memberId = memberId;
    if (!by) {
      warnIfAmbiguous(lookups, draft, 'instruments', refs.instrument, link);
      warnIfAmbiguous(lookups, draft, 'members', refs.member, link);
    }
  }
  if (entity === 'honours') {
    if (!refs.member) return importText('import.reference.honourNoMember');
    const memberId = lookups.memberId(refs.member, by);
    if (!memberId) return importText('import.reference.memberMissing', { ref: refs.member });
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

/**
 * What Tutti knows about one field of a record, in one place: its label in both languages,
 * its kind, whether it is sensitive, how it is exported and which column names of an old
 * program mean it. Forms, tables, exports, the import and the rights derive from these.
 */

/** How a value is kept, shown and exported. */
export type FieldKind =
  | 'text'
  | 'longText'
  | 'date'
  | 'time'
  | 'money'
  | 'email'
  | 'iban'
  | 'bic'
  | 'phone'
  | 'flag'
  | 'int'
  | 'choice'
  | 'country'
  | 'reference'
  | 'references'
  | 'keptValues'
  | 'federations'
  | 'honourRuleSets'
  | 'ownHonours'
  | 'consents'
  | 'memberships'
  | 'reviewFlags';

/** How the import cleans a cell for this field (shared/import/cleanValues.ts). */
export type ImportKind =
  | 'text'
  | 'date'
  | 'money'
  | 'email'
  | 'iban'
  | 'bic'
  | 'phone'
  | 'flag'
  | 'int'
  | 'salutation'
  | 'memberStatus'
  | 'activeFlag'
  | 'condition'
  | 'country'
  | 'registerRef'
  | 'memberRef'
  | 'instrumentRef';

export interface Words {
  de: string;
  en: string;
}

export interface FieldDefinition {
  /** The record's field, or for `importOnly` a column the import turns into fields. */
  field: string;
  label: Words;
  /** A shorter label for table columns and export headings, where `label` is a sentence. */
  short?: Words;
  /** The label in the import wizard, where it needs to say more ("with or without number"). */
  importLabel?: Words;
  kind: FieldKind;
  /** Only roles with access to sensitive data read or write it (DESIGN.md "Domain"). */
  sensitive?: boolean;
  /** Labels of a choice's values, by stored value. */
  values?: Readonly<Record<string, Words>>;
  /** The entity a reference points at. */
  target?: string;
  /** Not in CSV/JSON exports (internal, or shown elsewhere). */
  noExport?: boolean;
  /** Column names (German and English, as old programs spell them) that propose this field. */
  importNames?: readonly string[];
  /** The name import mappings use for this field, where it differs (saved mapping files). */
  importField?: string;
  /** How the import cleans the cell, where it differs from `kind`. */
  importKind?: ImportKind;
  /** Not a field of the record: the import fills other fields from it (house number, BLZ). */
  importOnly?: boolean;
}

export type EntityCatalogue = readonly FieldDefinition[];

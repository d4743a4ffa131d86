/**
 * The fields an import can fill, per kind of record, from the field catalogue
 * (shared/domain/catalogue): label and the column names (German and English, as old club
 * programs and spreadsheets spell them) that propose them. Names are compared normalised:
 * lower case, umlauts spelled out, nothing but letters and digits ("Straße" = "strasse",
 * "E-Mail" = "email").
 */
import {
  CATALOGUE,
  type FieldDefinition,
  fieldImportKey,
  type ImportKind,
} from '../domain/catalogue/index.ts';

export const IMPORT_ENTITIES = ['registers', 'members', 'instruments', 'loans', 'honours'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** How the import cleans a cell (shared/import/cleanValues.ts). */
export type TargetKind = ImportKind;

export interface ImportTarget {
  field: string;
  /** German, for the report and the command line; the wizard shows `labelKey` in its language. */
  label: string;
  labelKey: string;
  kind: TargetKind;
  synonyms: readonly string[];
}

function importKindOf(definition: FieldDefinition): TargetKind {
  if (definition.importKind) return definition.importKind;
  if (definition.kind === 'longText') return 'text';
  return definition.kind as TargetKind;
}

/** The fields an import can fill: those of the field catalogue that name import columns. */
export const IMPORT_TARGETS = {} as Record<ImportEntity, readonly ImportTarget[]>;
for (const entity of IMPORT_ENTITIES)
  IMPORT_TARGETS[entity] = CATALOGUE[entity]
    .filter((definition) => definition.importNames)
    .map((definition) => ({
      field: definition.importField ?? definition.field,
      label: (definition.importLabel ?? definition.label).de,
      labelKey: fieldImportKey(entity, definition.field),
      kind: importKindOf(definition),
      synonyms: definition.importNames!,
    }));

export function targetOf(entity: ImportEntity, field: string): ImportTarget | undefined {
  return IMPORT_TARGETS[entity].find((target) => target.field === field);
}

/** Lower case with umlauts and ß spelt out: "Förderer" → "foerderer". */
export function foldGerman(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss');
}

/** "Straße" → "strasse", "E-Mail" → "email", "Geb.-Datum" → "gebdatum". */
export function normaliseColumnName(name: string): string {
  return foldGerman(name).replace(/[^a-z0-9]/g, '');
}

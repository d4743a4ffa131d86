/**
 * The field catalogue: per entity, every field with what Tutti knows about it
 * (fieldDefinition.ts). Labels become texts under `fields.<entity>.<field>` (and
 * `fields.<entity>.<field>_short`, `_import`), values of a choice under
 * `values.<entity>.<field>.<value>`, so the UI, the CLI and the exports say them in either
 * language from this one place.
 */
import { ENTITY_WORDS } from './entityWords.ts';
import type { EntityCatalogue, FieldDefinition, Words } from './fieldDefinition.ts';
import { MEMBER_FIELDS } from './memberFields.ts';
import {
  ATTENDANCE_FIELDS,
  CLUB_FIELDS,
  EVENT_FIELDS,
  HONOUR_FIELDS,
  INSTRUMENT_FIELDS,
  LOAN_FIELDS,
  MAINTENANCE_FIELDS,
  REGISTER_FIELDS,
} from './otherFields.ts';

export { ENTITY_WORDS, entityKey } from './entityWords.ts';
export type { FieldDefinition, FieldKind, ImportKind, Words } from './fieldDefinition.ts';

/** Keyed by entity name (entities.ts checks that every entity has its list). */
export const CATALOGUE = {
  members: MEMBER_FIELDS,
  registers: REGISTER_FIELDS,
  instruments: INSTRUMENT_FIELDS,
  loans: LOAN_FIELDS,
  maintenance: MAINTENANCE_FIELDS,
  events: EVENT_FIELDS,
  attendance: ATTENDANCE_FIELDS,
  honours: HONOUR_FIELDS,
  club: CLUB_FIELDS,
} as const satisfies Record<string, EntityCatalogue>;

export type CatalogueEntity = keyof typeof CATALOGUE;

/** The record's own fields (not the import's helper columns). */
export function recordFields(entity: CatalogueEntity): FieldDefinition[] {
  return CATALOGUE[entity].filter((f) => !f.importOnly);
}

export function fieldOf(entity: CatalogueEntity, field: string): FieldDefinition | undefined {
  return CATALOGUE[entity].find((f) => f.field === field);
}

/** Fields only roles with access to sensitive data may read or write. */
export function sensitiveFieldsIn(entity: CatalogueEntity): string[] {
  return recordFields(entity)
    .filter((f) => f.sensitive)
    .map((f) => f.field);
}

/** Text keys of a field's labels. */
export const fieldLabelKey = (entity: string, field: string) => `fields.${entity}.${field}`;
export const fieldShortKey = (entity: string, field: string) => {
  const definition = fieldOf(entity as CatalogueEntity, field);
  return definition?.short ? `fields.${entity}.${field}_short` : fieldLabelKey(entity, field);
};
export const fieldImportKey = (entity: string, field: string) => {
  const definition = fieldOf(entity as CatalogueEntity, field);
  return definition?.importLabel
    ? `fields.${entity}.${field}_import`
    : fieldLabelKey(entity, field);
};
export const valueLabelKey = (entity: string, field: string, value: string) =>
  `values.${entity}.${field}.${value}`;

type Tree = { [key: string]: string | Tree };

/** The `entities`, `fields` and `values` text trees of one language, for shared/messages. */
export function catalogueTexts(language: keyof Words): {
  entities: Tree;
  fields: Tree;
  values: Tree;
} {
  const fields: Tree = {};
  const values: Tree = {};
  for (const [entity, list] of Object.entries(CATALOGUE)) {
    const labels: Tree = {};
    const choices: Tree = {};
    for (const f of list) {
      labels[f.field] = f.label[language];
      if (f.short) labels[`${f.field}_short`] = f.short[language];
      if (f.importLabel) labels[`${f.field}_import`] = f.importLabel[language];
      if (f.values)
        choices[f.field] = Object.fromEntries(
          Object.entries(f.values).map(([value, words]) => [value, words[language]]),
        );
    }
    fields[entity] = labels;
    if (Object.keys(choices).length > 0) values[entity] = choices;
  }
  const entities: Tree = {};
  for (const [entity, words] of Object.entries(ENTITY_WORDS))
    entities[entity] = { one: words.one[language], other: words.other[language] };
  return { entities, fields, values };
}

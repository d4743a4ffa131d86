/**
 * A record field's name as the secretary knows it from the forms ("Ort", not "city"), for the
 * "Konflikte & Ablehnungen" view: the field catalogue's label; `deleted` and unknown fields
 * by the sync view's own words.
 */
import type { TFunction } from 'i18next';
import { fieldLabelKey } from '../../../shared/domain/catalogue/index.ts';

export function fieldLabel(t: TFunction, entity: string, field: string): string {
  return t(fieldLabelKey(entity, field), {
    defaultValue: t(`sync.fieldName.${field}`, { defaultValue: field }),
  });
}

/**
 * A record field's name as the secretary knows it from the forms ("Ort", not "city"), for the
 * "Konflikte & Ablehnungen" view. The forms' labels are reused; where a form names a field
 * differently from the data (`registerIds` is "Register"), the alias says which label it is.
 */
import type { TFunction } from 'i18next';

const FORM_LABEL: Record<string, Record<string, string>> = {
  members: { registerIds: 'registers', title: 'title_field' },
  instruments: { registerId: 'register', purchasePriceCents: 'purchasePrice' },
  maintenance: { costCents: 'cost' },
  events: { title: 'titleField' },
};

export function fieldLabel(t: TFunction, entity: string, field: string): string {
  const key = FORM_LABEL[entity]?.[field] ?? field;
  return t(`${entity}.${key}`, {
    defaultValue: t(`sync.fieldName.${field}`, { defaultValue: field }),
  });
}

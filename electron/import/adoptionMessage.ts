/**
 * What the report says when the import adopted a register or an instrument Tutti already had
 * (same name or inventory number): linked; linked and its empty fields filled; or linked with
 * its empty fields not filled, and why.
 */
import type { ImportText } from '../../shared/api/import.ts';
import { importText } from '../../shared/import/importText.ts';

const ADOPTED_REGISTER = [
  'import.adopted.register',
  'import.adopted.registerFilled',
  'import.adopted.registerNotFilled',
] as const;
const ADOPTED_INSTRUMENT = [
  'import.adopted.instrument',
  'import.adopted.instrumentFilled',
  'import.adopted.instrumentNotFilled',
] as const;

export function adoptionMessage(
  entity: string,
  record: Record<string, unknown>,
  filled: 'none' | 'filled' | ImportText,
): ImportText {
  const [linked, linkedFilled, linkedNotFilled] =
    entity === 'registers' ? ADOPTED_REGISTER : ADOPTED_INSTRUMENT;
  const params: Record<string, string> =
    entity === 'registers'
      ? { name: String(record.name) }
      : { number: String(record.inventoryNumber) };
  if (filled === 'none') return importText(linked, params);
  if (filled === 'filled') return importText(linkedFilled, params);
  return importText(linkedNotFilled, params, { parts: { reason: filled } });
}

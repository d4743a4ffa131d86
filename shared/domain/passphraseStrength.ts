/**
 * A rough strength estimate of a backup passphrase, for the hint beside the field and the
 * refusal of what is too short: length and the kinds of characters used give an entropy
 * estimate in bits; few distinct characters count as weak.
 */
export const MIN_PASSPHRASE_LENGTH = 12;

export type PassphraseStrength = 'zu_kurz' | 'schwach' | 'mittel' | 'stark';

export function passphraseStrength(passphrase: string): PassphraseStrength {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return 'zu_kurz';
  const distinct = new Set(passphrase.toLowerCase()).size;
  if (distinct < 6) return 'schwach';
  let alphabet = 0;
  if (/[a-zäöüß]/.test(passphrase)) alphabet += 30;
  if (/[A-ZÄÖÜ]/.test(passphrase)) alphabet += 29;
  if (/[0-9]/.test(passphrase)) alphabet += 10;
  if (/[^a-zA-ZäöüÄÖÜß0-9]/.test(passphrase)) alphabet += 33;
  const bits = [...passphrase].length * Math.log2(Math.max(alphabet, 2));
  return bits >= 80 ? 'stark' : bits >= 60 ? 'mittel' : 'schwach';
}

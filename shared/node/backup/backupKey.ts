/**
 * The key of a set of backups, kept the way restic keeps its repository key: an age X25519
 * identity, itself age-encrypted with the backup passphrase (scrypt) and stored as
 * `tutti-schluessel.age` beside the backups. Backups are encrypted to the identity's public
 * recipient, so an automatic backup needs no passphrase and none is ever stored; reading a
 * backup needs the key file and the passphrase — with Tutti, or with the standard tool:
 * `age -d -i tutti-schluessel.age BACKUP.tar.gz.age`. Changing the passphrase re-wraps the same
 * identity, so every older backup stays readable with the new passphrase.
 */
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { BackupError } from './backupError.ts';

export const KEY_FILE_NAME = 'tutti-schluessel.age';
export const MIN_PASSPHRASE_LENGTH = 12;

export interface BackupKey {
  identity: string;
  recipient: string;
}

export async function newBackupKey(): Promise<BackupKey> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export async function recipientOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}

/** The key file's bytes: the identity encrypted with the passphrase (age's scrypt recipient). */
export async function wrapBackupKey(identity: string, passphrase: string): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  return encrypter.encrypt(`${identity}\n`);
}

export async function unwrapBackupKey(keyFile: Uint8Array, passphrase: string): Promise<string> {
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  let text: string;
  try {
    text = await decrypter.decrypt(keyFile, 'text');
  } catch (error) {
    if (error instanceof Error && error.message.includes('no identity matched'))
      throw new BackupError(
        'wrong_passphrase',
        'Die Passphrase der Datensicherung ist falsch. Bitte erneut eingeben.',
        { cause: error },
      );
    throw new BackupError(
      'damaged',
      'Die Schlüsseldatei der Datensicherung ist beschädigt. Eine andere Kopie von tutti-schluessel.age verwenden.',
      { cause: error },
    );
  }
  const identity = text.trim();
  if (!identity.startsWith('AGE-SECRET-KEY-1'))
    throw new BackupError('damaged', 'Die Schlüsseldatei enthält keinen age-Schlüssel.');
  return identity;
}

export type PassphraseStrength = 'zu_kurz' | 'schwach' | 'mittel' | 'stark';

/**
 * A rough strength estimate for the hint beside the field: length and the kinds of characters
 * used give an entropy estimate in bits; repeated or very common passphrases count as weak.
 */
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

/** Refuses what is too short to protect a club's data; the hint is for everything above. */
export function assertUsablePassphrase(passphrase: string): void {
  if (passphraseStrength(passphrase) === 'zu_kurz')
    throw new BackupError(
      'weak_passphrase',
      `Die Passphrase der Datensicherung muss mindestens ${MIN_PASSPHRASE_LENGTH} Zeichen lang sein.`,
    );
  if (passphraseStrength(passphrase) === 'schwach' && new Set(passphrase).size < 6)
    throw new BackupError(
      'weak_passphrase',
      'Die Passphrase wiederholt zu wenige Zeichen. Bitte mehrere Wörter oder gemischte Zeichen verwenden.',
    );
}

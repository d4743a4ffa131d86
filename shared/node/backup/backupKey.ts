/**
 * The key of a set of backups, kept the way restic keeps its repository key: an age X25519
 * identity, itself age-encrypted with the backup passphrase (scrypt, N = 2^17 as everywhere in
 * Tutti; see nativeScrypt.ts) and stored as
 * `tutti-schluessel.age` beside the backups. Backups are encrypted to the identity's public
 * recipient, so an automatic backup needs no passphrase and none is ever stored; reading a
 * backup needs the key file and the passphrase — with Tutti, or with the standard tool:
 * `age -d -i tutti-schluessel.age BACKUP.tar.gz.age`. Changing the passphrase re-wraps the same
 * identity, so every older backup stays readable with the new passphrase.
 */
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../../domain/passphraseStrength.ts';
import { BackupError } from './backupError.ts';
import { NativeScryptIdentity, NativeScryptRecipient } from './nativeScrypt.ts';

export const KEY_FILE_NAME = 'tutti-schluessel.age';

export interface BackupKey {
  identity: string;
  recipient: string;
}

export async function newBackupKey(): Promise<BackupKey> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** An age X25519 recipient (`age1…`): what Debian's age 1.1 reads; post-quantum ones need 1.3. */
export function isAgeRecipient(text: string): boolean {
  return /^age1[02-9ac-hj-np-z]{58}$/.test(text);
}

export async function recipientOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}

/** The key file's bytes: the identity encrypted with the passphrase (age's scrypt recipient). */
export async function wrapBackupKey(identity: string, passphrase: string): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(new NativeScryptRecipient(passphrase));
  return encrypter.encrypt(`${identity}\n`);
}

export async function unwrapBackupKey(keyFile: Uint8Array, passphrase: string): Promise<string> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(new NativeScryptIdentity(passphrase));
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

/** Refuses what is too short to protect a club's data; the hint is for everything above. */
export function assertUsablePassphrase(passphrase: string): void {
  if (passphraseStrength(passphrase) === 'zu_kurz')
    throw new BackupError(
      'weak_passphrase',
      `Die Passphrase der Datensicherung muss mindestens ${MIN_PASSPHRASE_LENGTH} Zeichen lang sein.`,
    );
  if (new Set(passphrase.toLowerCase()).size < 6)
    throw new BackupError(
      'weak_passphrase',
      'Die Passphrase wiederholt zu wenige Zeichen. Bitte mehrere Wörter oder gemischte Zeichen verwenden.',
    );
}

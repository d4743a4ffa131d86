/**
 * The backup file of DESIGN.md ("Backups"): an age-encrypted, gzip-compressed tar archive
 * holding `manifest.json` and `tutti.sqlite`. A club gets its data back without Tutti:
 *
 *     age -d -i tutti-schluessel.age BACKUP.tar.gz.age | tar xz
 *
 * Compression comes before encryption (encrypted bytes do not compress): a club's database
 * shrinks to about a seventh, which makes encrypting, writing and e-mailing it cheaper.
 * Packing and encrypting are separate steps, so that callers can report the share of each.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Decrypter, Encrypter } from 'age-encryption';
import tar from 'tar-stream';
import { BackupError } from './backupError.ts';
import {
  BACKUP_FORMAT_VERSION,
  type BackupManifest,
  MANIFEST_FILE,
  type ManifestInput,
  manifestSchema,
  SNAPSHOT_FILE,
} from './backupManifest.ts';

/** Every backup file ends so: first age decrypts it, then tar unpacks it. */
export const BACKUP_SUFFIX = '.tar.gz.age';
const AGE_MAGIC = 'age-encryption.org/v1';
const ARMOR_MAGIC = '-----BEGIN AGE ENCRYPTED FILE-----';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function manifestFor(input: ManifestInput, snapshot: Uint8Array): BackupManifest {
  const { appVersion, ...rest } = input;
  return {
    format: 'tutti-backup',
    formatVersion: BACKUP_FORMAT_VERSION,
    app: { name: 'Tutti', version: appVersion },
    ...rest,
    snapshot: { file: SNAPSHOT_FILE, bytes: snapshot.byteLength, sha256: sha256Hex(snapshot) },
  };
}

/** The gzipped tar archive: the manifest first, so a reader learns what follows before the data. */
export async function packBackup(manifest: BackupManifest, snapshot: Uint8Array): Promise<Buffer> {
  const pack = tar.pack();
  const mtime = new Date(manifest.createdAt);
  pack.entry({ name: MANIFEST_FILE, mtime, mode: 0o600 }, JSON.stringify(manifest, null, 2));
  pack.entry({ name: SNAPSHOT_FILE, mtime, mode: 0o600 }, Buffer.from(snapshot));
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  // Level 1: nearly the ratio of level 6 at half the time on a club's database.
  return gzipSync(Buffer.concat(chunks), { level: 1 });
}

/** Encrypts to age recipients (`age1…`): nobody without one of their identities can read it. */
export async function encryptBackup(archive: Uint8Array, recipients: readonly string[]) {
  if (recipients.length === 0) throw new Error('a backup needs at least one recipient');
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return encrypter.encrypt(archive);
}

export async function sealBackup(
  input: ManifestInput,
  snapshot: Uint8Array,
  recipients: readonly string[],
): Promise<{ file: Uint8Array; manifest: BackupManifest }> {
  const manifest = manifestFor(input, snapshot);
  return { file: await encryptBackup(await packBackup(manifest, snapshot), recipients), manifest };
}

function looksLikeAge(file: Uint8Array): boolean {
  const head = Buffer.from(file.subarray(0, 40)).toString('latin1');
  return head.startsWith(AGE_MAGIC) || head.startsWith(ARMOR_MAGIC);
}

export async function decryptBackup(file: Uint8Array, identity: string): Promise<Uint8Array> {
  if (!looksLikeAge(file))
    throw new BackupError(
      'not_a_backup',
      'Die Datei ist keine Tutti-Datensicherung (keine age-verschlüsselte Datei).',
    );
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  try {
    return await decrypter.decrypt(file);
  } catch (error) {
    if (error instanceof Error && error.message.includes('no identity matched'))
      throw new BackupError(
        'wrong_key',
        'Die Sicherung lässt sich mit diesem Schlüssel nicht öffnen: Sie wurde mit einem anderen Schlüssel erstellt, oder ihr Kopf ist beschädigt.',
        { cause: error },
      );
    throw new BackupError(
      'damaged',
      'Die Sicherungsdatei ist beschädigt oder unvollständig. Bitte eine andere Generation verwenden.',
      { cause: error },
    );
  }
}

/** Unpacks the tar archive, reads the manifest and checks the snapshot against it. */
export async function unpackBackup(
  archive: Uint8Array,
): Promise<{ manifest: BackupManifest; snapshot: Buffer }> {
  const damaged = (detail: string, cause?: unknown) =>
    new BackupError('damaged', `Die Sicherung ist beschädigt: ${detail}.`, { cause });
  const files = new Map<string, Buffer>();
  try {
    const extract = tar.extract();
    Readable.from([gunzipSync(archive)]).pipe(extract);
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      files.set(entry.header.name, Buffer.concat(chunks));
    }
  } catch (error) {
    throw damaged('das Archiv lässt sich nicht entpacken', error);
  }
  const manifestBytes = files.get(MANIFEST_FILE);
  const snapshot = files.get(SNAPSHOT_FILE);
  if (!manifestBytes || !snapshot) throw damaged('Manifest oder Datenbank fehlt');
  let manifest: BackupManifest;
  try {
    const parsed = JSON.parse(manifestBytes.toString('utf8')) as { formatVersion?: unknown };
    if (typeof parsed.formatVersion === 'number' && parsed.formatVersion > BACKUP_FORMAT_VERSION)
      throw new BackupError(
        'too_new',
        'Die Sicherung stammt aus einer neueren Tutti-Version. Bitte Tutti aktualisieren.',
      );
    manifest = manifestSchema.parse(parsed);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw damaged('das Manifest ist ungültig', error);
  }
  if (
    snapshot.byteLength !== manifest.snapshot.bytes ||
    sha256Hex(snapshot) !== manifest.snapshot.sha256
  )
    throw damaged('die Prüfsumme der Datenbank stimmt nicht');
  return { manifest, snapshot };
}

export async function openBackup(file: Uint8Array, identity: string) {
  return unpackBackup(await decryptBackup(file, identity));
}

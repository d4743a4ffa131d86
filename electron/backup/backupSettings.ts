/**
 * This profile's backup settings, in its encrypted database: the folder, the backup key file's
 * bytes (the identity wrapped by the passphrase — the passphrase itself is never stored) and
 * its public recipient, and what the last backup was.
 */
import type { MetaTable } from '../store/meta.ts';

const KEYS = {
  folder: 'backup.folder',
  wrappedKey: 'backup.wrapped_key',
  recipient: 'backup.recipient',
  lastAt: 'backup.last_at',
  lastFingerprint: 'backup.last_fingerprint',
} as const;

export class BackupSettings {
  constructor(private readonly meta: MetaTable) {}

  /** A folder and a key: backups can be written without asking anybody anything. */
  isConfigured(): boolean {
    return this.folder() !== null && this.key() !== null;
  }

  folder(): string | null {
    return this.meta.get(KEYS.folder) ?? null;
  }

  setFolder(folder: string): void {
    this.meta.set(KEYS.folder, folder);
  }

  key(): { wrapped: Uint8Array; recipient: string } | null {
    const wrapped = this.meta.get(KEYS.wrappedKey);
    const recipient = this.meta.get(KEYS.recipient);
    return wrapped && recipient ? { wrapped: Buffer.from(wrapped, 'base64'), recipient } : null;
  }

  setKey(wrapped: Uint8Array, recipient: string): void {
    this.meta.set(KEYS.wrappedKey, Buffer.from(wrapped).toString('base64'));
    this.meta.set(KEYS.recipient, recipient);
  }

  /** When the last backup was made, and the data fingerprint it saved (DesktopBackups). */
  last(): { at: string; fingerprint: string } | null {
    const at = this.meta.get(KEYS.lastAt);
    return at ? { at, fingerprint: this.meta.get(KEYS.lastFingerprint) ?? '' } : null;
  }

  setLast(at: string, fingerprint: string): void {
    this.meta.set(KEYS.lastAt, at);
    this.meta.set(KEYS.lastFingerprint, fingerprint);
  }
}

import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { WritableDB } from './database.ts';

/** Small key/value facts about this replica (device id, last mutation id, clock). */
export class MetaTable {
  private readonly select: Statement;
  private readonly upsert: Statement;

  constructor(db: WritableDB) {
    this.select = db.prepare('SELECT value FROM meta WHERE key = ?');
    this.upsert = db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  get(key: string): string | undefined {
    return (this.select.get(key) as { value: string } | undefined)?.value;
  }

  set(key: string, value: string): void {
    this.upsert.run(key, value);
  }
}

/**
 * The record writes of one long transaction (a pushed batch of mutations): versions are handed
 * out from the club's counter, which is locked on first use and written back once; audit
 * entries are appended in one statement and the change is announced once, at `finish()`.
 * A write per record stays a write per record — only the per-transaction overhead is shared.
 */

import type { EntityName } from '../../shared/domain/entities.ts';
import { type Actor, type AuditEntry, writeAuditEntries } from '../audit/auditLog.ts';
import type { SqlClient } from '../storage/serverDatabase.ts';
import { announceChange, type StoredRecord, writeRecordRow } from './recordStore.ts';

export class RecordBatch {
  private version: number | null = null;
  private readonly entries: AuditEntry[] = [];

  constructor(
    private readonly sql: SqlClient,
    private readonly clubId: string,
    private readonly actor: Actor,
  ) {}

  /** Writes a record under the club's next version. */
  async store(entity: EntityName, id: string, record: StoredRecord): Promise<void> {
    if (this.version === null) {
      // The row lock orders concurrent writers: versions commit in the order they were taken,
      // so a pull after version N can never miss a change that commits later below N.
      const { rows } = await this.sql.query<{ version: string }>(
        'SELECT version FROM club_versions FOR UPDATE',
      );
      if (rows[0] === undefined) throw new Error(`club ${this.clubId} has no version row`);
      this.version = Number(rows[0].version);
    }
    this.version += 1;
    await writeRecordRow(this.sql, this.clubId, entity, id, record, this.version);
  }

  audit(entry: AuditEntry): void {
    this.entries.push(entry);
  }

  /** Where the batch stands, to go back to when a mutation is rolled back to its savepoint. */
  mark(): number {
    return this.entries.length;
  }

  /** Forgets the audit entries after `mark` (their writes were rolled back). Versions taken stay
   * used: a gap in the club's versions is harmless, a version used twice would not be. */
  rollbackTo(mark: number): void {
    this.entries.length = mark;
  }

  async finish(): Promise<void> {
    if (this.version !== null) {
      await this.sql.query('UPDATE club_versions SET version = $1', [this.version]);
      await announceChange(this.sql, this.clubId);
    }
    await writeAuditEntries(this.sql, this.clubId, this.actor, this.entries);
  }
}

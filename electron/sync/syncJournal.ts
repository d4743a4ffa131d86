/**
 * "Konflikte & Ablehnungen": every local value a later remote one replaced, and every mutation
 * the server rejected with its reason — kept in the profile until the user deals with them:
 * a conflict is dismissed (or its value re-applied, which is just a new edit), a rejection is
 * resent or discarded (rejections.ts); until then its values stay on screen, marked.
 */

import type { MessageParams } from '../../shared/messages/message.ts';
import type { Mutation, MutationOutcome, RecordChange } from '../../shared/sync/protocol.ts';
import type { LocalStore } from '../store/localStore.ts';
import type { LostValue } from './replica.ts';

export interface ConflictEntry extends LostValue {
  key: number;
  at: string;
}

export interface RejectionEntry {
  mutationId: number;
  at: string;
  reason: string;
  reasonKey: string | null;
  reasonParams: MessageParams;
  fields: Record<string, string>;
  mutation: Mutation;
  /** The server's state of the mutation's records when it refused it. */
  current: RecordChange[];
}

export class SyncJournal {
  constructor(
    private readonly store: LocalStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  recordConflicts(values: readonly LostValue[]): void {
    const insert = this.store.statement(
      `INSERT INTO sync_conflicts (at, entity, record_id, field, local_value, local_stamp, remote_value, remote_stamp)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const at = this.now().toISOString();
    for (const v of values)
      insert.run(
        at,
        v.entity,
        v.id,
        v.field,
        JSON.stringify(v.localValue ?? null),
        v.localStamp,
        JSON.stringify(v.remoteValue ?? null),
        v.remoteStamp,
      );
  }

  recordRejection(mutation: Mutation, outcome: MutationOutcome): void {
    this.store
      .statement(
        `INSERT OR REPLACE INTO sync_rejections
           (mutation_id, at, reason, fields, mutation, reason_key, reason_params, current)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        mutation.mutationId,
        this.now().toISOString(),
        outcome.reason ?? 'Vom Server abgelehnt.',
        JSON.stringify(outcome.fields ?? {}),
        JSON.stringify(mutation),
        // The exact reason where the server says it, else the key older servers send.
        outcome.reasonMessage?.key ?? outcome.reasonKey ?? null,
        JSON.stringify(outcome.reasonMessage?.params ?? outcome.reasonParams ?? {}),
        JSON.stringify(outcome.current ?? []),
      );
  }

  conflicts(): ConflictEntry[] {
    const rows = this.store
      .statement(
        `SELECT id, at, entity, record_id, field, local_value, local_stamp, remote_value, remote_stamp
         FROM sync_conflicts WHERE dismissed = 0 ORDER BY id`,
      )
      .all() as Record<string, string | number>[];
    return rows.map((r) => ({
      key: Number(r.id),
      at: String(r.at),
      entity: r.entity as LostValue['entity'],
      id: String(r.record_id),
      field: String(r.field),
      localValue: JSON.parse(String(r.local_value)),
      localStamp: String(r.local_stamp),
      remoteValue: JSON.parse(String(r.remote_value)),
      remoteStamp: String(r.remote_stamp),
    }));
  }

  /** The user has looked at it: it leaves the list (the row stays, marked). */
  dismiss(kind: 'conflict' | 'rejection', key: number): boolean {
    const sql =
      kind === 'conflict'
        ? 'UPDATE sync_conflicts SET dismissed = 1 WHERE id = ? AND dismissed = 0'
        : 'UPDATE sync_rejections SET dismissed = 1 WHERE mutation_id = ? AND dismissed = 0';
    return this.store.statement(sql).run(key).changes > 0;
  }

  /** Rejections the person has not resent or discarded yet. */
  rejections(): RejectionEntry[] {
    const rows = this.store
      .statement(
        `SELECT mutation_id, at, reason, fields, mutation, reason_key, reason_params, current
         FROM sync_rejections WHERE dismissed = 0 ORDER BY mutation_id`,
      )
      .all() as Record<string, string | number | null>[];
    return rows.map((r) => ({
      mutationId: Number(r.mutation_id),
      at: String(r.at),
      reason: String(r.reason),
      reasonKey: r.reason_key === null ? null : String(r.reason_key),
      reasonParams: JSON.parse(String(r.reason_params)),
      fields: JSON.parse(String(r.fields)),
      mutation: JSON.parse(String(r.mutation)),
      current: JSON.parse(String(r.current)),
    }));
  }

  /** `entity:id` of every record an unresolved rejection names. */
  refusedRecords(): Set<string> {
    const keys = new Set<string>();
    for (const r of this.rejections())
      for (const op of r.mutation.ops) keys.add(`${op.entity}:${op.id}`);
    return keys;
  }

  rejection(mutationId: number): RejectionEntry | undefined {
    return this.rejections().find((r) => r.mutationId === mutationId);
  }
}

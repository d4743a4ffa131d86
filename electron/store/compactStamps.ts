/**
 * How stamps are kept on disk. A record created or imported in one edit has the same HLC stamp
 * on every field; written out per field, the stamps were twice the size of the record itself
 * and an outbox entry twice the size of its values (an import of 10,000 records wrote 49 MB).
 * On disk, the stamp most fields share is written once under "*", with "*n", the number of the
 * table's fields it stands for (the first n of its definition: fields are only ever appended,
 * see tables.ts, so a field added later never inherits a stamp it did not have). Every other
 * stamp — a field with a different stamp, `deleted` — is written as it is. Everything above
 * the store sees the full per-field map, exactly as before; rows without "*" are read as they
 * are.
 */
import type { FieldStamps } from '../../shared/sync/merge.ts';
import type { Mutation, Op } from '../../shared/sync/protocol.ts';

const SHARED = '*';
const COVERED = '*n';

/** A record's stamps for its row: the common stamp once, when every field has a stamp. */
export function compactRecordStamps(
  stamps: FieldStamps,
  fieldNames: readonly string[],
): Record<string, string | number> {
  const uniform = uniformStamp(stamps, fieldNames);
  if (uniform !== undefined) return withShared(stamps, fieldNames, uniform);
  const counts = new Map<string, number>();
  for (const field of fieldNames) {
    const stamp = stamps[field];
    if (stamp === undefined) return stamps;
    counts.set(stamp, (counts.get(stamp) ?? 0) + 1);
  }
  let common = '';
  let most = 0;
  for (const [stamp, count] of counts) {
    if (count > most) {
      common = stamp;
      most = count;
    }
  }
  if (most < 2) return stamps;
  return withShared(stamps, fieldNames, common);
}

/**
 * The stamp every field has, when they all have the same one (a record created or imported in
 * one edit — the common case, decided without counting).
 */
function uniformStamp(stamps: FieldStamps, fieldNames: readonly string[]): string | undefined {
  if (fieldNames.length < 2) return undefined;
  const first = stamps[fieldNames[0]!];
  for (const field of fieldNames) if (stamps[field] !== first) return undefined;
  return first;
}

const coveredSets = new WeakMap<readonly string[], Set<string>>();

function withShared(
  stamps: FieldStamps,
  fieldNames: readonly string[],
  common: string,
): Record<string, string | number> {
  let covered = coveredSets.get(fieldNames);
  if (!covered) {
    covered = new Set(fieldNames);
    coveredSets.set(fieldNames, covered);
  }
  const compact: Record<string, string | number> = {
    [SHARED]: common,
    [COVERED]: fieldNames.length,
  };
  for (const field in stamps) {
    const stamp = stamps[field]!;
    if (stamp !== common || !covered.has(field)) compact[field] = stamp;
  }
  return compact;
}

export function expandRecordStamps(
  stored: Record<string, string | number>,
  fieldNames: readonly string[],
): FieldStamps {
  const common = stored[SHARED];
  if (typeof common !== 'string') return stored as FieldStamps;
  const covered = Math.min(Number(stored[COVERED]), fieldNames.length);
  const stamps: FieldStamps = {};
  for (let i = 0; i < covered; i++) stamps[fieldNames[i]!] = common;
  for (const [field, stamp] of Object.entries(stored)) {
    if (field !== SHARED && field !== COVERED) stamps[field] = stamp as string;
  }
  return stamps;
}

/** An outbox entry: an op whose fields all carry one stamp keeps it once. */
export function compactMutation(mutation: Mutation): unknown {
  return { ...mutation, ops: mutation.ops.map(compactOp) };
}

function compactOp(op: Op): unknown {
  let first: string | undefined;
  let count = 0;
  for (const field in op.stamps) {
    const stamp = op.stamps[field]!;
    first ??= stamp;
    if (stamp !== first || !(field in op.set)) return op;
    count++;
  }
  if (count < 2) return op;
  // The stamps' fields are then exactly the set's: expansion restores them from the set.
  let setFields = 0;
  for (const _field in op.set) setFields++;
  if (setFields !== count) return op;
  return { ...op, stamps: { [SHARED]: first } };
}

export function expandMutation(stored: { ops?: unknown }): unknown {
  if (!Array.isArray(stored.ops)) return stored;
  return {
    ...stored,
    ops: stored.ops.map(
      (op: { set?: Record<string, unknown>; stamps?: Record<string, string> }) => {
        const common = op.stamps?.[SHARED];
        if (common === undefined || !op.set) return op;
        return {
          ...op,
          stamps: Object.fromEntries(Object.keys(op.set).map((field) => [field, common])),
        };
      },
    ),
  };
}

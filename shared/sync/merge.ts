/**
 * Field-level last-writer-wins merge. A record's state is its field values plus one HLC stamp
 * per field; `deleted` is one more field, so a later explicit restore undeletes.
 * The merge is commutative, associative and idempotent (see merge.test.ts), which is what lets
 * devices apply changes in any order and still converge.
 */
import type { HlcStamp } from './hlc.ts';

export type FieldValues = Record<string, unknown>;
export type FieldStamps = Record<string, HlcStamp>;

export interface RecordState {
  fields: FieldValues;
  stamps: FieldStamps;
}

export interface FieldConflict {
  field: string;
  /** The value that lost. */
  losingValue: unknown;
  losingStamp: HlcStamp;
  winningValue: unknown;
  winningStamp: HlcStamp;
}

export interface MergeResult {
  state: RecordState;
  /** Fields of `incoming` that changed the state. */
  applied: string[];
  /** Fields of `incoming` that lost against a later local stamp. */
  overridden: FieldConflict[];
}

/** Applies `incoming` (fields with their stamps) onto `current`, field by field. */
export function mergeRecord(current: RecordState | undefined, incoming: RecordState): MergeResult {
  const fields: FieldValues = { ...(current?.fields ?? {}) };
  const stamps: FieldStamps = { ...(current?.stamps ?? {}) };
  const applied: string[] = [];
  const overridden: FieldConflict[] = [];
  for (const [field, stamp] of Object.entries(incoming.stamps)) {
    const value = incoming.fields[field];
    const existing = stamps[field];
    if (existing === undefined || stamp > existing) {
      fields[field] = value;
      stamps[field] = stamp;
      applied.push(field);
    } else if (stamp < existing) {
      overridden.push({
        field,
        losingValue: value,
        losingStamp: stamp,
        winningValue: fields[field],
        winningStamp: existing,
      });
    }
    // Equal stamps come from the same device and the same change: nothing to do.
  }
  return { state: { fields, stamps }, applied, overridden };
}

/**
 * Wire types of sync protocol v1 (DESIGN.md "Sync protocol"), as a trio: the TypeScript type,
 * the runtime schema and an assert function. The desktop writes mutations in this shape to
 * its outbox, so what it stores is exactly what it will push.
 */
import { z } from 'zod';
import { entityNameSchema } from '../domain/entities.ts';
import { isStamp } from './hlc.ts';

const stampSchema = z.string().refine(isStamp, { error: 'Ungültiger HLC-Zeitstempel.' });

export const opSchema = z
  .object({
    entity: entityNameSchema,
    id: z.string().uuid(),
    set: z.record(z.string(), z.unknown()),
    stamps: z.record(z.string(), stampSchema),
  })
  .strict()
  .refine((op) => Object.keys(op.set).every((field) => field in op.stamps), {
    error: 'Jedes geänderte Feld braucht einen Zeitstempel.',
  });

export type Op = z.output<typeof opSchema>;

export const mutationSchema = z
  .object({
    mutationId: z.number().int().positive(),
    ops: z.array(opSchema).min(1),
  })
  .strict();

export type Mutation = z.output<typeof mutationSchema>;

export function assertMutation(value: unknown): asserts value is Mutation {
  mutationSchema.parse(value);
}

/** `POST /sync/v1/push`: a device's pending mutations, in order. */
export const pushRequestSchema = z
  .object({ mutations: z.array(mutationSchema).min(1).max(1000) })
  .strict();
export type PushRequest = z.output<typeof pushRequestSchema>;

/** What became of one pushed mutation. A rejected one is never dropped silently. */
export interface MutationOutcome {
  mutationId: number;
  status: 'applied' | 'skipped' | 'rejected';
  /** German, for the person: why the server refused it. */
  reason?: string;
  fields?: Record<string, string>;
  /** Fields of this mutation that lost against a later stamp already on the server. */
  overridden?: { entity: string; id: string; field: string }[];
  /** For a rejected mutation: the server's state of the records it touched, so the device can
   * put back what the server holds instead of keeping values the server never took. */
  current?: RecordChange[];
}

export interface PushResponse {
  lastMutationId: number;
  results: MutationOutcome[];
}

/** A record's state as one device may see it; `state: null` when it is not (or no longer) visible. */
export interface RecordChange {
  entity: string;
  id: string;
  version: number;
  state: { fields: Record<string, unknown>; stamps: Record<string, string> } | null;
}

/** `GET /sync/v1/pull?cursor=N`: changes after the cursor, paged. */
export interface PullResponse {
  changes: RecordChange[];
  cursor: number;
  hasMore: boolean;
  lastMutationId: number;
  scopeEpoch: number;
  /** The cursor was unknown (ahead of the server): these changes start from 0, and what the
   * device holds but is not resent by the end of this pull must be purged. */
  reset: boolean;
}

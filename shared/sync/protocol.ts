/**
 * Wire types of sync protocol v1 (DESIGN.md "Sync protocol"), each as a trio: the TypeScript
 * type, the runtime schema and an assert function (as Replicache does). Both sides check what
 * they receive: the server every request, the desktop every answer. Requests are strict
 * (unknown fields refused); answers are read leniently (unknown fields ignored), so a newer
 * server can add to them without breaking older desktops. The version is in the paths.
 *
 * The desktop writes mutations in this shape to its outbox, so what it stores is exactly what
 * it will push.
 */

import { z } from 'zod';
import { entityNameSchema } from '../domain/entities.ts';
import { messageKeySchema, messageParamsSchema, messageSchema } from '../messages/message.ts';
import { grantSchema } from '../rights/grants.ts';
import { isStamp } from './hlc.ts';

/** Where the protocol's messages go, on the device listener. */
export const SYNC_PATHS = {
  push: '/sync/v1/push',
  pull: '/sync/v1/pull',
  poke: '/sync/v1/poke',
  renewCertificate: '/api/v1/certificate/renew',
} as const;

const stampSchema = z.string().refine(isStamp, { error: 'Ungültiger HLC-Zeitstempel.' });
const count = z.number().int().nonnegative();

/**
 * A refusal travels as German text (`reason`, what older desktops show) and as a key with
 * parameters (shared/messages), from which the UI says it in its own language.
 */
export {
  messageKeySchema,
  messageParamsSchema,
} from '../messages/message.ts';
export type MessageParams = Record<string, string | number>;

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

/**
 * The largest single mutation a device queues: a push request holds whole mutations and the
 * server reads at most 1 MiB, so a bigger one could never be sent and would block every change
 * after it. A record that large is refused when it is saved, with a message.
 */
export const MAX_MUTATION_BYTES = 512 * 1024;

/** `POST /sync/v1/push`: a device's pending mutations, in order. */
export const pushRequestSchema = z
  .object({
    mutations: z.array(mutationSchema).min(1).max(1000),
    /**
     * The device's clock (ms since 1970) when it sent the request. A clock more than the drift
     * bound ahead of the server's is refused even for changes whose stamps real time has
     * caught up with (made offline, pushed later): they would overrule edits made after them.
     */
    sentAt: z.number().int().nonnegative().optional(),
  })
  .strict();
export type PushRequest = z.output<typeof pushRequestSchema>;

export function assertPushRequest(value: unknown): asserts value is PushRequest {
  pushRequestSchema.parse(value);
}

/** A record's state as one device may see it; `state: null` when it is not (or no longer) visible. */
export const recordChangeSchema = z.object({
  entity: z.string(),
  id: z.string(),
  version: count,
  state: z
    .object({
      fields: z.record(z.string(), z.unknown()),
      stamps: z.record(z.string(), stampSchema),
    })
    .nullable(),
});
export type RecordChange = z.output<typeof recordChangeSchema>;

/** What became of one pushed mutation. A rejected one is never dropped silently. */
export const mutationOutcomeSchema = z.object({
  mutationId: z.number().int().positive(),
  status: z.enum(['applied', 'skipped', 'rejected']),
  /** German, for the person: why the server refused it. */
  reason: z.string().optional(),
  reasonKey: messageKeySchema.optional(),
  reasonParams: messageParamsSchema.optional(),
  /** The exact reason, from servers since the shared texts (`reasonKey` stays for older desktops). */
  reasonMessage: messageSchema.optional(),
  fields: z.record(z.string(), z.string()).optional(),
  /** The same as messages, for the UI's language (from servers since the shared texts). */
  fieldMessages: z.record(z.string(), messageSchema).optional(),
  /** Fields of this mutation that lost against a later stamp already on the server. */
  overridden: z
    .array(z.object({ entity: z.string(), id: z.string(), field: z.string() }))
    .optional(),
  /**
   * The server's state of the records a rejected mutation touched, or of those whose fields
   * were overridden: the device shows what the server holds and keeps what it lost as a
   * conflict, never a silent difference.
   */
  current: z.array(recordChangeSchema).optional(),
});
export type MutationOutcome = z.output<typeof mutationOutcomeSchema>;

export const pushResponseSchema = z.object({
  lastMutationId: count,
  results: z.array(mutationOutcomeSchema),
});
export type PushResponse = z.output<typeof pushResponseSchema>;

export function assertPushResponse(value: unknown): asserts value is PushResponse {
  pushResponseSchema.parse(value);
}

/** `GET /sync/v1/pull?cursor=N[&limit=M]`: changes after the cursor, paged. */
/**
 * What the device's user may do: their role's grants, their registers and their own member
 * record (DESIGN.md "Rights"). Sent with every pull, so a changed role or register reaches the
 * device at its next round; the device hides what the user may not do and its import does not
 * write it — the server enforces it regardless.
 */
export const deviceAccessSchema = z
  .object({
    role: z.string().min(1).max(100),
    /** The role's name for people ("Notenwart"). */
    label: z.string().max(200).optional(),
    grants: z.array(grantSchema).max(1000),
    registerIds: z.array(z.string().max(100)).max(500),
    memberId: z.string().max(100).nullable(),
  })
  .strict();
export type DeviceAccess = z.output<typeof deviceAccessSchema>;

/**
 * The entities of protocol v1 as its first desktops know them. Their `access` is strict and
 * refuses a grant of any other entity, so grants of entities added since (the club's own
 * record) travel beside it in `laterGrants`, which those desktops ignore.
 */
export const FIRST_ENTITIES: readonly string[] = [
  'members',
  'registers',
  'instruments',
  'loans',
  'maintenance',
  'events',
  'attendance',
  'honours',
];

export const pullResponseSchema = z.object({
  changes: z.array(recordChangeSchema),
  cursor: count,
  hasMore: z.boolean(),
  lastMutationId: count,
  scopeEpoch: count,
  /** The user's rights now (missing from a server before this field: nothing is assumed). */
  access: deviceAccessSchema.optional(),
  /** The user's grants of entities newer than protocol v1's first desktops (see FIRST_ENTITIES). */
  laterGrants: z.array(grantSchema).max(1000).optional(),
  /** The cursor was unknown (ahead of the server): these changes start from 0, and what the
   * device holds but is not resent by the end of this pull must be purged. */
  reset: z.boolean(),
  /**
   * On a page asked for from cursor 0 (a fresh device, a full resync): how many changes the
   * whole pull brings — every record of the club, visible or not, counted just before the page
   * (on PostgreSQL in a snapshot of its own). A record changed while the pull runs comes once
   * more, so a device may receive a few more than this and keeps its count within it. Missing
   * from servers before it and on later pages.
   */
  total: count.optional(),
});
export type PullResponse = z.output<typeof pullResponseSchema>;

/**
 * Checks a pull page. Its changes are checked by hand, to the letter of `recordChangeSchema`:
 * zod took ~17 ms per page of 1,000 members, which an initial sync of 57,000 records pays 57
 * times; this takes ~2 ms. Its errors have zod's shape (`issues` with a path), so callers
 * report both alike.
 */
export function assertPullResponse(value: unknown): asserts value is PullResponse {
  const { changes, ...envelope } = (value ?? {}) as Record<string, unknown>;
  pullResponseSchema.omit({ changes: true }).parse(envelope);
  if (!Array.isArray(changes)) throw protocolError(['changes'], 'Erwartet wird eine Liste.');
  for (const [index, change] of changes.entries()) checkRecordChange(change, ['changes', index]);
}

type Path = (string | number)[];

function protocolError(path: Path, message: string): Error {
  return Object.assign(new Error(`${path.join('.')}: ${message}`), { issues: [{ path, message }] });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkRecordChange(value: unknown, path: Path): void {
  if (!isObject(value)) throw protocolError(path, 'Erwartet wird ein Objekt.');
  if (typeof value.entity !== 'string') throw protocolError([...path, 'entity'], 'Text erwartet.');
  if (typeof value.id !== 'string') throw protocolError([...path, 'id'], 'Text erwartet.');
  if (!Number.isSafeInteger(value.version) || (value.version as number) < 0)
    throw protocolError([...path, 'version'], 'Erwartet wird eine ganze Zahl ab 0.');
  const state = value.state;
  if (state === null) return;
  if (!isObject(state) || !isObject(state.fields) || !isObject(state.stamps))
    throw protocolError([...path, 'state'], 'Erwartet werden fields und stamps.');
  // Most fields of a record share one stamp: each distinct one is tested once.
  let valid: unknown = null;
  for (const field in state.stamps) {
    const stamp = state.stamps[field];
    if (stamp === valid) continue;
    if (!isStamp(stamp))
      throw protocolError([...path, 'state', 'stamps', field], 'Ungültiger HLC-Zeitstempel.');
    valid = stamp;
  }
}

/** `POST /api/v1/certificate/renew` and its answer. */
export const renewRequestSchema = z.object({ csr: z.string().max(8192) }).strict();
export const renewResponseSchema = z.object({
  certificate: z.string(),
  caCertificate: z.string(),
  notAfter: z.string(),
});
export type RenewResponse = z.output<typeof renewResponseSchema>;

export function assertRenewResponse(value: unknown): asserts value is RenewResponse {
  renewResponseSchema.parse(value);
}

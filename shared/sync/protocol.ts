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

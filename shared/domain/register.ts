import { z } from 'zod';
import { requiredText, uuid } from './fields.ts';
import { importedValues } from './importedValues.ts';

export const registerSchema = z
  .object({
    id: uuid,
    name: requiredText('den Namen des Registers', 80),
    sortOrder: z.preprocess(
      (v) => (v === '' || v === undefined || v === null ? 0 : v),
      z
        .number({ error: 'Die Reihenfolge muss eine Zahl sein.' })
        .int({ error: 'Die Reihenfolge muss eine ganze Zahl sein.' })
        .min(0, { error: 'Die Reihenfolge darf nicht negativ sein.' }),
    ),
    leaderIds: z.preprocess((v) => v ?? [], z.array(uuid).max(10)),
    importedValues,
  })
  .superRefine((r, ctx) => {
    if (new Set(r.leaderIds).size !== r.leaderIds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['leaderIds'],
        message: 'Ein Registerführer ist doppelt eingetragen.',
      });
    }
  });

export type Register = z.output<typeof registerSchema>;

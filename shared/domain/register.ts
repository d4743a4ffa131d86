import { z } from 'zod';
import { requiredText, uuid } from './fields.ts';
import { importedValues } from './importedValues.ts';

export const registerSchema = z
  .object({
    id: uuid,
    name: requiredText(80),
    sortOrder: z.preprocess(
      (v) => (v === '' || v === undefined || v === null ? 0 : v),
      z
        .number({ error: 'validation.number' })
        .int({ error: 'validation.wholeNumber' })
        .min(0, { error: 'validation.notNegative' }),
    ),
    leaderIds: z.preprocess((v) => v ?? [], z.array(uuid).max(10)),
    importedValues,
  })
  .superRefine((r, ctx) => {
    if (new Set(r.leaderIds).size !== r.leaderIds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['leaderIds'],
        message: 'validation.register.leaderTwice',
      });
    }
  });

export type Register = z.output<typeof registerSchema>;

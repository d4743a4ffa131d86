import { z } from 'zod';
import { calendarDate, optionalText, requiredText, uuid } from './fields.ts';
import { importedValues, LONG_TEXT_MAX } from './importedValues.ts';

export const honourSchema = z.object({
  id: uuid,
  memberId: z.string({ error: 'validation.choose.member' }).pipe(uuid),
  kind: requiredText(150),
  date: calendarDate,
  federation: optionalText(150),
  notes: optionalText(LONG_TEXT_MAX),
  importedValues,
});

export type Honour = z.output<typeof honourSchema>;

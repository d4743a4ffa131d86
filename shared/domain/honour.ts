import { z } from 'zod';
import { calendarDate, optionalText, requiredText, uuid } from './fields.ts';

export const honourSchema = z.object({
  id: uuid,
  memberId: z.string({ error: 'Bitte ein Mitglied wählen.' }).pipe(uuid),
  kind: requiredText('die Art der Ehrung', 150),
  date: calendarDate,
  federation: optionalText(150),
  notes: optionalText(2000),
});

export type Honour = z.output<typeof honourSchema>;

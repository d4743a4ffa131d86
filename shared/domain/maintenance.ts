import { z } from 'zod';
import { calendarDate, optionalCents, optionalText, requiredText, uuid } from './fields.ts';

export const maintenanceSchema = z.object({
  id: uuid,
  instrumentId: z.string({ error: 'Bitte ein Instrument wählen.' }).pipe(uuid),
  date: calendarDate,
  work: requiredText('die durchgeführte Arbeit', 2000),
  costCents: optionalCents('Die Kosten'),
  workshop: optionalText(200),
});

export type Maintenance = z.output<typeof maintenanceSchema>;

import { z } from 'zod';
import { calendarDate, optionalCents, optionalText, requiredText, uuid } from './fields.ts';

export const maintenanceSchema = z.object({
  id: uuid,
  instrumentId: z.string({ error: 'validation.choose.instrument' }).pipe(uuid),
  date: calendarDate,
  work: requiredText(2000),
  costCents: optionalCents(),
  workshop: optionalText(200),
});

export type Maintenance = z.output<typeof maintenanceSchema>;

import { z } from 'zod';
import { calendarDate, optionalText, requiredText, uuid } from './fields.ts';
import { LONG_TEXT_MAX } from './importedValues.ts';

export const EVENT_KINDS = ['probe', 'auftritt', 'konzert'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const eventSchema = z.object({
  id: uuid,
  kind: z.enum(EVENT_KINDS, { error: 'validation.choose.eventKind' }),
  title: requiredText(150),
  date: calendarDate,
  startTime: z.preprocess(
    (v) => ((typeof v === 'string' && v.trim() === '') || v === undefined ? null : v),
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.time' })
      .nullable(),
  ),
  location: optionalText(200),
  notes: optionalText(LONG_TEXT_MAX),
});

export type ClubEvent = z.output<typeof eventSchema>;

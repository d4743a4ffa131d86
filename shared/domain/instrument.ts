import { z } from 'zod';
import {
  optionalCalendarDate,
  optionalCents,
  optionalText,
  optionalUuid,
  requiredText,
  uuid,
} from './fields.ts';
import { importedValues, LONG_TEXT_MAX } from './importedValues.ts';

export const INSTRUMENT_CONDITIONS = [
  'neu',
  'gut',
  'gebraucht',
  'reparaturbedürftig',
  'defekt',
  'ausgemustert',
] as const;

export const instrumentSchema = z.object({
  id: uuid,
  inventoryNumber: requiredText(30),
  kind: requiredText(100),
  maker: optionalText(100),
  model: optionalText(100),
  serialNumber: optionalText(60),
  purchaseDate: optionalCalendarDate,
  purchasePriceCents: optionalCents(),
  condition: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.enum(INSTRUMENT_CONDITIONS, { error: 'validation.choose.condition' }).nullable(),
  ),
  location: optionalText(200),
  registerId: optionalUuid,
  notes: optionalText(LONG_TEXT_MAX),
  importedValues,
  /** Months between two services (brass: yearly, woodwind pads, timpani heads); null: none kept. */
  maintenanceIntervalMonths: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z
      .number({ error: 'validation.number' })
      .int({ error: 'validation.wholeNumber' })
      .min(1, { error: 'validation.maintenanceInterval' })
      .max(120, { error: 'validation.maintenanceInterval' })
      .nullable(),
  ),
});

export type Instrument = z.output<typeof instrumentSchema>;

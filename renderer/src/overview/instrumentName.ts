import type { Instrument } from '../../../shared/domain/instrument.ts';

/** "Trompete T-012": how the start page names an instrument (kind and inventory number). */
export function instrumentName(instrument: Instrument | undefined): string {
  return instrument ? `${instrument.kind} ${instrument.inventoryNumber}` : '';
}

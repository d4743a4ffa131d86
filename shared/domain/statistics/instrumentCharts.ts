/**
 * The club's instruments by condition, and by register and condition (issue #24). Retired
 * instruments are counted too: the chart shows what the inventory holds, retired as its own
 * condition.
 */
import { msg } from '../../messages/message.ts';
import { CONDITION_WORDS } from '../catalogue/otherFields.ts';
import { INSTRUMENT_CONDITIONS, type Instrument } from '../instrument.ts';
import type { Register } from '../register.ts';
import type { ChartOutcome, ChartSeries } from './chartData.ts';
import { registerCategories } from './memberCharts.ts';

const NO_REGISTER = 'none';
const NO_CONDITION = 'none';

/** The conditions in their order, and instruments without one. */
const CONDITIONS: ChartSeries[] = [
  ...INSTRUMENT_CONDITIONS.map((id) => ({ id, label: { words: CONDITION_WORDS[id] } })),
  { id: NO_CONDITION, label: { message: msg('statistics.series.noCondition') } },
];

export interface InstrumentChartInput {
  instruments: readonly Instrument[];
  registers: readonly Register[];
  /** The role sees every instrument, not only its registers' (false: the chart says so). */
  allInstrumentsVisible?: boolean;
}

const partialNote = (input: InstrumentChartInput) =>
  input.allInstrumentsVisible === false ? [msg('statistics.notes.instrumentsPartial')] : [];

const conditionIndex = (i: Instrument) =>
  CONDITIONS.findIndex((c) => c.id === (i.condition ?? NO_CONDITION));

/** How many instruments are in each condition. */
export function instrumentsByCondition(input: InstrumentChartInput): ChartOutcome {
  const counts = CONDITIONS.map(() => 0);
  for (const instrument of input.instruments) counts[conditionIndex(instrument)]!++;
  return {
    ok: true,
    chart: {
      categories: CONDITIONS,
      series: [{ id: 'instruments', label: { message: msg('statistics.series.instruments') } }],
      values: counts.map((n) => [n]),
      unit: 'count',
      notes: partialNote(input),
    },
  };
}

/** Instruments of each register by condition. */
export function instrumentsByRegister(input: InstrumentChartInput): ChartOutcome {
  const categories = [
    ...registerCategories(input.registers),
    { id: NO_REGISTER, label: { message: msg('statistics.noRegister') } },
  ];
  const rowOf = new Map(categories.map((c, index) => [c.id, index]));
  const values = categories.map(() => CONDITIONS.map(() => 0));
  for (const instrument of input.instruments) {
    const row = rowOf.get(instrument.registerId ?? NO_REGISTER) ?? rowOf.get(NO_REGISTER)!;
    values[row]![conditionIndex(instrument)]!++;
  }
  return {
    ok: true,
    chart: { categories, series: CONDITIONS, values, unit: 'count', notes: partialNote(input) },
  };
}

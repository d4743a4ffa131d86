import { describe, expect, it } from 'vitest';
import { msg } from '../../messages/message.ts';
import { CONDITION_WORDS } from '../catalogue/otherFields.ts';
import { validateRecord } from '../entities.ts';
import { newId } from '../ids.ts';
import { INSTRUMENT_CONDITIONS, type Instrument } from '../instrument.ts';
import type { Register } from '../register.ts';
import type { ChartData, ChartOutcome } from './chartData.ts';
import { instrumentsByCondition, instrumentsByRegister } from './instrumentCharts.ts';

let inventory = 0;
function instrument(fields: Record<string, unknown>): Instrument {
  inventory++;
  const result = validateRecord('instruments', {
    id: newId(),
    inventoryNumber: `I-${inventory}`,
    kind: 'Trompete',
    ...fields,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

function register(name: string, sortOrder: number): Register {
  const result = validateRecord('registers', { id: newId(), name, sortOrder });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

function chartOf(outcome: ChartOutcome): ChartData {
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason.key}`);
  return outcome.chart;
}

const holz = register('Holz', 2);
const blech = register('Blech', 1);
const instruments = [
  instrument({ kind: 'Trompete', registerId: blech.id, condition: 'gut' }),
  instrument({ kind: 'Tuba', registerId: blech.id, condition: 'defekt' }),
  instrument({ kind: 'Horn', registerId: blech.id, condition: 'ausgemustert' }),
  instrument({ kind: 'Klarinette', registerId: holz.id, condition: 'gut' }),
  // Its register was deleted since.
  instrument({ kind: 'Flöte', registerId: newId(), condition: 'neu' }),
  instrument({ kind: 'Große Trommel' }),
];

describe('instruments by condition', () => {
  it('counts each condition in the catalogue’s order, retired and without condition included', () => {
    const chart = chartOf(instrumentsByCondition({ instruments, registers: [holz, blech] }));
    expect(chart.categories.map((c) => c.id)).toEqual([...INSTRUMENT_CONDITIONS, 'none']);
    expect(chart.categories[0]!.label).toEqual({ words: CONDITION_WORDS.neu });
    expect(chart.categories.at(-1)!.label).toEqual({
      message: msg('statistics.series.noCondition'),
    });
    // neu, gut, gebraucht, reparaturbedürftig, defekt, ausgemustert, none
    expect(chart.values).toEqual([[1], [2], [0], [0], [1], [1], [1]]);
    expect(chart.values.flat().reduce((s, n) => s + n, 0)).toBe(instruments.length);
    expect(chart.unit).toBe('count');
  });

  it('shows every condition with zero when there are no instruments', () => {
    const chart = chartOf(instrumentsByCondition({ instruments: [], registers: [] }));
    expect(chart.values.flat()).toEqual(INSTRUMENT_CONDITIONS.map(() => 0).concat(0));
  });
});

describe('instruments by register and condition', () => {
  it('counts per register, instruments of no or an unknown register under "ohne Register"', () => {
    const chart = chartOf(instrumentsByRegister({ instruments, registers: [holz, blech] }));
    expect(chart.categories).toEqual([
      { id: blech.id, label: { text: 'Blech' } },
      { id: holz.id, label: { text: 'Holz' } },
      { id: 'none', label: { message: msg('statistics.noRegister') } },
    ]);
    expect(chart.series.map((s) => s.id)).toEqual([...INSTRUMENT_CONDITIONS, 'none']);
    expect(chart.values).toEqual([
      [0, 1, 0, 0, 1, 1, 0],
      [0, 1, 0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0, 0, 1],
    ]);
  });

  it('says the count is partial when the role sees only some instruments', () => {
    const outcome = instrumentsByCondition({
      instruments: [],
      registers: [],
      allInstrumentsVisible: false,
    });
    expect(outcome.ok && outcome.chart.notes.map((n) => n.key)).toEqual([
      'statistics.notes.instrumentsPartial',
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../dates.ts';
import { validateRecord } from '../entities.ts';
import { newId } from '../ids.ts';
import type { Instrument } from '../instrument.ts';
import type { Maintenance } from '../maintenance.ts';
import { addMonths, MAINTENANCE_LEAD_DAYS, maintenanceDue } from './maintenanceDue.ts';

const TODAY = '2026-04-15';

let inventory = 0;
function instrument(fields: Record<string, unknown>): Instrument {
  inventory++;
  const result = validateRecord('instruments', {
    id: newId(),
    inventoryNumber: `I-${inventory}`,
    kind: 'Trompete',
    condition: 'gut',
    ...fields,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

function serviced(i: Instrument, date: string): Maintenance {
  const result = validateRecord('maintenance', {
    id: newId(),
    instrumentId: i.id,
    date,
    work: 'Reinigung, Ventile geölt',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

describe('addMonths', () => {
  it('keeps the day where the month has it', () => {
    expect(addMonths('2025-01-15', 1)).toBe('2025-02-15');
    expect(addMonths('2025-03-31', 0)).toBe('2025-03-31');
    expect(addMonths('2025-05-31', 2)).toBe('2025-07-31');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonths('2025-08-31', 1)).toBe('2025-09-30');
  });

  it('knows leap years', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2099-02-28', 12)).toBe('2100-02-28');
    expect(addMonths('2099-01-29', 13)).toBe('2100-02-28');
    expect(addMonths('1999-02-28', 12)).toBe('2000-02-28');
    expect(addMonths('1999-01-31', 13)).toBe('2000-02-29');
  });

  it('crosses the turn of the year', () => {
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-12-31', 12)).toBe('2026-12-31');
    expect(addMonths('2016-06-30', 120)).toBe('2026-06-30');
  });

  it('gives a calendar day the given number of months later, never a later day of the month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 120 }),
        (n, months) => {
          const from = new Date(Date.UTC(1950, 0, 1 + n)).toISOString().slice(0, 10);
          const to = addMonths(from, months);
          expect(isCalendarDate(to)).toBe(true);
          const monthIndex = (iso: string) =>
            Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
          expect(monthIndex(to) - monthIndex(from)).toBe(months);
          expect(Number(to.slice(8))).toBeLessThanOrEqual(Number(from.slice(8)));
          // Clamped only where the month is shorter.
          if (Number(to.slice(8)) < Number(from.slice(8)))
            expect(isCalendarDate(`${to.slice(0, 8)}${from.slice(8)}`)).toBe(false);
        },
      ),
    );
  });
});

describe('maintenance due', () => {
  it('counts the interval from the latest service, not the first one recorded', () => {
    const trumpet = instrument({ maintenanceIntervalMonths: 12, purchaseDate: '2019-05-01' });
    const entries = [serviced(trumpet, '2024-03-01'), serviced(trumpet, '2025-04-20')];
    expect(maintenanceDue([trumpet], entries, TODAY)).toEqual([
      {
        kind: 'interval',
        instrumentId: trumpet.id,
        dueOn: '2026-04-20',
        since: '2025-04-20',
        overdue: false,
      },
    ]);
    expect(maintenanceDue([trumpet], entries.toReversed(), TODAY)).toHaveLength(1);
  });

  it('counts from the purchase when the instrument was never serviced', () => {
    const horn = instrument({ maintenanceIntervalMonths: 6, purchaseDate: '2025-09-01' });
    expect(maintenanceDue([horn], [], TODAY)).toEqual([
      {
        kind: 'interval',
        instrumentId: horn.id,
        dueOn: '2026-03-01',
        since: '2025-09-01',
        overdue: true,
      },
    ]);
  });

  it('does not take a workshop visit booked for later as the last service', () => {
    const horn = instrument({ maintenanceIntervalMonths: 6, purchaseDate: '2025-09-01' });
    const booked = serviced(horn, '2026-05-10');
    expect(maintenanceDue([horn], [booked], TODAY)).toMatchObject([
      { kind: 'interval', dueOn: '2026-03-01', overdue: true },
    ]);
  });

  it('takes a service after the purchase over the purchase', () => {
    const tuba = instrument({ maintenanceIntervalMonths: 12, purchaseDate: '2020-01-01' });
    expect(maintenanceDue([tuba], [serviced(tuba, '2025-12-01')], TODAY)).toEqual([]);
  });

  it('does not count another instrument’s services', () => {
    const mine = instrument({ maintenanceIntervalMonths: 12, purchaseDate: '2024-01-10' });
    const other = instrument({});
    const due = maintenanceDue([mine, other], [serviced(other, '2026-04-01')], TODAY);
    expect(due).toEqual([
      {
        kind: 'interval',
        instrumentId: mine.id,
        dueOn: '2025-01-10',
        since: '2024-01-10',
        overdue: true,
      },
    ]);
  });

  it(`looks ${MAINTENANCE_LEAD_DAYS} days ahead: due on the last of them listed, a day later not`, () => {
    const dueToday = instrument({ maintenanceIntervalMonths: 1, purchaseDate: '2026-03-15' });
    const dueOnHorizon = instrument({ maintenanceIntervalMonths: 1, purchaseDate: '2026-04-15' });
    // 15 April plus 30 days is 15 May; one due on 16 May is not yet the start page's business.
    const dueAfter = instrument({ maintenanceIntervalMonths: 12, purchaseDate: '2025-05-16' });
    const due = maintenanceDue([dueAfter, dueOnHorizon, dueToday], [], TODAY);
    expect(due).toEqual([
      {
        kind: 'interval',
        instrumentId: dueToday.id,
        dueOn: TODAY,
        since: '2026-03-15',
        overdue: false,
      },
      {
        kind: 'interval',
        instrumentId: dueOnHorizon.id,
        dueOn: '2026-05-15',
        since: '2026-04-15',
        overdue: false,
      },
    ]);
  });

  it('never lists a retired instrument', () => {
    const retired = [
      instrument({
        condition: 'ausgemustert',
        maintenanceIntervalMonths: 12,
        purchaseDate: '2000-01-01',
      }),
      instrument({ condition: 'ausgemustert', maintenanceIntervalMonths: 12 }),
      instrument({ condition: 'ausgemustert' }),
    ];
    expect(maintenanceDue(retired, [], TODAY)).toEqual([]);
  });

  it('lists instruments needing repair or broken first, whatever their interval', () => {
    const broken = instrument({ condition: 'defekt' });
    const needsRepair = instrument({
      condition: 'reparaturbedürftig',
      maintenanceIntervalMonths: 12,
      purchaseDate: '2026-01-01',
    });
    const overdue = instrument({ maintenanceIntervalMonths: 12, purchaseDate: '2010-01-01' });
    const due = maintenanceDue([overdue, needsRepair, broken], [], TODAY);
    expect(due.map((d) => d.kind)).toEqual(['repair', 'repair', 'interval']);
    expect(due.slice(0, 2)).toEqual(
      expect.arrayContaining([
        { kind: 'repair', instrumentId: broken.id, condition: 'defekt' },
        { kind: 'repair', instrumentId: needsRepair.id, condition: 'reparaturbedürftig' },
      ]),
    );
  });

  it('lists an instrument with an interval and neither service nor purchase date', () => {
    const unknown = instrument({ maintenanceIntervalMonths: 24 });
    expect(maintenanceDue([unknown], [], TODAY)).toEqual([
      { kind: 'neverMaintained', instrumentId: unknown.id },
    ]);
  });

  it('leaves out instruments without an interval, however old', () => {
    const old = instrument({ purchaseDate: '1970-01-01', condition: 'gebraucht' });
    const none = instrument({ condition: null });
    expect(maintenanceDue([old, none], [serviced(old, '1980-01-01')], TODAY)).toEqual([]);
  });

  it('orders repair, never maintained, then by due date, the most overdue first', () => {
    const soon = instrument({ maintenanceIntervalMonths: 12, purchaseDate: '2025-05-01' });
    const longAgo = instrument({ maintenanceIntervalMonths: 12, purchaseDate: '2020-01-01' });
    const recently = instrument({ maintenanceIntervalMonths: 12, purchaseDate: '2025-03-01' });
    const never = instrument({ maintenanceIntervalMonths: 12 });
    const broken = instrument({ condition: 'defekt' });
    const due = maintenanceDue([soon, longAgo, recently, never, broken], [], TODAY);
    expect(due.map((d) => d.instrumentId)).toEqual([
      broken.id,
      never.id,
      longAgo.id,
      recently.id,
      soon.id,
    ]);
    expect(due.map((d) => (d.kind === 'interval' ? d.overdue : null))).toEqual([
      null,
      null,
      true,
      true,
      false,
    ]);
  });
});

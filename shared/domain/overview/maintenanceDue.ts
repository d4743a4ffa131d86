/**
 * Instruments that need the workshop (issue #24, start page): those marked as needing repair or
 * broken, and those whose maintenance interval has run out — counted from the last recorded
 * maintenance, else from the purchase — or runs out within the lead time. An instrument with an
 * interval and neither date is listed too: nobody knows when it was last seen to.
 */
import type { Instrument } from '../instrument.ts';
import type { Maintenance } from '../maintenance.ts';

/** How far ahead the start page looks. */
export const MAINTENANCE_LEAD_DAYS = 30;

export type MaintenanceDue =
  | { kind: 'repair'; instrumentId: string; condition: 'reparaturbedürftig' | 'defekt' }
  | { kind: 'interval'; instrumentId: string; dueOn: string; since: string; overdue: boolean }
  | { kind: 'neverMaintained'; instrumentId: string };

/** `iso` plus whole months; the 31st becomes the month's last day where the month is shorter. */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(targetYear).padStart(4, '0')}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The last service done by `today`: a workshop visit booked ahead is not one yet. */
function lastMaintenance(maintenance: Iterable<Maintenance>, today: string): Map<string, string> {
  const last = new Map<string, string>();
  for (const entry of maintenance) {
    if (entry.date > today) continue;
    const known = last.get(entry.instrumentId);
    if (!known || entry.date > known) last.set(entry.instrumentId, entry.date);
  }
  return last;
}

const rank = (item: MaintenanceDue) =>
  item.kind === 'repair' ? '0' : item.kind === 'neverMaintained' ? '1' : `2${item.dueOn}`;

export function maintenanceDue(
  instruments: Iterable<Instrument>,
  maintenance: Iterable<Maintenance>,
  today: string,
): MaintenanceDue[] {
  const last = lastMaintenance(maintenance, today);
  const horizon = addDays(today, MAINTENANCE_LEAD_DAYS);
  const due: MaintenanceDue[] = [];
  for (const instrument of instruments) {
    if (instrument.condition === 'ausgemustert') continue;
    if (instrument.condition === 'reparaturbedürftig' || instrument.condition === 'defekt') {
      due.push({ kind: 'repair', instrumentId: instrument.id, condition: instrument.condition });
      continue;
    }
    const months = instrument.maintenanceIntervalMonths;
    if (!months) continue;
    const since = last.get(instrument.id) ?? instrument.purchaseDate;
    if (!since) {
      due.push({ kind: 'neverMaintained', instrumentId: instrument.id });
      continue;
    }
    const dueOn = addMonths(since, months);
    if (dueOn <= horizon)
      due.push({
        kind: 'interval',
        instrumentId: instrument.id,
        dueOn,
        since,
        overdue: dueOn < today,
      });
  }
  return due.sort((a, b) => rank(a).localeCompare(rank(b)));
}

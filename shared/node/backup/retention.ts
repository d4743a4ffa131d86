/**
 * Grandfather-father-son retention (DESIGN.md "Backups"): of the automatic generations in one
 * place, keep the newest of each of the last 7 days, the last 4 weeks and the last 12 months that
 * have a backup, and always the newest one. The same rule as restic's
 * `forget --keep-daily 7 --keep-weekly 4 --keep-monthly 12`. Calendar days, weeks and months
 * are those of the machine's local time, as the secretary sees them.
 */

import { type BackupKind, KEPT_DAYS } from '../../domain/backupKinds.ts';

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Until when a generation of this kind is kept; null for automatic ones (they rotate). */
export function keptUntil(kind: BackupKind, createdAt: Date): Date | null {
  return kind === 'automatic' ? null : new Date(createdAt.getTime() + KEPT_DAYS * DAY_MS);
}

export interface Generation {
  name: string;
  createdAt: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** ISO 8601 week: weeks start on Monday, week 1 holds the year's first Thursday. */
function weekKey(d: Date): string {
  const thursday = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  thursday.setDate(thursday.getDate() + 3 - ((thursday.getDay() + 6) % 7));
  const firstThursday = new Date(thursday.getFullYear(), 0, 4);
  const week =
    1 +
    Math.round(
      ((thursday.getTime() - firstThursday.getTime()) / 86_400_000 -
        3 +
        ((firstThursday.getDay() + 6) % 7)) /
        7,
    );
  return `${thursday.getFullYear()}-W${pad(week)}`;
}

function monthKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/** The names of the generations to keep; every other one may be deleted. */
export function generationsToKeep(
  generations: readonly Generation[],
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Set<string> {
  const newestFirst = [...generations].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime(),
  );
  const keep = new Set<string>();
  if (newestFirst[0]) keep.add(newestFirst[0].name);
  const buckets: [number, (d: Date) => string][] = [
    [policy.daily, dayKey],
    [policy.weekly, weekKey],
    [policy.monthly, monthKey],
  ];
  for (const [count, keyOf] of buckets) {
    let last: string | null = null;
    let kept = 0;
    for (const generation of newestFirst) {
      if (kept >= count) break;
      const key = keyOf(generation.createdAt);
      if (key === last) continue;
      last = key;
      kept += 1;
      keep.add(generation.name);
    }
  }
  return keep;
}

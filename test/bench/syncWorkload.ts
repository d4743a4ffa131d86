/**
 * The workload of `npm run bench:sync`, written on the seeding desktop through its own service
 * (rows and outbox, as real edits would be): the sample club's registers, members and
 * instruments, then loans (one open loan per instrument), rehearsals and one attendance entry
 * per member and rehearsal. Both Tutti and PouchDB replicate exactly these records.
 */
import type { ClubService } from '../../electron/core/clubService.ts';
import type { LocalStore } from '../../electron/store/localStore.ts';
import { ENTITY_NAMES } from '../../shared/domain/entities.ts';
import { createSampleClub, seededRandom } from '../support/sampleClub.ts';

export interface WorkloadSize {
  members: number;
  instruments: number;
  loans: number;
  /** Attendance entries: every member of the first `attendance / events` members at each event. */
  attendance: number;
  events: number;
}

/** The workload: 57,500 records plus 8 registers and 50 events. */
export const FULL_SIZE: WorkloadSize = {
  members: 5_000,
  instruments: 1_500,
  loans: 1_000,
  attendance: 50_000,
  events: 50,
};

export function scaled(size: WorkloadSize, factor: number): WorkloadSize {
  const scale = (n: number) => Math.max(1, Math.round(n * factor));
  return {
    members: scale(size.members),
    instruments: scale(size.instruments),
    loans: scale(size.loans),
    attendance:
      scale(size.events) * Math.max(1, Math.floor(scale(size.attendance) / scale(size.events))),
    events: scale(size.events),
  };
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`workload refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Writes the workload; returns the member ids (for edits) and the number of records. */
export function writeWorkload(
  api: ClubService,
  store: LocalStore,
  size: WorkloadSize,
): { memberIds: string[]; records: number } {
  const inTransaction = <T>(work: () => T) => store.transaction(work);
  const random = seededRandom(57_500);
  const club = createSampleClub(api, inTransaction, size);
  const day = (offset: number) => {
    const date = new Date(Date.UTC(2026, 0, 5 + offset));
    return date.toISOString().slice(0, 10);
  };
  inTransaction(() => {
    for (let i = 0; i < Math.min(size.loans, club.instruments.length); i++)
      must(
        api.saveNow('loans', {
          instrumentId: club.instruments[i]!.id,
          memberId: club.members[Math.floor(random() * club.members.length)]!.id,
          issuedOn: day(Math.floor(random() * 300)),
        } as never),
      );
  });
  const perEvent = Math.min(club.members.length, Math.floor(size.attendance / size.events));
  for (let e = 0; e < size.events; e++)
    inTransaction(() => {
      const event = must(
        api.saveNow('events', {
          kind: 'probe',
          title: `Gesamtprobe ${e + 1}`,
          date: day(e * 7),
          startTime: '19:30',
        } as never),
      );
      for (let m = 0; m < perEvent; m++)
        must(
          api.saveNow('attendance', {
            eventId: event.id,
            memberId: club.members[m]!.id,
            status: random() < 0.8 ? 'present' : random() < 0.5 ? 'excused' : 'absent',
          } as never),
        );
    });
  let records = 0;
  for (const entity of ENTITY_NAMES) records += store.tables[entity].allIds().length;
  return { memberIds: club.members.map((m) => m.id), records };
}

/** Every record of a replica as plain documents (entity, id, fields), for PouchDB. */
export function* recordsOf(
  store: LocalStore,
): Generator<{ entity: string; id: string; fields: Record<string, unknown> }> {
  for (const entity of ENTITY_NAMES)
    for (const id of store.tables[entity].allIds()) {
      const stored = store.tables[entity].get(id)!;
      yield { entity, id, fields: { ...stored.record } };
    }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

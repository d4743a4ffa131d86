/**
 * What the reports read from a profile opened read-only: the club's record and the records a
 * report counts (members, honours, registers; for the statistics also instruments, events and
 * attendance), and whether the person at this device may see birth dates. A profile enrolled
 * with a club server keeps the user's access from the last pull; one on its own may read
 * everything (see shared/rights/deviceRights.ts).
 */
import type { ReportExport } from '../../shared/api/export.ts';
import type { Attendance } from '../../shared/domain/attendance.ts';
import { CLUB_RECORD_ID, type Club } from '../../shared/domain/club.ts';
import type { EntityMap } from '../../shared/domain/entities.ts';
import type { ClubEvent } from '../../shared/domain/event.ts';
import type { Honour } from '../../shared/domain/honour.ts';
import type { Instrument } from '../../shared/domain/instrument.ts';
import type { Member } from '../../shared/domain/member.ts';
import type { Register } from '../../shared/domain/register.ts';
import { type DeviceRights, deviceRights } from '../../shared/rights/deviceRights.ts';
import type { ReadableDB, WritableDB } from '../store/database.ts';
import { MetaTable } from '../store/meta.ts';
import { RecordReader } from '../store/recordTable.ts';
import { TABLES } from '../store/tables.ts';
import { SyncSettings } from '../sync/syncSettings.ts';

export interface ReportData {
  club: Club | undefined;
  members: Member[];
  honours: Honour[];
  registers: Register[];
  instruments: Instrument[];
  events: ClubEvent[];
  attendance: Attendance[];
  /** The user's role sees birth dates (always, on a profile without a club server). */
  birthDatesKnown: boolean;
  /** The role sees honours at all. */
  honoursReadable: boolean;
  /** The role sees every member and honour, not only its registers'. */
  allMembersVisible: boolean;
  /** The user's rights, for what the statistics may count (statisticsAccess.ts). */
  rights: DeviceRights;
}

const EVERY_LIST = [
  'members',
  'honours',
  'registers',
  'instruments',
  'events',
  'attendance',
] as const;
type Listed = (typeof EVERY_LIST)[number];
type Read = Listed | 'club';

export type ReportKind = ReportExport['report']['kind'];

/** The records each report counts; the others stay unread (empty lists). */
const READS: Record<ReportKind, readonly Listed[]> = {
  honours: ['members', 'honours'],
  staerkemeldung: ['members', 'registers'],
  birthdays: ['members'],
  statistics: ['members', 'registers', 'instruments', 'events', 'attendance'],
};

function listLive<E extends Read>(db: ReadableDB | WritableDB, entity: E): EntityMap[E][] {
  return new RecordReader(db, TABLES[entity]).listLive() as unknown as EntityMap[E][];
}

/**
 * The user's rights, from the connection and access kept in the meta table. The meta table is
 * only read here; its writes would fail on this read-only connection.
 */
export function rightsOf(db: ReadableDB | WritableDB): DeviceRights {
  const settings = new SyncSettings(new MetaTable(db as unknown as WritableDB));
  return deviceRights({ connected: settings.connection() !== null, access: settings.access() });
}

/** The records `kind` needs (without it: every list, as `tutti report` reads them). */
export function readReportData(db: ReadableDB | WritableDB, kind?: ReportKind): ReportData {
  const rights = rightsOf(db);
  const wanted: readonly Listed[] = kind ? READS[kind] : EVERY_LIST;
  const list = <E extends Listed>(entity: E): EntityMap[E][] =>
    wanted.includes(entity) ? listLive(db, entity) : [];
  return {
    club: listLive(db, 'club').find((c) => c.id === CLUB_RECORD_ID),
    members: list('members'),
    honours: list('honours'),
    registers: list('registers'),
    instruments: list('instruments'),
    events: list('events'),
    attendance: list('attendance'),
    birthDatesKnown: rights.mayReadSensitive('members'),
    honoursReadable: rights.may('honours', 'read'),
    allMembersVisible: rights.mayReadAll('members') && rights.mayReadAll('honours'),
    rights,
  };
}

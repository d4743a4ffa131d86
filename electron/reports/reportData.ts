/**
 * What the reports read from a profile opened read-only: the club's record, members, honours
 * and registers, and whether the person at this device may see birth dates. A profile enrolled
 * with a club server keeps the user's access from the last pull; one on its own may read
 * everything (see shared/rights/deviceRights.ts).
 */
import { CLUB_RECORD_ID, type Club } from '../../shared/domain/club.ts';
import type { EntityMap } from '../../shared/domain/entities.ts';
import type { Honour } from '../../shared/domain/honour.ts';
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
  /** The user's role sees birth dates (always, on a profile without a club server). */
  birthDatesKnown: boolean;
  /** The role sees honours at all. */
  honoursReadable: boolean;
  /** The role sees every member and honour, not only its registers'. */
  allMembersVisible: boolean;
}

type Read = 'members' | 'honours' | 'registers' | 'club';

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

export function readReportData(db: ReadableDB | WritableDB): ReportData {
  const rights = rightsOf(db);
  return {
    club: listLive(db, 'club').find((c) => c.id === CLUB_RECORD_ID),
    members: listLive(db, 'members'),
    honours: listLive(db, 'honours'),
    registers: listLive(db, 'registers'),
    birthDatesKnown: rights.mayReadSensitive('members'),
    honoursReadable: rights.may('honours', 'read'),
    allMembersVisible: rights.mayReadAll('members') && rights.mayReadAll('honours'),
  };
}

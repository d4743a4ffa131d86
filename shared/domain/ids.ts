import { v5 as uuidV5, v7 as uuidV7 } from 'uuid';

/** New record ids are UUIDv7: time-ordered, so inserts stay local in B-tree indexes. */
export function newId(): string {
  return uuidV7();
}

const ATTENDANCE_NAMESPACE = '5b0f4c1e-6d0a-4c52-9a57-4c8e2f1d7a10';

/**
 * An attendance entry is identified by its event and member, not by a random id: two devices
 * that tick the same musician for the same rehearsal offline then edit one record (and the
 * later tick wins) instead of creating two.
 */
export function attendanceId(eventId: string, memberId: string): string {
  return uuidV5(`${eventId}:${memberId}`, ATTENDANCE_NAMESPACE);
}

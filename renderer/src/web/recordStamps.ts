/**
 * The stamps of the records the web server hands out (`STAMPS_KEY`), kept beside the records
 * instead of in them: the UI sees the records as on the desktop, and a save can still tell the
 * server which state of each field the form showed (shared/web/webProtocol.ts, `shown`).
 */
import { type ShownRecord, STAMPS_KEY } from '../../../shared/web/webProtocol.ts';

export type Stamps = ShownRecord['stamps'];

export class RecordStamps {
  /** Keyed by the record object handed to the UI: a record shown is a record with its stamps. */
  private readonly stamps = new WeakMap<object, Stamps>();
  /** After a conflict was shown: the server's stamps then, as the basis of the next save. */
  private readonly seen = new WeakMap<object, Stamps>();

  /** A record without its stamps, which are remembered for it. Anything else as it is. */
  strip<T>(value: T): T {
    if (Array.isArray(value)) return value.map((item) => this.strip(item)) as T;
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, STAMPS_KEY))
      return value;
    const { [STAMPS_KEY]: stamps, ...record } = value as Record<string, unknown>;
    this.stamps.set(record, isStamps(stamps) ? stamps : {});
    return record as T;
  }

  of(record: object): Stamps {
    return this.stamps.get(record) ?? {};
  }

  /** What a save tells of the record its form showed. */
  shown(record: object): ShownRecord {
    return {
      fields: record as Record<string, unknown>,
      stamps: this.seen.get(record) ?? this.of(record),
    };
  }

  /**
   * The person saw the conflict in `fields` with the server's `current` record: the next save
   * of the same form writes over those fields. Every other field keeps the stamp the form
   * showed, so one someone else changed meanwhile and the person never touched stays as the
   * server has it.
   */
  conflictSeen(shown: object, current: object, fields: readonly string[]): void {
    const now = this.of(current);
    const seen = { ...(this.seen.get(shown) ?? this.of(shown)) };
    for (const field of fields) {
      if (now[field] === undefined) delete seen[field];
      else seen[field] = now[field];
    }
    this.seen.set(shown, seen);
  }

  saved(shown: object): void {
    this.seen.delete(shown);
  }
}

function isStamps(value: unknown): value is Stamps {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((stamp) => typeof stamp === 'string')
  );
}

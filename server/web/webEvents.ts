/**
 * The ClubApi's events for open web pages (issue #27): a page holds one stream (`GET
 * /api/events`, JSON lines as in the local browser mode). When its club's data changes — on
 * this node or another (the same NOTIFY the devices' pokes hear) — the stream reads what changed
 * after its cursor exactly as a pull does, filtered by the user's grants, and sends it as
 * `records` events: a desktop's edit appears in the open page without a reload. What the user
 * may no longer see comes as removed. A stream whose session ended, whose user is gone, or whose
 * cursor no longer fits (a restore) is closed; the page opens it again and reads its lists anew.
 */
import type { ServerResponse } from 'node:http';
import type { RecordsChange } from '../../shared/api/events.ts';
import { ENTITY_NAMES, type EntityName } from '../../shared/domain/entities.ts';
import { completeRecord } from '../../shared/domain/recordShape.ts';
import { readView, type Subject } from '../../shared/rights/access.ts';
import type { RecordChange } from '../../shared/sync/protocol.ts';
import { STAMPS_KEY } from '../../shared/web/webProtocol.ts';
import type { Services } from '../app/services.ts';
import type { Caller } from '../data/principal.ts';
import { loadRelations } from '../data/recordRelations.ts';
import { CLUB_CHANGED, type Fields, parseClubChange } from '../data/recordStore.ts';
import type { Logger } from '../log/logger.ts';
import type { SqlClient } from '../storage/serverDatabase.ts';

/** A line this often: a dead stream is noticed by both sides (the page waits 50 s). */
const HEARTBEAT_MS = 20_000;
/** A page that stopped reading is cut off beyond this. */
const MAX_UNREAD_BYTES = 16 * 1024 * 1024;
/** Streams per session and per node at most: a page has one; more is a leak or an attack. */
const MAX_STREAMS_PER_SESSION = 6;
const MAX_STREAMS = 5_000;
const PAGE = 1_000;

export interface EventStreamOwner {
  sessionId: string;
  caller: Caller;
  /** The first line: the page's status. */
  status: unknown;
  /** Still signed in (checked with every heartbeat). */
  isActive(): Promise<boolean>;
}

interface OpenStream {
  owner: EventStreamOwner;
  res: ServerResponse;
  cursor: number;
  /** Headers and status sent, cursor known: changes may be read. */
  ready: boolean;
  reading: boolean;
  again: boolean;
  /**
   * `entity:id` of the records the user may see now, for a user who sees only some: a change
   * to any other record is not theirs to hear of — not even its id. Null: sees every record.
   */
  visible: Set<string> | null;
}

/** Whether the subject reads every record of every entity (then nothing needs filtering). */
function readsEverything(subject: Subject): boolean {
  return ENTITY_NAMES.every((entity) =>
    subject.grants.some((g) => g.entity === entity && g.action === 'read' && g.scope === 'all'),
  );
}

/** The records the subject may see now, as `entity:id`. */
async function visibleRecords(sql: SqlClient, subject: Subject): Promise<Set<string>> {
  const relations = await loadRelations(sql, subject);
  const { rows } = await sql.query<{ entity: EntityName; id: string; fields: Fields }>(
    'SELECT entity, id, fields FROM records WHERE NOT deleted',
  );
  const visible = new Set<string>();
  for (const row of rows)
    if (readView(subject, row.entity, row.fields, relations))
      visible.add(`${row.entity}:${row.id}`);
  return visible;
}

/**
 * Keeps the changes a stream may tell: for a user who sees only some records, a removal only of
 * a record they saw (it left their sight), and the set follows what they see.
 */
function tellable(changes: readonly RecordChange[], visible: Set<string> | null): RecordChange[] {
  if (!visible) return [...changes];
  return changes.filter((change) => {
    const key = `${change.entity}:${change.id}`;
    const gone = !change.state || change.state.fields.deleted === true;
    if (!gone) {
      visible.add(key);
      return true;
    }
    return visible.delete(key);
  });
}

/** A pull's changes as the page's events, one per entity. */
export function recordsChangesOf(changes: readonly RecordChange[]): RecordsChange[] {
  const byEntity = new Map<string, RecordsChange>();
  for (const change of changes) {
    let event = byEntity.get(change.entity);
    if (!event) {
      event = {
        entity: change.entity as EntityName,
        upserted: [],
        removedIds: [],
        replacesAll: false,
        origin: 'sync',
      };
      byEntity.set(change.entity, event);
    }
    const state = change.state;
    if (!state || state.fields.deleted === true) {
      event.removedIds.push(change.id);
      continue;
    }
    const { deleted: _deleted, ...fields } = state.fields;
    const { deleted: _stamp, ...stamps } = state.stamps;
    (event.upserted as unknown[]).push({
      ...completeRecord(event.entity, fields),
      id: change.id,
      [STAMPS_KEY]: stamps,
    });
  }
  return [...byEntity.values()];
}

export class WebEventHub {
  private readonly byClub = new Map<string, Set<OpenStream>>();
  private readonly perSession = new Map<string, number>();
  private stopListening: (() => Promise<void>) | null = null;
  private readonly heartbeat: NodeJS.Timeout;
  private count = 0;

  constructor(
    private readonly services: Services,
    private readonly log: Logger,
    heartbeatMs = HEARTBEAT_MS,
  ) {
    this.heartbeat = setInterval(() => this.beat(), heartbeatMs);
    this.heartbeat.unref();
  }

  async start(): Promise<void> {
    this.stopListening = await this.services.db.listen(CLUB_CHANGED, (payload) => {
      const change = parseClubChange(payload);
      if (change) for (const stream of this.byClub.get(change.clubId) ?? []) this.read(stream);
    });
  }

  /** Whether one more stream of this session may open. */
  hasRoomFor(sessionId: string): boolean {
    return (
      this.count < MAX_STREAMS && (this.perSession.get(sessionId) ?? 0) < MAX_STREAMS_PER_SESSION
    );
  }

  /**
   * Opens the stream: headers, the status line, then changes as they come. The stream is
   * counted before anything is awaited, so a client that leaves meanwhile frees its place.
   */
  async open(owner: EventStreamOwner, res: ServerResponse): Promise<void> {
    const { clubId } = owner.caller;
    const stream: OpenStream = {
      owner,
      res,
      cursor: 0,
      ready: false,
      reading: false,
      again: false,
      visible: null,
    };
    this.remember(stream);
    res.on('close', () => this.forget(stream));
    try {
      const start = await this.services.db.withClub(clubId, async (sql) => {
        const principal = await owner.caller.resolve(sql);
        const { rows } = await sql.query<{ version: string }>('SELECT version FROM club_versions');
        const visible = readsEverything(principal.subject)
          ? null
          : await visibleRecords(sql, principal.subject);
        return { cursor: Number(rows[0]?.version ?? 0), visible };
      });
      if (res.destroyed) return;
      stream.cursor = start.cursor;
      stream.visible = start.visible;
    } catch (error) {
      this.forget(stream);
      throw error;
    }
    res.writeHead(200, {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    this.send(stream, 'status', owner.status);
    stream.ready = true;
    if (stream.again) {
      stream.again = false;
      this.read(stream);
    }
  }

  private remember(stream: OpenStream): void {
    const { clubId } = stream.owner.caller;
    const streams = this.byClub.get(clubId) ?? new Set<OpenStream>();
    streams.add(stream);
    this.byClub.set(clubId, streams);
    this.count += 1;
    const session = stream.owner.sessionId;
    this.perSession.set(session, (this.perSession.get(session) ?? 0) + 1);
  }

  /** Reads what changed after the stream's cursor; one read at a time, once more if asked meanwhile. */
  private read(stream: OpenStream): void {
    if (stream.reading || !stream.ready) {
      stream.again = true;
      return;
    }
    stream.reading = true;
    void this.readChanges(stream)
      .catch((error) => {
        this.log.info({ reason: (error as Error).message }, 'web event stream closed');
        stream.res.destroy();
      })
      .finally(() => {
        stream.reading = false;
        if (stream.again && !stream.res.destroyed) {
          stream.again = false;
          this.read(stream);
        }
      });
  }

  private async readChanges(stream: OpenStream): Promise<void> {
    for (;;) {
      const page = await this.services.sync.pull(stream.owner.caller, 'web', stream.cursor, PAGE);
      if (page.reset) {
        stream.res.end(); // the page reads everything anew when it opens the stream again
        return;
      }
      stream.cursor = page.cursor;
      const changes = tellable(page.changes, stream.visible);
      for (const change of recordsChangesOf(changes)) this.send(stream, 'records', change);
      if (!page.hasMore || stream.res.destroyed) return;
    }
  }

  private send(stream: OpenStream, event: string, payload: unknown): void {
    if (stream.res.destroyed) return;
    if (stream.res.writableLength > MAX_UNREAD_BYTES) {
      stream.res.destroy();
      return;
    }
    stream.res.write(`${JSON.stringify({ event, payload })}\n`);
  }

  private beat(): void {
    for (const streams of this.byClub.values())
      for (const stream of streams) {
        if (stream.res.destroyed || !stream.ready) continue;
        stream.res.write('\n');
        stream.owner
          .isActive()
          .then((active) => {
            if (!active) stream.res.end();
          })
          .catch(() => stream.res.destroy());
      }
  }

  private forget(stream: OpenStream): void {
    const { clubId } = stream.owner.caller;
    const streams = this.byClub.get(clubId);
    if (!streams?.delete(stream)) return;
    if (streams.size === 0) this.byClub.delete(clubId);
    this.count -= 1;
    const left = (this.perSession.get(stream.owner.sessionId) ?? 1) - 1;
    if (left > 0) this.perSession.set(stream.owner.sessionId, left);
    else this.perSession.delete(stream.owner.sessionId);
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.stopListening?.();
    for (const streams of this.byClub.values()) for (const stream of streams) stream.res.end();
    this.byClub.clear();
  }
}

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
import type { EntityName } from '../../shared/domain/entities.ts';
import type { RecordChange } from '../../shared/sync/protocol.ts';
import { STAMPS_KEY } from '../../shared/web/webProtocol.ts';
import type { Services } from '../app/services.ts';
import type { Caller } from '../data/principal.ts';
import { CLUB_CHANGED, parseClubChange } from '../data/recordStore.ts';
import type { Logger } from '../log/logger.ts';

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
  reading: boolean;
  again: boolean;
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
    (event.upserted as unknown[]).push({ ...fields, id: change.id, [STAMPS_KEY]: stamps });
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
  ) {
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
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

  /** Opens the stream: headers, the status line, then changes as they come. */
  async open(owner: EventStreamOwner, res: ServerResponse): Promise<void> {
    const { clubId } = owner.caller;
    const cursor = await this.services.db.withClub(clubId, async (sql) => {
      await owner.caller.resolve(sql);
      const { rows } = await sql.query<{ version: string }>('SELECT version FROM club_versions');
      return Number(rows[0]?.version ?? 0);
    });
    res.writeHead(200, {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    const stream: OpenStream = { owner, res, cursor, reading: false, again: false };
    const streams = this.byClub.get(clubId) ?? new Set<OpenStream>();
    streams.add(stream);
    this.byClub.set(clubId, streams);
    this.count += 1;
    this.perSession.set(owner.sessionId, (this.perSession.get(owner.sessionId) ?? 0) + 1);
    res.on('close', () => this.forget(stream));
    this.send(stream, 'status', owner.status);
  }

  /** Reads what changed after the stream's cursor; one read at a time, once more if asked meanwhile. */
  private read(stream: OpenStream): void {
    if (stream.reading) {
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
      for (const change of recordsChangesOf(page.changes)) this.send(stream, 'records', change);
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
        if (stream.res.destroyed) continue;
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

/**
 * Pokes (DESIGN.md "Sync protocol"): devices keep a WebSocket open over their mutual-TLS
 * connection; when a club's data changes — on this node or any other using the same database
 * (PostgreSQL LISTEN/NOTIFY; PGlite the same within its process) — every device of that club is
 * told to pull, except the device whose push made the change (issue #25: it pulls right after
 * its push, and would only fetch its own echo). A poke carries no data, only "something changed".
 */
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { SYNC_PATHS } from '../../shared/sync/protocol.ts';
import { authenticate } from '../api/authenticate.ts';
import type { Services } from '../app/services.ts';
import { type ChangeAnnouncement, CLUB_CHANGED, parseClubChange } from '../data/recordStore.ts';
import type { Logger } from '../log/logger.ts';
import { isSupportIdentity } from '../pki/deviceIdentity.ts';
import { SUPPORT_REVOKED } from '../support/supportAccess.ts';
import type { DeviceRequest } from '../tls/deviceListener.ts';

const HEARTBEAT_MS = 30_000;

/** The path of a request target, or null for one that is not a path at all. */
function pathOf(target: string | undefined): string | null {
  try {
    return new URL(target ?? '/', 'https://tutti.invalid').pathname;
  } catch {
    return null;
  }
}

export class PokeHub {
  private readonly byClub = new Map<string, Set<WebSocket>>();
  /** The device each channel belongs to (from its certificate): a device may have several. */
  private readonly deviceOf = new WeakMap<WebSocket, string>();
  /** Channels of support staff: closed when the club's consent ends (revoked or expired). */
  private readonly support = new WeakSet<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  private readonly stopListening: (() => Promise<void>)[] = [];
  private readonly heartbeat: NodeJS.Timeout;
  private readonly alive = new WeakSet<WebSocket>();

  constructor(
    private readonly services: Services,
    private readonly log: Logger,
  ) {
    // A device that vanished without closing (sleep, lost network) is noticed and dropped, and
    // support's channels are checked against the club's consent (it may have expired, or been
    // revoked while a channel was being opened).
    this.heartbeat = setInterval(() => {
      for (const sockets of this.byClub.values())
        for (const ws of sockets) {
          if (!this.alive.has(ws)) {
            ws.terminate();
            continue;
          }
          this.alive.delete(ws);
          ws.ping();
        }
      this.checkSupportConsent().catch((error) =>
        this.log.error({ err: error }, 'support consent check failed'),
      );
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async start(): Promise<void> {
    this.stopListening.push(
      await this.services.db.listen(CLUB_CHANGED, (payload) => {
        const change = parseClubChange(payload);
        if (change) this.notifyChange(change.clubId, change);
        else this.log.warn({ payload }, 'unreadable change announcement');
      }),
      // From whichever node the revocation ran on.
      await this.services.db.listen(SUPPORT_REVOKED, (clubId) => this.dropSupport(clubId)),
    );
  }

  /** Accepts the upgrade of a device that is current and allowed into its club, else refuses. */
  handleUpgrade(req: DeviceRequest, socket: Duplex, head: Buffer): void {
    const refuse = (status: string) => {
      // Ended and then destroyed: a client that never closes its side holds nothing open.
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () =>
        socket.destroy(),
      );
    };
    const path = pathOf(req.url);
    if (path !== SYNC_PATHS.poke) {
      refuse(path === null ? '400 Bad Request' : '404 Not Found');
      return;
    }
    authenticate(this.services, req.device, req.serial, req.address, req.headers)
      .then(async (caller) => {
        await this.services.db.withClub(caller.clubId, (sql) => caller.resolve(sql));
        if (socket.destroyed) return; // the device gave up meanwhile
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          if (isSupportIdentity(req.device)) this.support.add(ws);
          this.add(caller.clubId, req.device.deviceId, ws);
        });
      })
      .catch((error) => {
        this.log.info(
          { deviceId: req.device.deviceId, reason: (error as Error).message },
          'poke refused',
        );
        refuse('403 Forbidden');
      });
  }

  /**
   * Pokes every open channel of the club's devices, but none of `exceptDevice` — all of its
   * channels, should it have several open (a reconnect overlapping the old channel).
   */
  notifyChange(clubId: string, { exceptDevice }: ChangeAnnouncement = {}): void {
    for (const ws of this.byClub.get(clubId) ?? []) {
      if (exceptDevice !== undefined && this.deviceOf.get(ws) === exceptDevice) continue;
      ws.send('{"type":"poke"}');
    }
  }

  /** Closes support's channels into the club, at once. */
  dropSupport(clubId: string): void {
    for (const ws of this.byClub.get(clubId) ?? []) if (this.support.has(ws)) ws.terminate();
  }

  private async checkSupportConsent(): Promise<void> {
    for (const [clubId, sockets] of this.byClub) {
      if (![...sockets].some((ws) => this.support.has(ws))) continue;
      const grant = await this.services.db.withClub(clubId, (sql) =>
        this.services.support.activeGrant(sql),
      );
      if (!grant) this.dropSupport(clubId);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const stop of this.stopListening.splice(0)) await stop();
    for (const sockets of this.byClub.values()) for (const ws of sockets) ws.terminate();
    this.byClub.clear();
    this.wss.close();
  }

  /** Poke sockets open right now, over all clubs (a metric, issue #28). */
  openSockets(): number {
    let count = 0;
    for (const sockets of this.byClub.values()) count += sockets.size;
    return count;
  }

  private add(clubId: string, deviceId: string, ws: WebSocket): void {
    this.deviceOf.set(ws, deviceId);
    const sockets = this.byClub.get(clubId) ?? new Set();
    sockets.add(ws);
    this.byClub.set(clubId, sockets);
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
    ws.on('close', () => {
      sockets.delete(ws);
      if (sockets.size === 0) this.byClub.delete(clubId);
    });
    ws.on('error', () => ws.terminate());
    ws.send('{"type":"hello"}');
  }
}

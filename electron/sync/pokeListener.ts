/**
 * The device's end of the poke WebSocket: connected over mutual TLS to the server's device
 * listener, it calls `onPoke` whenever the club's data changed elsewhere, and reconnects with
 * backoff after a lost network or a sleeping laptop. `onConnected` tells each opening and each
 * closing of the channel — a stop included.
 */
import WebSocket from 'ws';
import { SYNC_PATHS } from '../../shared/sync/protocol.ts';
import { backoffDelay } from './backoff.ts';
import type { SyncConnection } from './syncSettings.ts';

/** Two and a half of the server's ping intervals without a word. */
const SILENCE_MS = 75_000;

export class PokeListener {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The channel is open (told through `onConnected`). */
  private open = false;

  constructor(
    private readonly connection: () => SyncConnection | null,
    private readonly onPoke: () => void,
    private readonly onConnected: (connected: boolean) => void = () => {},
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const socket = this.socket;
    this.socket = null; // its 'close' comes later and is no longer ours
    socket?.terminate();
    this.connected(false);
  }

  private connected(open: boolean): void {
    if (this.open === open) return;
    this.open = open;
    this.onConnected(open);
  }

  private connect(): void {
    const connection = this.connection();
    if (!connection || this.stopped) return;
    const url = new URL(SYNC_PATHS.poke, connection.serverUrl);
    url.protocol = 'wss:';
    const socket = new WebSocket(url, {
      ca: connection.caCertificatePem,
      cert: connection.certificatePem,
      key: connection.privateKeyPem,
      minVersion: 'TLSv1.2',
      handshakeTimeout: 15_000,
    });
    this.socket = socket;
    // The server pings every 30 s. A connection that went silent (a dropped network that sent
    // no reset) is given up, so the listener reconnects instead of trusting a dead channel.
    let silence: NodeJS.Timeout | null = null;
    const heard = () => {
      if (silence) clearTimeout(silence);
      silence = setTimeout(() => socket.terminate(), SILENCE_MS);
      silence.unref();
    };
    socket.on('open', () => {
      if (this.socket !== socket) return; // stopped meanwhile
      this.attempt = 0;
      heard();
      this.connected(true);
    });
    socket.on('ping', heard);
    socket.on('message', () => {
      heard();
      this.onPoke();
    });
    socket.on('error', () => {}); // followed by 'close', which reconnects
    socket.on('close', () => {
      if (silence) clearTimeout(silence);
      if (this.socket !== socket) return;
      this.socket = null;
      this.connected(false);
      if (this.stopped) return;
      this.timer = setTimeout(() => this.connect(), backoffDelay(this.attempt++));
      this.timer.unref();
    });
  }
}

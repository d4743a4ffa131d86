/**
 * A hand-driven connection for attacking a server: TLS (with or without a client certificate)
 * or plain TCP, a script that writes whatever bytes it likes whenever it likes, and what came
 * back — the status line, and when and how the server ended the connection.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

export interface RawOutcome {
  /** Everything the server sent, as text. */
  response: string;
  /** The HTTP status of the first answer, or null when none came. */
  status: number | null;
  /** Milliseconds from the connection until the server closed it; null: it stayed open. */
  closedAfterMs: number | null;
  /** The socket error, if the connection ended with one (ECONNRESET, a TLS alert). */
  error: string | null;
}

export interface RawTarget {
  port: number;
  /** TLS with this CA (and client certificate); omitted: plain TCP. */
  tls?: { ca: string; cert?: string; key?: string };
}

/**
 * Connects, runs `script` once connected (after the handshake for TLS), and waits until the
 * server closes the connection or `waitMs` have passed (then it is destroyed by us).
 */
export function rawConnection(
  target: RawTarget,
  script: (socket: Socket) => Promise<void> | void,
  waitMs: number,
): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    let error: string | null = null;
    let done = false;
    const socket: Socket = target.tls
      ? tlsConnect({
          host: '127.0.0.1',
          port: target.port,
          servername: 'localhost',
          ca: target.tls.ca,
          cert: target.tls.cert,
          key: target.tls.key,
        })
      : netConnect({ host: '127.0.0.1', port: target.port });
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const response = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(response)?.[1];
      resolve({
        response,
        status: status ? Number(status) : null,
        closedAfterMs: closed ? Date.now() - started : null,
        error,
      });
      socket.destroy();
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on('close', () => finish(true));
    socket.once(target.tls ? 'secureConnect' : 'connect', () => {
      Promise.resolve(script(socket)).catch((e: NodeJS.ErrnoException) => {
        error = e.code ?? e.message;
      });
    });
  });
}

/** Writes unless the connection is gone; resolves once the bytes are handed to the OS. */
export function writeRaw(socket: Socket, data: string | Buffer): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed || !socket.writable) return resolve();
    socket.write(data, () => resolve());
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Streams chunks of `chunkBytes` with chunked transfer encoding until the socket closes. */
export async function streamChunkedForever(socket: Socket, chunkBytes: number): Promise<void> {
  const chunk = Buffer.concat([
    Buffer.from(`${chunkBytes.toString(16)}\r\n`),
    Buffer.alloc(chunkBytes, 0x61),
    Buffer.from('\r\n'),
  ]);
  // 64 MiB at most: the server must have refused long before.
  for (let sent = 0; sent < 64 * 1024 * 1024 && !socket.destroyed; sent += chunkBytes) {
    await writeRaw(socket, chunk);
  }
}

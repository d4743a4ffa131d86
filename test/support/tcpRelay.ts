/**
 * A TCP relay between a desktop and the club server that misbehaves on purpose: it passes bytes
 * through until a queued fault strikes one connection — cut (both sides reset) or stalled
 * (nothing more passes, the sockets stay open) once that connection carried a number of bytes
 * upstream (the TLS handshake, an upload) or downstream (the handshake's answer, a download).
 * Each fault strikes once; with none left, the relay behaves.
 */
import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';

export interface RelayFault {
  action: 'cut' | 'stall';
  /** up: desktop → server; down: server → desktop. */
  direction: 'up' | 'down';
  /** The fault strikes once the connection carried more than this many bytes that way. */
  afterBytes: number;
}

export interface TcpRelay {
  port: number;
  /** Queues faults; each strikes the first connection that crosses its threshold. */
  queue(...faults: RelayFault[]): void;
  /** Faults still waiting to strike. */
  pending(): number;
  /** Faults that struck, in order, with when. */
  struck(): (RelayFault & { at: number })[];
  /** Connections stalled right now. */
  stalled(): number;
  close(): Promise<void>;
}

export async function startTcpRelay(targetPort: number): Promise<TcpRelay> {
  const faults: RelayFault[] = [];
  const struck: (RelayFault & { at: number })[] = [];
  const open = new Set<Socket>();
  let stalledNow = 0;

  const server: Server = createServer((client) => {
    const upstream = netConnect({ host: '127.0.0.1', port: targetPort });
    const pair = [client, upstream];
    const carried = { up: 0, down: 0 };
    let stalled = false;
    for (const socket of pair) {
      open.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        open.delete(socket);
        // A stalled connection stays open on the desktop's side: like a dead network, it
        // tells nothing, not even that the server gave up on it.
        if (stalled && socket === upstream) return;
        for (const other of pair) if (!other.destroyed) other.destroy();
      });
    }
    const forward = (from: Socket, to: Socket, direction: 'up' | 'down') => {
      from.on('data', (chunk: Buffer) => {
        if (stalled) return;
        const fault = faults.find(
          (f) => f.direction === direction && carried[direction] + chunk.length > f.afterBytes,
        );
        if (!fault) {
          carried[direction] += chunk.length;
          to.write(chunk);
          return;
        }
        faults.splice(faults.indexOf(fault), 1);
        struck.push({ ...fault, at: Date.now() });
        const passing = Math.max(0, fault.afterBytes - carried[direction]);
        if (passing > 0) to.write(chunk.subarray(0, passing));
        carried[direction] += passing;
        if (fault.action === 'cut') {
          // Let the bytes that passed reach the other side, then reset both connections.
          to.end(() => {
            for (const socket of pair) socket.resetAndDestroy();
          });
          setTimeout(() => {
            for (const socket of pair) if (!socket.destroyed) socket.resetAndDestroy();
          }, 200).unref();
        } else {
          stalled = true;
          stalledNow += 1;
          client.once('close', () => (stalledNow -= 1));
        }
      });
    };
    forward(client, upstream, 'up');
    forward(upstream, client, 'down');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    queue: (...more) => faults.push(...more),
    pending: () => faults.length,
    struck: () => [...struck],
    stalled: () => stalledNow,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

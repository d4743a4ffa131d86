import type { Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts an HTTPS server on host:port (0 = any free port) and says where it listens. */
export async function listen(server: Server, host = '127.0.0.1', port = 0): Promise<Listening> {
  // Upgraded connections (WebSockets) are no longer the HTTP server's to close: track them all.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `https://${address.address}:${address.port}`,
    port: address.port,
    // Open keep-alive connections would hold close() open for minutes.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

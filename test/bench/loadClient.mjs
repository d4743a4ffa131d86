// The load generator of `npm run bench:server`, in a worker thread so that the clients' TLS work
// runs on its own core and does not eat the server's event loop. Plain JS: no loader needed.
import { Agent, request } from 'node:https';
import { parentPort, workerData } from 'node:worker_threads';

const { port, tls, path, seconds, concurrency, keepAlive } = workerData;
const agent = keepAlive ? new Agent({ keepAlive: true, maxSockets: concurrency, ...tls }) : false;

const get = () =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, ...tls }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });

const end = performance.now() + seconds * 1000;
let done = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      await get();
      done += 1;
    }
  }),
);
if (agent) agent.destroy();
parentPort.postMessage(done / seconds);

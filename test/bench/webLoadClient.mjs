// The load generator of `npm run bench:web`, in a worker thread so that the clients' TLS work
// does not run on the server's event loop. Each session has its own kept-alive connection and
// asks for the first 100 members sorted by name (gzip accepted, as a browser does), all at once,
// round after round; answers the latency of every request in milliseconds. The first round's
// answers are unpacked and checked (100 members each); later rounds only read the bytes: on this
// machine the clients share two cores with the server and PostgreSQL, and a browser on its own
// computer would unpack and parse on its own time.
import { Agent, request } from 'node:https';
import { parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';

const { port, ca, cookieName, cookies, path, rounds } = workerData;

const clients = cookies.map((cookie) => ({
  cookie,
  agent: new Agent({ keepAlive: true, maxSockets: 1, ca }),
}));

const get = (client, check) =>
  new Promise((resolve, reject) => {
    const start = performance.now();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        servername: 'localhost',
        agent: client.agent,
        headers: { cookie: `${cookieName}=${client.cookie}`, 'accept-encoding': 'gzip' },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200) {
            reject(new Error(`HTTP ${res.statusCode}`));
            return;
          }
          const took = performance.now() - start;
          const raw = Buffer.concat(chunks);
          bytes = raw.length;
          if (check) {
            const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
            const body = JSON.parse(text.toString('utf8'));
            if (body.value.members.length !== 100) {
              reject(new Error('not 100 members'));
              return;
            }
          }
          resolve(took);
        });
      },
    );
    req.on('error', reject);
    req.end();
  });

let bytes = 0;
const latencies = [];
// The first round opens the connections (TLS handshakes): measured apart, not mixed in.
const warm = await Promise.all(clients.map((client) => get(client, true)));
for (let round = 0; round < rounds; round += 1)
  latencies.push(...(await Promise.all(clients.map((client) => get(client, false)))));
for (const client of clients) client.agent.destroy();
parentPort.postMessage({ warm, latencies, bytes });

/**
 * The SMS relay between a real HTTP client (standing for Alertmanager) and a real local HTTP
 * server standing for the SMS gateway: what the gateway — the phone — receives, and what
 * Alertmanager is answered.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type SmsRelay, type SmsRelayOptions, startSmsRelay } from './smsRelay.ts';
import { loadSmsRelayConfig } from './smsRelayConfig.ts';

const ALICE = '+4917011111111';
const BOB = '+4915222222222';
const TOKEN = 'alertmanager-token-0123456789';
const GATEWAY_SECRET = 'gw-secret-abcdef987654';
const SERVER = 'tutti.example.org';

interface Received {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the gateway answered: a status, or `hang` (no answer at all). */
  answer: number | 'hang';
}

/** What the gateway answers a request: a status, or `hang`. */
type Answer = (request: Omit<Received, 'answer'>, index: number) => number | 'hang';

/** A local HTTP server standing for the SMS gateway: it records everything it is sent. */
class FakeGateway {
  readonly received: Received[] = [];
  answer: Answer = () => 200;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeGateway> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const gateway = new FakeGateway(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    );
    server.on('request', (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = {
          method: req.method!,
          url: new URL(req.url!, gateway.url),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        const answer = gateway.answer(request, gateway.received.length);
        gateway.received.push({ ...request, answer });
        if (answer !== 'hang') res.writeHead(answer).end(answer < 300 ? 'queued' : 'no');
      });
    });
    return gateway;
  }

  /** The texts each phone got: requests the gateway accepted, by recipient. */
  delivered(recipientOf: (request: Received) => string): Record<string, string[]> {
    const byPhone: Record<string, string[]> = {};
    for (const request of this.received) {
      if (request.answer === 'hang' || request.answer >= 300) continue;
      const phone = recipientOf(request);
      byPhone[phone] = [...(byPhone[phone] ?? []), request.body || request.url.search];
    }
    return byPhone;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const jsonRecipient = (request: Received) => (JSON.parse(request.body) as { to: string }).to;
const jsonText = (request: Received) => (JSON.parse(request.body) as { text: string }).text;

function alert(overrides: Record<string, unknown> = {}) {
  return {
    status: 'firing',
    labels: { alertname: 'TuttiServerDown', server: SERVER, severity: 'critical' },
    annotations: { summary_de: 'von beiden Standorten nicht erreichbar' },
    startsAt: '2025-03-01T10:00:00Z',
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus:9090/graph',
    fingerprint: 'a1b2c3d4e5f60718',
    ...overrides,
  };
}

function notification(status: 'firing' | 'resolved', alerts = [alert({ status })]) {
  return {
    version: '4',
    groupKey: `{}:{alertname="TuttiServerDown", server="${SERVER}"}`,
    truncatedAlerts: 0,
    status,
    receiver: 'tutti',
    groupLabels: { alertname: 'TuttiServerDown', server: SERVER },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts,
  };
}

const root = mkdtempSync(join(tmpdir(), 'tutti-sms-relay-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

interface Setup {
  gateway: FakeGateway;
  relay: SmsRelay;
  logLines: string[];
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** A gateway, a configuration file (+ secret files) for it, and a relay started from it. */
async function setUp(
  gatewayConfig: (gatewayUrl: string) => Record<string, unknown> = (url) => ({
    url: `${url}/sms`,
    headers: { 'Content-Type': 'application/json' },
    body: '{"to":{to:json},"text":{text:json}}',
  }),
  more: Record<string, unknown> = {},
  options: SmsRelayOptions = {},
): Promise<Setup> {
  const gateway = await FakeGateway.start();
  open.push(gateway);
  const dir = mkdtempSync(join(root, 'config-'));
  writeFileSync(join(dir, 'token'), `${TOKEN}\n`);
  writeFileSync(join(dir, 'gateway-auth'), `Authorization: Bearer ${GATEWAY_SECRET}\n`);
  const file = join(dir, 'sms-relay.json');
  writeFileSync(
    file,
    JSON.stringify({
      listen: { host: '127.0.0.1', port: 0 },
      tokenFile: 'token',
      gateway: { authHeaderFile: 'gateway-auth', timeoutSeconds: 1, ...gatewayConfig(gateway.url) },
      recipients: [ALICE, BOB],
      retries: 2,
      ...more,
    }),
  );
  const logLines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
  const relay = await startSmsRelay(loadSmsRelayConfig(file), log, {
    retryBaseDelayMs: 20,
    ...options,
  });
  open.push(relay);
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${relay.port}/alerts`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${TOKEN}`,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { gateway, relay, logLines, post };
}

describe('the SMS relay', () => {
  it('sends the outage and the recovery to every phone, once each', async () => {
    const { gateway, post } = await setUp();
    expect((await post(notification('firing'))).status).toBe(200);
    expect((await post(notification('resolved'))).status).toBe(200);

    const texts = (phone: string) =>
      gateway.received.filter((r) => jsonRecipient(r) === phone).map(jsonText);
    for (const phone of [ALICE, BOB])
      expect(texts(phone)).toEqual([
        `Tutti AUSFALL: ${SERVER} - von beiden Standorten nicht erreichbar (TuttiServerDown)`,
        `Tutti BEHOBEN: ${SERVER} - von beiden Standorten nicht erreichbar (TuttiServerDown)`,
      ]);
  });

  it('fills a JSON body with escaped strings and sends the auth header from its file', async () => {
    const { gateway, post } = await setUp();
    const tricky = 'Platte "data" voll\\leer';
    await post(
      notification('firing', [
        alert({
          labels: { alertname: 'TuttiDiskFull', server: SERVER, severity: 'warning' },
          annotations: { summary: tricky },
        }),
      ]),
    );
    const [first] = gateway.received;
    expect(first!.method).toBe('POST');
    expect(first!.url.pathname).toBe('/sms');
    expect(first!.headers.authorization).toBe(`Bearer ${GATEWAY_SECRET}`);
    expect(first!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(first!.body)).toEqual({
      to: ALICE,
      text: `Tutti WARNUNG: ${SERVER} - ${tricky} (TuttiDiskFull)`,
    });
  });

  it('URL-encodes the number and the text in a url template, in English when asked', async () => {
    const { gateway, post } = await setUp(
      (url) => ({
        url: `${url}/send?api=1&to={to}&msg={text}`,
        method: 'GET',
      }),
      { language: 'en' },
    );
    await post(
      notification('firing', [
        alert({
          annotations: { summary: 'unreachable & down? 100%', summary_en: 'down & out=yes #1' },
        }),
      ]),
    );
    const [first] = gateway.received;
    expect(first!.method).toBe('GET');
    // Encoded: a "+" would otherwise arrive as a space, "&" and "#" would cut the text.
    expect(first!.url.search).toContain(`to=${encodeURIComponent(ALICE)}&`);
    expect(first!.url.searchParams.get('api')).toBe('1');
    expect(first!.url.searchParams.get('to')).toBe(ALICE);
    expect(first!.url.searchParams.get('msg')).toBe(
      `Tutti DOWN: ${SERVER} - down & out=yes #1 (TuttiServerDown)`,
    );
    expect([...first!.url.searchParams.keys()]).toEqual(['api', 'to', 'msg']);
  });

  it('retries after 500 and 429 and answers 200 once the gateway took the text', async () => {
    const { gateway, post } = await setUp(undefined, { recipients: [ALICE] });
    gateway.answer = (_, index) => [500, 429][index] ?? 200;
    const answer = await post(notification('firing'));
    expect(answer.status).toBe(200);
    expect(gateway.received.map((r) => r.answer)).toEqual([500, 429, 200]);
    expect(gateway.delivered(jsonRecipient)[ALICE]).toHaveLength(1);
  });

  it('gives up on a hanging gateway after the deadline and tries again', async () => {
    const { gateway, post } = await setUp(undefined, { recipients: [ALICE] });
    gateway.answer = (_, index) => (index === 0 ? 'hang' : 200);
    const started = Date.now();
    const answer = await post(notification('firing'));
    expect(answer.status).toBe(200);
    expect(gateway.received.map((r) => r.answer)).toEqual(['hang', 200]);
    // One deadline (timeoutSeconds: 1) and one short pause, not the hang's length.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers 502 when a gateway that keeps hanging never takes the text', async () => {
    const { gateway, post } = await setUp(undefined, { recipients: [ALICE], retries: 1 });
    gateway.answer = () => 'hang';
    const answer = await post(notification('firing'));
    expect(answer.status).toBe(502);
    expect(gateway.received).toHaveLength(2);
  });

  it('does not retry a 400 and answers 502, logging it without secrets or full numbers', async () => {
    const { gateway, post, logLines } = await setUp();
    gateway.answer = (request) => (jsonRecipient(request as Received) === BOB ? 400 : 200);
    const answer = await post(notification('firing'));
    expect(answer.status).toBe(502);
    const body = (await answer.json()) as { ok: boolean; error: { key: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.key).toBe('server.smsRelay.notDelivered');
    expect(body.error.message).toContain('1 von 2');
    expect(gateway.received.filter((r) => jsonRecipient(r) === BOB)).toHaveLength(1);

    const log = logLines.join('');
    expect(log).toContain('***222');
    expect(log).toContain('"status":400');
    for (const secret of [GATEWAY_SECRET, TOKEN, ALICE, BOB, ALICE.slice(1), BOB.slice(1)])
      expect(log).not.toContain(secret);
  });

  it('never sends a retried notification again to a phone that already got it', async () => {
    const { gateway, post } = await setUp(undefined, { retries: 1 });
    let bobFails = true;
    gateway.answer = (request) =>
      bobFails && jsonRecipient(request as Received) === BOB ? 503 : 200;
    expect((await post(notification('firing'))).status).toBe(502);

    // Alertmanager sends the same notification again later; the gateway works again.
    bobFails = false;
    const again = await post(notification('firing'));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { value: unknown }).value).toEqual({
      sent: 1,
      sentBefore: 1,
      failed: 0,
    });
    expect((await post(notification('firing'))).status).toBe(200);

    const delivered = gateway.delivered(jsonRecipient);
    expect(delivered[ALICE]).toHaveLength(1);
    expect(delivered[BOB]).toHaveLength(1);
  });

  it('sends a notification again a day later, and a new one (new start) at once', async () => {
    let now = Date.parse('2025-03-01T10:00:00Z');
    const { gateway, post } = await setUp(undefined, { recipients: [ALICE] }, { now: () => now });
    await post(notification('firing'));
    await post(notification('firing', [alert({ startsAt: '2025-03-01T11:00:00Z' })]));
    now += 24 * 60 * 60_000 + 1;
    await post(notification('firing'));
    expect(gateway.delivered(jsonRecipient)[ALICE]).toHaveLength(3);
  });

  it('sends once when the same notification arrives twice at the same time', async () => {
    const { gateway, post } = await setUp(undefined, { recipients: [ALICE] });
    const answers = await Promise.all([post(notification('firing')), post(notification('firing'))]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(gateway.received).toHaveLength(1);
  });

  it('names the count when a group holds several alerts', async () => {
    const { gateway, post } = await setUp(undefined, { recipients: [ALICE] });
    const backupAlert = (club: string) =>
      alert({
        labels: { alertname: 'TuttiBackupTooOld', server: SERVER, severity: 'warning', club },
        annotations: { summary_de: 'Sicherung älter als 26 Stunden' },
        fingerprint: `fp-${club}`,
      });
    await post(notification('firing', [backupAlert('a'), backupAlert('b'), backupAlert('c')]));
    expect(gateway.received.map(jsonText)).toEqual([
      `Tutti WARNUNG: ${SERVER} - 3 Meldungen: Sicherung älter als 26 Stunden (TuttiBackupTooOld)`,
    ]);
  });

  it('refuses a malformed notification with 400 and sends nothing', async () => {
    const { gateway, post } = await setUp();
    const noName = notification('firing', [alert({ labels: { server: SERVER } })]);
    const refused = await post(noName);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields)).toEqual(['alerts.0.labels.alertname']);
    expect((await post({ ...notification('firing'), version: '3' })).status).toBe(400);
    expect((await post('{"version":')).status).toBe(400);
    expect((await post(notification('firing'), { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect(gateway.received).toEqual([]);
  });

  it('refuses a missing or wrong bearer token with 401', async () => {
    const { gateway, post } = await setUp();
    const wrong = await post(notification('firing'), { Authorization: `Bearer ${TOKEN}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    expect((await post(notification('firing'), { Authorization: '' })).status).toBe(401);
    expect((await post(notification('firing'), { Authorization: TOKEN })).status).toBe(401);
    expect(gateway.received).toEqual([]);
  });

  it('refuses a body over 256 KiB with 413 and sends nothing', async () => {
    const { gateway, post } = await setUp();
    const huge = notification('firing', [
      alert({ annotations: { summary: 'x'.repeat(2000), padding: 'y'.repeat(300 * 1024) } }),
    ]);
    expect((await post(huge)).status).toBe(413);
    expect(gateway.received).toEqual([]);
  });

  it('answers /healthz without a token, and nothing else but /alerts', async () => {
    const { relay } = await setUp();
    const base = `http://127.0.0.1:${relay.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/alerts`)).status).toBe(405);
  });

  it('closes promptly while the gateway hangs, answering the waiting webhook 502', async () => {
    const { gateway, relay, post } = await setUp(undefined, { recipients: [ALICE] });
    gateway.answer = () => 'hang';
    const waiting = post(notification('firing'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await relay.close();
    expect(Date.now() - started).toBeLessThan(500);
    expect((await waiting).status).toBe(502);
  });
});

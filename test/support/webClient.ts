/**
 * A browser's part of the web application's protocol, for tests and the benchmark that need no
 * page: HTTPS verified against the club server's CA, one session cookie, the Origin a browser
 * sends, and the session's CSRF token on every POST — or, to attack it, without them.
 */
import { Agent, request } from 'node:https';
import { TOTP } from 'otpauth';
import {
  CSRF_HEADER,
  SESSION_COOKIE,
  type SessionView,
  WEB_PATHS,
} from '../../shared/web/webProtocol.ts';

/** An answer's JSON: `{ok, value | error}` for the API, the text of a page. */
export interface WebBody {
  ok?: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: tests read into answers of many shapes
  value?: any;
  error?: { code: string; key: string; params?: Record<string, unknown>; fields?: object };
  code?: string;
  key?: string;
}

export interface WebAnswer {
  status: number;
  body: WebBody | null;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface SendOptions {
  /** Leave the CSRF token out, or send another. */
  csrf?: string | null;
  /** Another Origin, or none. */
  origin?: string | null;
  cookie?: string | null;
}

/** The code an authenticator app shows for `secret`, `stepsAhead` × 30 s from now. */
export function totpCode(secret: string, stepsAhead = 0): string {
  return new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: Date.now() + stepsAhead * 30_000,
  });
}

export interface EventStream {
  events: { event: string; payload: WebBody['value'] }[];
  /** The answer's HTTP status. */
  opened: Promise<number>;
  ended(): boolean;
  stop(): void;
}

export class WebClient {
  cookie: string | null = null;
  csrf: string | null = null;
  private readonly agent: Agent;

  constructor(
    readonly baseUrl: string,
    caPem: string,
    keepAlive = false,
  ) {
    this.agent = new Agent({ ca: caPem, keepAlive, maxSockets: keepAlive ? 1 : Infinity });
  }

  send(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    options: SendOptions = {},
  ): Promise<WebAnswer> {
    const url = new URL(path, this.baseUrl);
    const text = body === undefined ? undefined : JSON.stringify(body);
    const cookie = options.cookie === undefined ? this.cookie : options.cookie;
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    const origin = options.origin === undefined ? new URL(this.baseUrl).origin : options.origin;
    const headers: Record<string, string> = {};
    if (text !== undefined) headers['content-type'] = 'application/json';
    if (cookie) headers.cookie = `${SESSION_COOKIE}=${cookie}`;
    if (method === 'POST' && csrf) headers[CSRF_HEADER] = csrf;
    if (method === 'POST' && origin) headers.origin = origin;
    return new Promise((resolve, reject) => {
      const req = request(url, { method, headers, agent: this.agent, timeout: 30_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.takeCookie(res.headers['set-cookie']);
          let parsed: WebBody | null = null;
          try {
            parsed = raw ? (JSON.parse(raw) as WebBody) : null;
          } catch {
            // not JSON: the page, or a plain text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, text: raw, headers: res.headers });
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer from ${path} within 30 s`)));
      req.on('error', reject);
      req.end(text);
    });
  }

  private takeCookie(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (name?.trim() !== SESSION_COOKIE) continue;
      this.cookie = value ? value.trim() : null;
    }
  }

  /** Posts and keeps the session the answer describes (its CSRF token). */
  async step(path: string, body: unknown = {}): Promise<SessionView> {
    const answer = await this.send('POST', path, body);
    if (answer.status !== 200)
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    const value = answer.body?.value;
    const session: SessionView = 'session' in value ? value.session : value;
    this.csrf = session.csrfToken;
    return session;
  }

  /** Signs in with password and, where the account has one, the authenticator's code. */
  async signIn(loginName: string, password: string, totpSecret?: string): Promise<SessionView> {
    let session = await this.step(WEB_PATHS.login, { loginName, password });
    if (session.stage === 'secondFactor') {
      if (!totpSecret) throw new Error(`${loginName} needs a second factor`);
      session = await this.step(WEB_PATHS.secondFactor, { code: totpCode(totpSecret, 1) });
    }
    // Offered, not required: put off, as "Später" does.
    if (session.stage === 'enrolSecondFactor' && !session.secondFactor.required)
      session = await this.step(WEB_PATHS.totpSkip);
    if (session.stage === 'chooseClub' && session.clubs.length === 1)
      session = await this.step(WEB_PATHS.chooseClub, { clubId: session.clubs[0]!.clubId });
    return session;
  }

  /** A ClubApi call as the page makes it; answers its ApiResult. */
  async call(method: string, args: unknown[], shown?: unknown): Promise<WebBody> {
    const answer = await this.send('POST', WEB_PATHS.rpc, { method, args, shown });
    if (answer.status !== 200)
      throw new Error(`${method}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body ?? {};
  }

  /** Opens the event stream; its lines (not the heartbeats) gather in `events` until `stop()`. */
  openEvents(): EventStream {
    const events: { event: string; payload: WebBody['value'] }[] = [];
    let ended = false;
    const req = request(new URL(WEB_PATHS.events, this.baseUrl), {
      headers: this.cookie ? { cookie: `${SESSION_COOKIE}=${this.cookie}` } : {},
      agent: this.agent,
    });
    const opened = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
            const line = buffer.slice(0, at).trim();
            buffer = buffer.slice(at + 1);
            if (line) events.push(JSON.parse(line));
          }
        });
        res.on('close', () => {
          ended = true;
        });
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (error) => {
        ended = true;
        reject(error);
      });
    });
    req.end();
    return {
      events,
      opened,
      ended: () => ended,
      stop: () => req.destroy(),
    };
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Every request to the club server settles, whatever the server or the network does: a real
 * TLS server that answers, breaks off mid-answer, falls silent, answers too much or never
 * finishes, and a caller that aborts.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateAuthority } from '../../server/pki/certificateAuthority.ts';
import { ConnectionError, httpsJson, type RequestLimits } from './httpsJson.ts';

const LIMITS: RequestLimits = { deadlineMs: 3_000, idleMs: 1_000, maxResponseBytes: 64 * 1024 };

describe('httpsJson', () => {
  let server: Server;
  let ca = '';
  let base = '';

  beforeAll(async () => {
    const authority = await CertificateAuthority.create('Tutti Test-CA');
    const tls = await authority.issueServerCertificate(['localhost', '127.0.0.1']);
    ca = authority.certificate.toString('pem');
    server = createServer({ key: tls.privateKeyPem, cert: tls.certificatePem }, (req, res) => {
      const json = { 'Content-Type': 'application/json' };
      switch (req.url) {
        case '/ok':
          res.writeHead(200, json).end('{"ok":true,"value":1}');
          return;
        case '/cut-mid-answer':
          res.writeHead(200, { ...json, 'Content-Length': '1000' });
          res.write('{"ok":true,"value":"');
          setTimeout(() => req.socket.destroy(), 50);
          return;
        case '/silent':
          return; // never answers
        case '/trickle': {
          // A byte every 300 ms: never idle, never done.
          res.writeHead(200, { ...json, 'Transfer-Encoding': 'chunked' });
          const timer = setInterval(() => res.write(' '), 300);
          res.on('close', () => clearInterval(timer));
          return;
        }
        case '/huge':
          res.writeHead(200, json);
          res.end(Buffer.alloc(256 * 1024, 0x20));
          return;
        default:
          res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `https://localhost:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const get = (path: string, signal?: AbortSignal) =>
    httpsJson(new URL(path, base), { caCertificatePem: ca }, 'GET', undefined, {
      limits: LIMITS,
      signal,
    });

  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectionError);
    return error as ConnectionError;
  };

  it('answers a whole answer', async () => {
    await expect(get('/ok')).resolves.toEqual({ status: 200, body: { ok: true, value: 1 } });
  });

  it('rejects an answer cut off in the middle, saying so', async () => {
    const error = await failure(get('/cut-mid-answer'));
    expect(error.failure).toBe('cut');
    expect(error.message).toBe(
      'Die Verbindung zum Vereinsserver brach ab, bevor seine Antwort vollständig war.',
    );
  });

  it('gives up on a server that falls silent', async () => {
    const error = await failure(get('/silent'));
    expect(error.failure).toBe('idle');
    expect(error.message).toContain('1 Sekunden lang kam nichts an');
  });

  it('gives up on an answer that never ends, at the deadline', async () => {
    const started = Date.now();
    const error = await failure(get('/trickle'));
    expect(error.failure).toBe('deadline');
    expect(Date.now() - started).toBeLessThan(LIMITS.deadlineMs + 1_000);
  });

  it('refuses an answer larger than any Tutti server sends', async () => {
    expect((await failure(get('/huge'))).failure).toBe('too_large');
  });

  it('ends at once when the caller aborts', async () => {
    const abort = new AbortController();
    const pending = get('/silent', abort.signal);
    setTimeout(() => abort.abort(), 100);
    expect((await failure(pending)).failure).toBe('aborted');
  });

  it('names the network error when nothing listens', async () => {
    const error = await failure(
      httpsJson(new URL('https://127.0.0.1:1/'), { caCertificatePem: ca }, 'GET'),
    );
    expect(error.failure).toBe('network');
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.message).toBe(
      'Der Vereinsserver ist nicht erreichbar (ECONNREFUSED). Bitte Adresse und Netzwerk prüfen.',
    );
  });
});

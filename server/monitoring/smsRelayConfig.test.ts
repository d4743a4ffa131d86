import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { describeError, isAppError } from '../errors.ts';
import { loadSmsRelayConfig } from './smsRelayConfig.ts';

const root = mkdtempSync(join(tmpdir(), 'tutti-sms-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TOKEN = 'alertmanager-token-0123456789';
const GATEWAY_SECRET = 'gw-secret-abcdef987654';

writeFileSync(join(root, 'token'), `${TOKEN}\n`);
writeFileSync(join(root, 'gateway-auth'), `Authorization: Bearer ${GATEWAY_SECRET}\n`);

const minimal = {
  gateway: { url: 'https://sms.example/send?to={to}&text={text}' },
  recipients: ['+4917012345678'],
};

let files = 0;
function write(content: unknown): string {
  const path = join(root, `config-${++files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** The one line the command line prints for the configuration, in German or English. */
function refusal(content: unknown, language: 'de' | 'en' = 'de'): string {
  try {
    loadSmsRelayConfig(write(content));
  } catch (error) {
    if (isAppError(error)) return describeError(error, language);
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('the SMS relay configuration', () => {
  it('fills in the defaults', () => {
    const config = loadSmsRelayConfig(write(minimal));
    expect(config).toEqual({
      listen: { host: '127.0.0.1', port: 9097 },
      gateway: {
        url: minimal.gateway.url,
        method: 'POST',
        headers: {},
        timeoutSeconds: 10,
      },
      recipients: ['+4917012345678'],
      language: 'de',
      maxLength: 160,
      retries: 4,
    });
  });

  it('reads the token and the auth header from their files, relative to the configuration', () => {
    const config = loadSmsRelayConfig(
      write({
        ...minimal,
        listen: { host: '0.0.0.0', port: 9097 },
        tokenFile: 'token',
        gateway: { ...minimal.gateway, authHeaderFile: join(root, 'gateway-auth') },
      }),
    );
    expect(config.token?.reveal()).toBe(TOKEN);
    expect(config.gateway.authHeader?.name).toBe('Authorization');
    expect(config.gateway.authHeader?.value.reveal()).toBe(`Bearer ${GATEWAY_SECRET}`);
    // Logged or printed by accident, the configuration shows no secret.
    for (const shown of [JSON.stringify(config), inspect(config, { depth: 9 }), `${config.token}`])
      for (const secret of [TOKEN, GATEWAY_SECRET]) expect(shown).not.toContain(secret);
  });

  it('names the field that is wrong and what is expected there', () => {
    expect(refusal({ ...minimal, recipients: ['0170 1234567'] })).toMatch(
      /bei recipients\.0 falsch: .*E\.164/,
    );
    expect(refusal({ ...minimal, recipients: [] })).toMatch(/bei recipients falsch/);
    expect(refusal({ ...minimal, recipients: ['+4917012345678', '+4917012345678'] })).toMatch(
      /bei recipients\.1 falsch: .*schon weiter oben/,
    );
    expect(refusal({ recipients: minimal.recipients })).toMatch(/bei gateway falsch/);
    expect(refusal({ ...minimal, listen: { port: 99999 } })).toMatch(/bei listen\.port falsch/);
    expect(refusal({ ...minimal, language: 'fr' })).toMatch(/bei language falsch: .*de oder en/);
    expect(refusal({ ...minimal, maxLength: 10 })).toMatch(/bei maxLength falsch/);
    expect(refusal({ ...minimal, retries: 1.5 })).toMatch(/bei retries falsch/);
    expect(refusal({ ...minimal, recipient: ['+4917012345678'] })).toMatch(
      /bei recipient falsch: Dieses Feld gibt es nicht/,
    );
    expect(
      refusal({ ...minimal, gateway: { ...minimal.gateway, timeoutSeconds: 0 } }, 'en'),
    ).toMatch(/wrong at gateway\.timeoutSeconds: Expected a whole number from 1 to 120/);
  });

  it('asks for a token when the relay listens beyond this machine', () => {
    expect(refusal({ ...minimal, listen: { host: '0.0.0.0', port: 9097 } })).toMatch(
      /bei tokenFile falsch: Das Relay lauscht auf 0\.0\.0\.0/,
    );
    expect(() => loadSmsRelayConfig(write({ ...minimal, listen: { host: '::1' } }))).not.toThrow();
  });

  it('checks the gateway templates', () => {
    const gateway = (more: Record<string, unknown>) => ({
      ...minimal,
      gateway: { ...minimal.gateway, ...more },
    });
    expect(refusal(gateway({ url: 'https://sms.example/send?to={to}&text={txt}' }))).toMatch(
      /bei gateway\.url falsch: Den Platzhalter \{txt\} gibt es nicht/,
    );
    expect(refusal(gateway({ url: 'https://sms.example/send?to={to}&t={text:json}' }))).toMatch(
      /bei gateway\.url falsch: .*\{text:json\} geht nur im body/,
    );
    expect(refusal(gateway({ url: 'ftp://sms.example/{to}/{text}' }))).toMatch(
      /bei gateway\.url falsch: Erwartet wird eine Adresse mit https:\/\//,
    );
    expect(refusal(gateway({ url: 'https://{to}.sms.example/{text}' }))).toMatch(
      /bei gateway\.url falsch/,
    );
    expect(refusal(gateway({ url: 'https://user:pw@sms.example/{to}/{text}' }))).toMatch(
      /bei gateway\.url falsch: .*authHeaderFile/,
    );
    expect(refusal(gateway({ url: 'https://sms.example/send?to={to}' }))).toMatch(
      /bei gateway falsch: Der Platzhalter \{text\} muss in url oder body vorkommen/,
    );
    expect(
      refusal(
        gateway({ url: 'https://sms.example/send', body: '{"to":{to:json},"t":{text:jsn}}' }),
      ),
    ).toMatch(/bei gateway\.body falsch: Den Platzhalter \{text:jsn\} gibt es nicht/);
    expect(refusal(gateway({ method: 'GET', body: 'to={to:url}' }))).toMatch(
      /bei gateway\.body falsch: Eine GET-Anfrage hat keinen body/,
    );
    expect(refusal(gateway({ headers: { 'Content-Length': '5' } }))).toMatch(
      /bei gateway\.headers\.Content-Length falsch: Diesen Header setzt das Relay selbst/,
    );
    expect(refusal(gateway({ headers: { 'X-Key': 'a\nInjected: b' } }))).toMatch(
      /bei gateway\.headers\.X-Key falsch/,
    );
    expect(
      loadSmsRelayConfig(
        write(gateway({ url: 'https://sms.example/send', body: 'to={to:url}&msg={text:url}' })),
      ).gateway.body,
    ).toBe('to={to:url}&msg={text:url}');
  });

  it('says what is wrong with the secret files, without their contents', () => {
    writeFileSync(join(root, 'short-token'), 'abc\n');
    writeFileSync(join(root, 'bad-header'), `Bearer ${GATEWAY_SECRET}\n`);
    const tokenProblem = refusal({ ...minimal, tokenFile: 'short-token' });
    expect(tokenProblem).toMatch(/bei tokenFile falsch: .*mindestens 16 Zeichen/);
    const headerProblem = refusal({
      ...minimal,
      gateway: { ...minimal.gateway, authHeaderFile: 'bad-header' },
    });
    expect(headerProblem).toMatch(/bei gateway\.authHeaderFile falsch: .*„Name: Wert“/);
    expect(headerProblem).not.toContain(GATEWAY_SECRET);
    expect(refusal({ ...minimal, tokenFile: 'no-such-file' })).toMatch(
      /bei tokenFile falsch: Die Datei .*no-such-file lässt sich nicht lesen \(ENOENT\)/,
    );
  });

  it('says when the file is missing or no JSON', () => {
    expect(() => loadSmsRelayConfig(join(root, 'missing.json'))).toThrow(
      /missing\.json lässt sich nicht lesen \(ENOENT\)/,
    );
    expect(refusal('{"gateway": ', 'en')).toMatch(/config-\d+\.json is not valid JSON/);
  });
});

describe('the shipped example (deploy/monitoring/sms-relay.example.json)', () => {
  it('loads as written once its two secret files sit beside it', () => {
    const folder = mkdtempSync(join(root, 'example-'));
    const example = readFileSync(
      join(import.meta.dirname, '../../deploy/monitoring/sms-relay.example.json'),
      'utf8',
    );
    writeFileSync(join(folder, 'sms-relay.json'), example);
    writeFileSync(join(folder, 'sms-relay.token'), `${TOKEN}\n`);
    writeFileSync(join(folder, 'sms-gateway-auth'), `Authorization: Bearer ${GATEWAY_SECRET}\n`);
    const config = loadSmsRelayConfig(join(folder, 'sms-relay.json'));
    expect(config.listen).toEqual({ host: '127.0.0.1', port: 9097 });
    expect(config.recipients).toHaveLength(2);
    expect(config.gateway.authHeader?.name).toBe('Authorization');
  });
});

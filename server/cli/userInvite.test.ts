/**
 * `tutti-server user invite` and `user reset-login` run directly on the data (no server
 * running): the one-time link alone on the last line, on the configured public web URL; with
 * `--email` and a mail server the link is mailed and the line before says so; a wrong
 * `--public-web-url` is a wrong call (exit 2).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SMTPServer, SMTPServer as SmtpServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirectory } from '../app/dataDirectory.ts';
import { main } from './main.ts';

const root = mkdtempSync(join(tmpdir(), 'tutti-invite-cli-'));
const data = join(root, 'data');
const passphraseFile = join(root, 'passphrase');

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    [...args, '--data', data],
    (line) => out.push(line),
    (line) => err.push(line),
    { LANG: 'C.UTF-8' },
  );
  return { code, out, err };
}

let clubId = '';
let userId = '';
const mails: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;

beforeAll(async () => {
  writeFileSync(passphraseFile, 'eine lange Server-Passphrase\n', { mode: 0o600 });
  const wrong = await run([
    'init',
    '--passphrase-file',
    passphraseFile,
    '--public-web-url',
    'https://verein.example/pfad',
  ]);
  expect(wrong.code).toBe(2);
  expect(wrong.err).toEqual([
    '--public-web-url erwartet eine https-Adresse ohne Pfad, z. B. https://verein.example.de, nicht „https://verein.example/pfad“.',
  ]);
  const init = await run([
    'init',
    '--passphrase-file',
    passphraseFile,
    '--public-web-url',
    'https://Verein.Example/',
  ]);
  expect(init.code, init.err.join('\n')).toBe(0);
  clubId = (await run(['club', 'create', 'Musikverein Einladung'])).out.at(-1)!;
  userId = (
    await run(['user', 'add', '--club', clubId, '--name', 'Erna', '--role', 'kassier'])
  ).out.at(-1)!;
  smtp = new SmtpServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        raw += chunk;
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

describe('tutti-server user invite', () => {
  it('prints the link on the public web URL alone as the last line', async () => {
    const result = await run(['user', 'invite', '--club', clubId, '--user', userId]);
    expect(result.code, result.err.join('\n')).toBe(0);
    expect(result.out[0]).toMatch(/^Einladung für „Erna“ zur Web-Anwendung, einmal gültig bis /);
    expect(result.out.at(-1)).toMatch(/^https:\/\/verein\.example\/\?invite=[A-Za-z0-9_-]{43}$/);
  });

  it('says when no mail server is set up, and mails the link when one is', async () => {
    const noServer = await run([
      'user',
      'invite',
      '--club',
      clubId,
      '--user',
      userId,
      '--email',
      'erna@verein.example',
      '--lang',
      'en',
    ]);
    expect(noServer.out.at(-2)).toBe(
      'No mail server configured (tutti-server backup mail-server): please pass the link on yourself.',
    );
    const dir = new DataDirectory(data);
    dir.setBackupConfig({
      targets: [join(root, 'a'), join(root, 'b')],
      recipient: 'age1unused',
      extraRecipients: [],
      mail: {
        host: '127.0.0.1',
        port: (smtp.server.address() as { port: number }).port,
        secure: false,
        from: 'tutti@server.example',
        maxBytes: 1_000_000,
      },
    });
    const mailed = await run([
      'user',
      'invite',
      '--club',
      clubId,
      '--user',
      userId,
      '--email',
      'erna@verein.example',
    ]);
    expect(mailed.code, mailed.err.join('\n')).toBe(0);
    expect(mailed.out.at(-2)).toBe('Der Link ging per E-Mail an erna@verein.example.');
    const link = mailed.out.at(-1)!;
    expect(mails.at(-1)?.to).toEqual(['erna@verein.example']);
    // Quoted-printable may wrap long lines: compare without soft line breaks.
    expect(mails.at(-1)?.raw.replace(/=\r?\n/g, '')).toContain(link.replace(/=/g, '=3D'));
  });

  it('refuses a wrong e-mail address as a wrong call', async () => {
    const result = await run([
      'user',
      'invite',
      '--club',
      clubId,
      '--user',
      userId,
      '--email',
      'x',
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toEqual(['„x“ ist keine gültige E-Mail-Adresse.']);
  });

  it('refuses a reset for a user without account, with what to do', async () => {
    const result = await run(['user', 'reset-login', '--club', clubId, '--user', userId]);
    expect(result.code).toBe(1);
    expect(result.err[0]).toContain('tutti-server user invite');
  });
});

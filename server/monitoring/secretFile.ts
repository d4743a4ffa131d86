/**
 * The relay's two secrets — the bearer token Alertmanager must send, and the gateway's auth
 * header — come from files, read once at start. A `Secret` hides its value from every way a
 * value reaches a log line by accident (JSON, `util.inspect`, string concatenation), so the
 * configuration object can be logged or shown in a failed test without leaking it.
 */
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The value, for the one place that sends or compares it. */
  reveal(): string {
    return this.#value;
  }

  toJSON(): string {
    return '[redacted]';
  }

  toString(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'Secret([redacted])';
  }
}

/** Why a secret file was refused: a key of `server.smsRelay.config.*` and its parameters. */
export class SecretFileError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string>,
  ) {
    super(key);
  }
}

function readSecretText(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SecretFileError('server.smsRelay.config.fileUnreadable', {
      file: path,
      code: (error as NodeJS.ErrnoException).code ?? 'EIO',
    });
  }
  // One line, as `echo … > file` and systemd credentials write it.
  return text.replace(/\r?\n$/, '');
}

/** Enough to resist guessing; a token is made with e.g. `openssl rand -hex 32`. */
export const MIN_TOKEN_LENGTH = 16;

/** The bearer token: one line of visible characters, no spaces. */
export function readTokenFile(path: string): Secret {
  const token = readSecretText(path);
  if (token.length < MIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token))
    throw new SecretFileError('server.smsRelay.config.tokenFormat', {
      file: path,
      min: String(MIN_TOKEN_LENGTH),
    });
  return new Secret(token);
}

export interface SecretHeader {
  name: string;
  value: Secret;
}

// An HTTP header name (RFC 9110 token) and a value of visible ASCII, spaces and tabs inside.
const HEADER_LINE =
  /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([\x21-\x7e](?:[\t\x20-\x7e]*[\x21-\x7e])?)$/;

/** The gateway's auth header: one line `Name: value`, e.g. `Authorization: Bearer …`. */
export function readHeaderFile(path: string): SecretHeader {
  const match = HEADER_LINE.exec(readSecretText(path));
  if (!match) throw new SecretFileError('server.smsRelay.config.headerFormat', { file: path });
  return { name: match[1]!, value: new Secret(match[2]!) };
}

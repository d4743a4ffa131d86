/**
 * The SMS relay's configuration file (JSON) and what it is read into. Every mistake in it is
 * one AppError naming the file, the field and what is expected there, so the command line can
 * say it in one line and stop before the relay listens. The two secrets are read here too,
 * relative paths from the configuration file's folder, and travel as `Secret`s.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { issueMessage, type SchemaIssue } from '../../shared/domain/issueMessage.ts';
import type { Language } from '../../shared/messages/language.ts';
import type { Message } from '../../shared/messages/message.ts';
import { AppError } from '../errors.ts';
import { isLoopback } from '../http/loopback.ts';
import {
  readHeaderFile,
  readTokenFile,
  type Secret,
  SecretFileError,
  type SecretHeader,
} from './secretFile.ts';
import { placeholdersOf, templateProblem } from './smsTemplate.ts';

export interface SmsRelayConfig {
  listen: { host: string; port: number };
  /** What Alertmanager must send as `Authorization: Bearer …`; without it, no token is asked. */
  token?: Secret;
  gateway: {
    url: string;
    method: 'POST' | 'PUT' | 'GET';
    headers: Record<string, string>;
    body?: string;
    authHeader?: SecretHeader;
    timeoutSeconds: number;
  };
  recipients: string[];
  language: Language;
  maxLength: number;
  retries: number;
}

export const DEFAULT_LISTEN = { host: '127.0.0.1', port: 9097 };

// E.164: a plus, a country code not starting with 0, at most 15 digits in all.
const E164 = /^\+[1-9]\d{6,14}$/;
const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Visible ASCII, spaces and tabs: what fetch sends as it is (no line break can add a header).
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;
/** Headers fetch sets itself from the url and the body; a second value would break the request. */
const MANAGED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);

const fileSchema = z
  .strictObject({
    listen: z
      .strictObject({
        host: z
          .string()
          .refine((h) => isIP(h) !== 0 || HOSTNAME.test(h))
          .default(DEFAULT_LISTEN.host),
        port: z.number().int().min(0).max(65535).default(DEFAULT_LISTEN.port),
      })
      .default(() => ({ ...DEFAULT_LISTEN })),
    tokenFile: z.string().min(1).optional(),
    gateway: z.strictObject({
      url: z.string().min(1).max(2000),
      method: z.enum(['POST', 'PUT', 'GET']).default('POST'),
      headers: z
        .record(z.string().regex(HEADER_NAME), z.string().max(2000).regex(HEADER_VALUE))
        .default({}),
      body: z.string().max(10_000).optional(),
      authHeaderFile: z.string().min(1).optional(),
      timeoutSeconds: z.number().int().min(1).max(120).default(10),
    }),
    recipients: z.array(z.string().regex(E164)).min(1).max(20),
    language: z.enum(['de', 'en']).default('de'),
    maxLength: z.number().int().min(40).max(1600).default(160),
    retries: z.number().int().min(0).max(10).default(4),
  })
  .superRefine((config, ctx) => {
    const problem = (path: PropertyKey[], key: string, params: Record<string, string> = {}) =>
      ctx.addIssue({ code: 'custom', path, message: key, params });
    if (!config.tokenFile && !isLoopback(config.listen.host))
      problem(['tokenFile'], 'server.smsRelay.config.tokenRequired', { host: config.listen.host });
    const { gateway } = config;
    const urlProblem = templateProblem(gateway.url, 'url');
    if (urlProblem)
      problem(['gateway', 'url'], urlProblem.key, { placeholder: urlProblem.placeholder });
    else if (!fixedOrigin(gateway.url)) problem(['gateway', 'url'], 'server.smsRelay.config.url');
    const bodyProblem = gateway.body === undefined ? null : templateProblem(gateway.body, 'body');
    if (bodyProblem)
      problem(['gateway', 'body'], bodyProblem.key, { placeholder: bodyProblem.placeholder });
    if (gateway.body !== undefined && gateway.method === 'GET')
      problem(['gateway', 'body'], 'server.smsRelay.config.bodyWithGet');
    const used = new Set([...placeholdersOf(gateway.url), ...placeholdersOf(gateway.body ?? '')]);
    for (const name of ['to', 'text'] as const)
      if (!used.has(name))
        problem(['gateway'], 'server.smsRelay.config.placeholderMissing', {
          placeholder: `{${name}}`,
        });
    for (const name of Object.keys(gateway.headers))
      if (MANAGED_HEADERS.has(name.toLowerCase()))
        problem(['gateway', 'headers', name], 'server.smsRelay.config.headerManaged');
    config.recipients.forEach((number, index) => {
      if (config.recipients.indexOf(number) < index)
        problem(['recipients', index], 'server.smsRelay.config.recipientTwice');
    });
  });

/**
 * An http(s) address whose scheme and host no value can change (the placeholders only in the
 * path or the query), and without user and password, which fetch refuses and a log might show.
 */
function fixedOrigin(template: string): boolean {
  const filled = (value: string) => {
    try {
      return new URL(template.replace(/\{[^}]*\}/g, value));
    } catch {
      return null;
    }
  };
  const a = filled('a');
  const b = filled('b');
  return (
    a !== null &&
    b !== null &&
    (a.protocol === 'https:' || a.protocol === 'http:') &&
    a.origin === b.origin &&
    a.username === '' &&
    a.password === ''
  );
}

/** What each field expects, said when zod finds it wrong in any way (missing, type, range). */
const FIELD_HINTS: Record<string, string> = {
  listen: 'server.smsRelay.config.listen',
  'listen.host': 'server.smsRelay.config.host',
  'listen.port': 'server.smsRelay.config.port',
  tokenFile: 'server.smsRelay.config.tokenFile',
  gateway: 'server.smsRelay.config.gateway',
  'gateway.url': 'server.smsRelay.config.url',
  'gateway.method': 'server.smsRelay.config.method',
  'gateway.headers': 'server.smsRelay.config.headers',
  'gateway.headers.*': 'server.smsRelay.config.headers',
  'gateway.body': 'server.smsRelay.config.body',
  'gateway.authHeaderFile': 'server.smsRelay.config.authHeaderFile',
  'gateway.timeoutSeconds': 'server.smsRelay.config.timeoutSeconds',
  recipients: 'server.smsRelay.config.recipients',
  'recipients.*': 'server.smsRelay.config.recipient',
  language: 'server.smsRelay.config.language',
  maxLength: 'server.smsRelay.config.maxLength',
  retries: 'server.smsRelay.config.retries',
};

function describeIssue(issue: SchemaIssue): { field: string; problem: Message } {
  if (issue.code === 'unrecognized_keys') {
    const field = [...issue.path, issue.keys?.[0] ?? ''].map(String).join('.');
    return { field, problem: { key: 'server.smsRelay.config.unknownField' } };
  }
  const field = issue.path.map(String).join('.') || '(file)';
  if (issue.code === 'custom') return { field, problem: issueMessage(issue) };
  const pattern = issue.path
    .map((part, i) => (typeof part === 'number' || issue.path[i - 1] === 'headers' ? '*' : part))
    .join('.');
  const hint = FIELD_HINTS[pattern];
  return { field, problem: hint ? { key: hint } : issueMessage(issue) };
}

function configError(file: string, field: string, problem: Message): AppError {
  return new AppError('validation', 'server.smsRelay.config.invalid', { file, field, problem });
}

/** Reads and checks the configuration file and the secret files it names. */
export function loadSmsRelayConfig(path: string): SmsRelayConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new AppError('validation', 'server.smsRelay.config.unreadable', { file: path, code });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('validation', 'server.smsRelay.config.notJson', {
      file: path,
      detail: (error as Error).message,
    });
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const { field, problem } = describeIssue(parsed.error.issues[0] as SchemaIssue);
    throw configError(path, field, problem);
  }
  const file = parsed.data;
  const folder = dirname(resolve(path));
  const secret = <T>(field: string, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof SecretFileError)) throw error;
      throw configError(path, field, { key: error.key, params: error.params });
    }
  };
  const { authHeaderFile, ...gateway } = file.gateway;
  return {
    listen: file.listen,
    ...(file.tokenFile
      ? { token: secret('tokenFile', () => readTokenFile(resolve(folder, file.tokenFile!))) }
      : {}),
    gateway: {
      ...gateway,
      ...(authHeaderFile
        ? {
            authHeader: secret('gateway.authHeaderFile', () =>
              readHeaderFile(resolve(folder, authHeaderFile)),
            ),
          }
        : {}),
    },
    recipients: file.recipients,
    language: file.language,
    maxLength: file.maxLength,
    retries: file.retries,
  };
}

/**
 * The local admin socket of a running server: a Unix socket in the data directory, owner-only
 * (the directory is 0700, the socket 0600), one JSON request and one JSON answer per
 * connection. It lets `tutti-server club create …` work while the server holds the data.
 */
import { chmodSync, rmSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import type { ErrorCode } from '../../shared/api/errorCodes.ts';
import type { FieldErrors } from '../../shared/domain/entities.ts';
import type { MessageParams } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';
import { AppError } from '../errors.ts';
import type { AdminLine } from './adminOutput.ts';

/**
 * The answer to one command: `lines` and `message` in German (what a command line of before
 * the shared texts prints), `output` and `error` as messages, said in the caller's language.
 */
export interface AdminAnswer {
  ok: boolean;
  lines: string[];
  message?: string;
  output?: AdminLine[];
  error?: { code: ErrorCode; key: string; params?: MessageParams; fields?: FieldErrors };
}

/** A refusal as the socket answers it. */
export function refusalAnswer(error: AppError, message: string): AdminAnswer {
  return {
    ok: false,
    lines: [],
    message,
    error: {
      code: error.code,
      key: error.key,
      ...(Object.keys(error.params).length > 0 ? { params: error.params } : {}),
      ...(error.fields ? { fields: error.fields } : {}),
    },
  };
}

/** The refusal an answer carries, as an error; an older server's German text as it is. */
export function refusalOf(answer: AdminAnswer): AppError {
  if (answer.error)
    return new AppError(answer.error.code, answer.error.key, answer.error.params ?? {}, {
      ...(answer.error.fields ? { fields: answer.error.fields } : {}),
    });
  return new AppError('bad_request', answer.message ? 'server.detail' : 'server.admin.refused', {
    ...(answer.message ? { detail: answer.message } : {}),
  });
}

const MAX_REQUEST_BYTES = 64 * 1024;

export async function serveAdminSocket(
  path: string,
  execute: (request: unknown) => Promise<AdminAnswer>,
): Promise<{ close(): Promise<void> }> {
  rmSync(path, { force: true }); // left by a crashed server; the data lock says we own the data
  const server: Server = createServer((socket) => {
    let buffer = '';
    let answered = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      if (answered) return; // one request per connection; anything after it is ignored
      buffer += chunk;
      if (buffer.length > MAX_REQUEST_BYTES) {
        socket.destroy();
        return;
      }
      const end = buffer.indexOf('\n');
      if (end < 0) return;
      answered = true;
      let request: unknown;
      try {
        request = JSON.parse(buffer.slice(0, end));
      } catch {
        const refused = new AppError('bad_request', 'server.admin.invalidRequest');
        socket.end(`${JSON.stringify(refusalAnswer(refused, translate(refused.text, 'de')))}\n`);
        return;
      }
      void execute(request).then((answer) => socket.end(`${JSON.stringify(answer)}\n`));
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(path, { force: true });
      }),
  };
}

const ANSWER_TIMEOUT_MS = 30 * 60_000;

/** Sends one request; null when no server listens on the socket. */
export function askAdminSocket(path: string, request: unknown): Promise<AdminAnswer | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    // A server that stopped answering must not hold the command forever; the longest command
    // (a backup of every club) reports progress only at its end, hence the generous limit.
    socket.setTimeout(ANSWER_TIMEOUT_MS, () =>
      socket.destroy(new AppError('unavailable', 'server.admin.notAnswering')),
    );
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
    });
    socket.on('end', () => {
      try {
        resolve(JSON.parse(buffer) as AdminAnswer);
      } catch {
        reject(new AppError('unavailable', 'server.admin.garbled'));
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof AppError) reject(error);
      else if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(null);
      else reject(error);
    });
  });
}

/**
 * Reading and answering JSON with limits: a body over the limit is cut off (413) before it is
 * buffered, what is not JSON is a 400, and every answer is the shared `ApiResult` shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { API_CODE_OF } from '../../shared/api/errorCodes.ts';
import type { ApiErrorCode } from '../../shared/api/result.ts';
import type { FieldErrors } from '../../shared/domain/entities.ts';
import type { MessageParams } from '../../shared/messages/message.ts';
import { BodyError, readLimitedBody } from '../../shared/node/readLimitedBody.ts';
import {
  AppError,
  describeError,
  fieldMessagesOf,
  fieldTexts,
  validationError,
} from '../errors.ts';

/** Records are small; 1 MiB leaves room for a push of many mutations (issue #5). */
export const MAX_BODY_BYTES = 1024 * 1024;

export async function readJson(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    throw new AppError('bad_request', 'server.http.notJson', {}, { status: 415 });
  let body: Buffer;
  try {
    body = await readLimitedBody(req, limit);
  } catch (error) {
    if (error instanceof BodyError && error.reason === 'too_large')
      throw new AppError('bad_request', 'server.http.tooLarge', { limit }, { status: 413 });
    throw new AppError('bad_request', 'server.http.incomplete');
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new AppError('bad_request', 'server.http.invalidJson');
  }
}

/** Parses with a strict schema; unknown fields and wrong types answer 400 with the field named. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationError('server.http.invalidRequest', result.error.issues);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendOk(res: ServerResponse, value: unknown, status = 200): void {
  sendJson(res, status, { ok: true, value });
}

/** The codes an HTTP answer names: the API's, and `locked` (too many attempts) as before. */
export type HttpErrorCode = ApiErrorCode | 'locked';

const STATUS: Record<HttpErrorCode, number> = {
  validation: 400,
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 429,
  unavailable: 503,
  internal: 500,
};

function httpCodeOf(error: AppError): HttpErrorCode {
  return error.code === 'locked' ? 'locked' : API_CODE_OF[error.code];
}

export function statusOf(error: AppError): number {
  return error.status ?? STATUS[httpCodeOf(error)];
}

/**
 * An error as the server answers it. `message` and `fields` are German text, as older desktops
 * show them; `key`, `params` and `fieldMessages` are the same as messages, for a desktop that
 * says them in its own language.
 */
export interface HttpErrorBody {
  code: HttpErrorCode;
  message: string;
  fields?: Record<string, string>;
  key: string;
  params?: MessageParams;
  fieldMessages?: FieldErrors;
}

export function errorBody(error: AppError): HttpErrorBody {
  const fieldMessages = fieldMessagesOf(error);
  const { params } = error.text;
  return {
    code: httpCodeOf(error),
    message: describeError(error, 'de'),
    ...(fieldMessages ? { fields: fieldTexts(fieldMessages, 'de') } : {}),
    key: error.key,
    ...(params ? { params } : {}),
    ...(fieldMessages ? { fieldMessages } : {}),
  };
}

export function sendError(res: ServerResponse, error: AppError): void {
  sendJson(res, statusOf(error), { ok: false, error: errorBody(error) });
}

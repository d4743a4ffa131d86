/**
 * Reading and answering JSON with limits: a body over the limit is cut off (413) before it is
 * buffered, what is not JSON is a 400, and every answer is the shared `ApiResult` shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { BodyError, readLimitedBody } from '../../shared/node/readLimitedBody.ts';
import { ServiceError, validationError } from '../errors.ts';

/** Records are small; 1 MiB leaves room for a push of many mutations (issue #5). */
export const MAX_BODY_BYTES = 1024 * 1024;

export async function readJson(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    throw new ServiceError(
      'bad_request',
      'Die Anfrage muss JSON sein (Content-Type: application/json).',
      undefined,
      415,
    );
  let body: Buffer;
  try {
    body = await readLimitedBody(req, limit);
  } catch (error) {
    if (error instanceof BodyError && error.reason === 'too_large')
      throw new ServiceError(
        'bad_request',
        `Die Anfrage ist zu groß (höchstens ${limit} Bytes).`,
        undefined,
        413,
      );
    throw new ServiceError('bad_request', 'Die Anfrage ist unvollständig angekommen.');
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new ServiceError('bad_request', 'Die Anfrage ist kein gültiges JSON.');
  }
}

/** Parses with a strict schema; unknown fields and wrong types answer 400 with the field named. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationError('Die Anfrage', result.error.issues);
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

const STATUS: Record<ServiceError['code'], number> = {
  validation: 400,
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 429,
  unavailable: 503,
  internal: 500,
};

export function statusOf(error: ServiceError): number {
  return error.status ?? STATUS[error.code];
}

export function sendError(res: ServerResponse, error: ServiceError): void {
  const body = {
    code: error.code,
    message: error.message,
    ...(error.fields ? { fields: error.fields } : {}),
  };
  sendJson(res, statusOf(error), { ok: false, error: body });
}

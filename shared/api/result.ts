/** The one result shape every transport answers with (IPC, local HTTP, web application). */
import type { FieldErrors } from '../domain/entities.ts';
import type { MessageParams } from '../messages/message.ts';
import type { ApiErrorCode, ErrorCode } from './errorCodes.ts';

export type { ApiErrorCode } from './errorCodes.ts';

export interface ApiError {
  code: ApiErrorCode;
  /** The finer reason (errorCodes.ts), for logs and tests; the UI decides by `code`. */
  reason?: ErrorCode;
  /** The message for the person at the screen, as a key of shared/messages. */
  key: string;
  params?: MessageParams;
  /** Messages per form field, for `validation` and `conflict`. */
  fields?: FieldErrors;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: ApiErrorCode,
  key: string,
  params?: MessageParams,
  fields?: FieldErrors,
): ApiResult<T> {
  const error: ApiError = { code, key };
  if (params && Object.keys(params).length > 0) error.params = params;
  if (fields) error.fields = fields;
  return { ok: false, error };
}

/** The one result shape every transport answers with (IPC, local HTTP, web application). */
import type { FieldErrors } from '../domain/entities.ts';

export type ApiErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unavailable'
  | 'bad_request'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  /** German, for the person at the screen. */
  message: string;
  /** German messages per form field, for `validation`. */
  fields?: FieldErrors;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: ApiErrorCode,
  message: string,
  fields?: FieldErrors,
): ApiResult<T> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}

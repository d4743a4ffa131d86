/**
 * The one error Tutti raises for a person to act on, in the core, the server and the command
 * line: a reason (`code`, see errorCodes.ts), a message as a key with parameters, and the field
 * it belongs to. Whoever shows it says it in the person's language; `message` is the German
 * text, for logs. The technical cause stays in `cause`, for the log only.
 */
import type { FieldErrors } from '../domain/entities.ts';
import type { Message, MessageParams } from '../messages/message.ts';
import { translate } from '../messages/translate.ts';
import { API_CODE_OF, type ErrorCode } from './errorCodes.ts';
import type { ApiError, ApiResult } from './result.ts';

export interface AppErrorOptions {
  /** The form field the message belongs to. */
  field?: string;
  /** Messages per field, when several are wrong (a record that failed its schema). */
  fields?: FieldErrors;
  cause?: unknown;
  /** An HTTP status other than the code's usual one (413 for a body too large). */
  status?: number;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly key: string;
  readonly params: MessageParams;
  readonly field: string | undefined;
  readonly fields: FieldErrors | undefined;
  readonly status: number | undefined;

  constructor(
    readonly code: ErrorCode,
    key: string,
    params: MessageParams = {},
    options: AppErrorOptions = {},
  ) {
    super(translate({ key, params }, 'de'), { cause: options.cause });
    this.key = key;
    this.params = params;
    this.field = options.field;
    this.fields = options.fields;
    this.status = options.status;
  }

  /** The message as data, for a transport or a report. */
  get text(): Message {
    return Object.keys(this.params).length > 0
      ? { key: this.key, params: this.params }
      : { key: this.key };
  }

  /** The same refusal for another field of a form. */
  at(field: string): AppError {
    return new AppError(this.code, this.key, this.params, {
      field,
      cause: this.cause,
      status: this.status,
    });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** What a transport sends for an AppError: the API's code by the table, the message as a key. */
export function apiErrorOf(error: AppError): ApiError {
  const fields = error.fields ?? (error.field ? { [error.field]: error.text } : undefined);
  return {
    code: API_CODE_OF[error.code],
    reason: error.code,
    ...error.text,
    ...(fields ? { fields } : {}),
  };
}

/** An AppError as a failed result; anything else is a bug and is thrown on. */
export function failWith<T = never>(error: unknown): ApiResult<T> {
  if (!(error instanceof AppError)) throw error;
  return { ok: false, error: apiErrorOf(error) };
}

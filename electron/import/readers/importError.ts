/**
 * A file the import cannot read, with the message saying why and what to do (`import.file.*`).
 * The file field shows it; a password problem shows at the password field.
 */
import { AppError } from '../../../shared/api/appError.ts';
import type { MessageParams } from '../../../shared/messages/message.ts';

export type ImportFileProblem =
  | 'unreadable'
  | 'password_needed'
  | 'wrong_password'
  | 'unsupported'
  | 'empty';

export class ImportFileError extends AppError {
  constructor(
    readonly reason: ImportFileProblem,
    key: string,
    params: MessageParams = {},
    options: { cause?: unknown } = {},
  ) {
    super('import_unreadable', key, params, {
      ...options,
      field: reason === 'password_needed' || reason === 'wrong_password' ? 'password' : 'file',
    });
  }
}

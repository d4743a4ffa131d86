/** A file the import cannot read, with a German sentence saying why and what to do. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(
    readonly reason: 'unreadable' | 'password_needed' | 'wrong_password' | 'unsupported' | 'empty',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

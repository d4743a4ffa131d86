import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { AppError } from '../../shared/api/appError.ts';
import { writeFileAtomic } from '../../shared/node/writeFileAtomic.ts';
import type { NewKey } from './keyStore.ts';

/**
 * Reads a key store's file: missing and damaged are told apart, each with what to do, because
 * without it the database cannot be opened at all.
 */
export function readKeyFile<S extends z.ZodType>(path: string, schema: S): z.output<S> {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AppError('key_file_missing', 'errors.keys.fileMissing', { path }, { cause });
  }
  try {
    return schema.parse(JSON.parse(raw));
  } catch (cause) {
    throw new AppError('key_file_damaged', 'errors.keys.fileDamaged', { path }, { cause });
  }
}

/** A new key and the key file wrapping it, written (never over an existing one) on `save()`. */
export function newKeyWithFile(key: Buffer, path: string, file: object): NewKey {
  return {
    key,
    save: () => {
      if (existsSync(path)) throw new Error('Refusing to overwrite an existing key file');
      writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`, 0o600);
    },
  };
}

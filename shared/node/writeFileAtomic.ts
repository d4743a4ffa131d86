import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

/**
 * Writes a file so that a crash leaves either the old or the new content, never half of it:
 * write a temporary file, flush it to disk, rename it over the target.
 */
export function writeFileAtomic(path: string, content: string | Buffer, mode = 0o644): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', mode);
  try {
    // A temporary file left by a crash keeps its old mode on open: a key must not inherit 0644.
    fchmodSync(fd, mode);
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

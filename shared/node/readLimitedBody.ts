/**
 * Reads a request body up to a limit, for every HTTP server of Tutti (the club server, the
 * local browser mode). It never destroys the request: a body over the limit is left to drain
 * while the caller answers 413, so the client can still read that answer; a body cut off by
 * the client (a closed connection before its end) settles as `aborted` instead of waiting.
 */
import type { IncomingMessage } from 'node:http';

export class BodyError extends Error {
  constructor(
    readonly reason: 'too_large' | 'aborted',
    readonly limit: number,
  ) {
    super(reason === 'too_large' ? `body larger than ${limit} bytes` : 'body cut off');
  }
}

export function readLimitedBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit)
    return Promise.reject(new BodyError('too_large', limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error: BodyError | null) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    // The listeners stay: after a refusal, what is still on its way is read and dropped, and a
    // late 'error' of the stream has a listener (unheard, it would end the process).
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle(new BodyError('too_large', limit));
      } else chunks.push(chunk);
    });
    req.on('end', () => settle(null));
    req.on('close', () => settle(new BodyError('aborted', limit)));
    req.on('error', () => settle(new BodyError('aborted', limit)));
  });
}

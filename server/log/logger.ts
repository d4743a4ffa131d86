/**
 * The server's structured log (pino, JSON lines on stderr). Secrets never go in: passwords,
 * codes, keys, tokens and record values are redacted by path, and handlers log ids, not bodies.
 */
import { type Logger, pino } from 'pino';
import { requestLogFields } from './requestContext.ts';

export type { Logger };

export function createLogger(level = process.env.TUTTI_LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { service: 'tutti-server' },
      // Every line written while answering a request names it (requestContext.ts).
      mixin: requestLogFields,
      redact: {
        paths: [
          'password',
          '*.password',
          'code',
          '*.code',
          'privateKeyPem',
          '*.privateKeyPem',
          'fields',
          '*.fields',
          'token',
          '*.token',
          'csr',
          '*.csr',
          'req.headers.authorization',
          'req.headers.cookie',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}

/** For tests and one-shot commands: nothing is printed. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

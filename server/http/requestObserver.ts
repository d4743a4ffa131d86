/**
 * Every answered request in `tutti_http_request_duration_seconds` (issue #28), by listener,
 * method, route pattern and status. A request whose client left before the answer ended counts
 * as status `aborted`. Methods outside the usual few are one label (`other`): a client must not
 * be able to grow the metrics with made-up methods.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerMetrics } from '../metrics/serverMetrics.ts';
import { routeOf } from './requestRoute.ts';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

export function observeRequest(
  metrics: ServerMetrics,
  listener: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const started = process.hrtime.bigint();
  res.once('close', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.httpDuration.observe(
      {
        listener,
        method: METHODS.has(req.method ?? '') ? req.method : 'other',
        route: routeOf(res),
        status: res.writableFinished ? String(res.statusCode) : 'aborted',
      },
      seconds,
    );
  });
}

/**
 * A small router: method + path pattern → handler. Every handler's failure becomes a JSON
 * answer; an unexpected one is logged without the request body and answered 500, and the
 * server goes on.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../errors.ts';
import { sendError } from './json.ts';
import { markRoute } from './requestRoute.ts';

export type Handler<C> = (
  context: C,
  params: Record<string, string>,
  req: IncomingMessage,
  res: ServerResponse,
) => Promise<void>;

interface Route<C> {
  /** The path as written (`/api/v1/records/:entity`): the route's name in the metrics. */
  path: string;
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler<C>;
}

export class Router<C> {
  private readonly routes: Route<C>[] = [];

  constructor(private readonly onUnexpected: (error: unknown, req: IncomingMessage) => void) {}

  /** `path` like `/api/v1/:entity/:id`; a parameter matches one path segment. */
  on(method: string, path: string, handler: Handler<C>): this {
    const names: string[] = [];
    const source = path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ path, method, pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  async handle(context: C, req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      let path: string;
      try {
        path = new URL(req.url ?? '/', 'https://tutti.invalid').pathname;
      } catch {
        throw new AppError('bad_request', 'server.http.badAddress');
      }
      const matching = this.routes
        .map((route) => ({ route, match: route.pattern.exec(path) }))
        .filter((m) => m.match);
      if (matching.length === 0) throw new AppError('not_found', 'server.http.unknownAddress');
      const found = matching.find((m) => m.route.method === req.method);
      // Only an answered route is named in the metrics: a made-up method stays `unmatched`.
      if (found) markRoute(res, found.route.path);
      if (!found)
        throw new AppError('bad_request', 'server.http.methodNotAllowed', {}, { status: 405 });
      const params: Record<string, string> = {};
      for (const [i, name] of found.route.names.entries()) {
        try {
          params[name] = decodeURIComponent(found.match![i + 1]!);
        } catch {
          throw new AppError('bad_request', 'server.http.badEncoding');
        }
      }
      await found.route.handler(context, params, req, res);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof AppError) {
        // A body we refused unread may still be arriving (endlessly, if chunked): the
        // connection ends after this answer instead of reading it to the end.
        if (!req.complete) res.setHeader('Connection', 'close');
        sendError(res, error);
        return;
      }
      this.onUnexpected(error, req);
      sendError(res, new AppError('internal', 'server.http.internal'));
    }
  }
}

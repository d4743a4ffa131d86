/**
 * Which route answered a request, for the request-duration metric: the router's path pattern
 * (`/api/v1/records/:entity/:id`, never the ids themselves — one series per route, not per
 * record), `page` for the web application's page, `unmatched` otherwise.
 */
import type { ServerResponse } from 'node:http';

const routes = new WeakMap<ServerResponse, string>();

export function markRoute(res: ServerResponse, route: string): void {
  routes.set(res, route);
}

export function routeOf(res: ServerResponse): string {
  return routes.get(res) ?? 'unmatched';
}

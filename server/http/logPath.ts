/**
 * A request's address as the log may keep it: the path only. Its query can hold secrets — an
 * invitation's token (`/api/web/invite?token=…`, `/?invite=…`) — and log lines are read by
 * more people, and kept longer, than the database that holds only the tokens' hashes.
 */
export function logPath(url: string | undefined): string {
  const raw = url ?? '';
  const end = raw.search(/[?#]/);
  return end < 0 ? raw : raw.slice(0, end);
}

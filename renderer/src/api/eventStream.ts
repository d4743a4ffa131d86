/**
 * The core's events in the local browser mode (issue #25) and the web application (issue #27):
 * one `fetch` of `/api/events` that sends the access key in its header (an EventSource cannot)
 * or the session cookie, and reads JSON lines as they come. A stream that ends, breaks or
 * falls silent (no heartbeat for 50 s) is opened again after a pause that grows to 5 s; after any gap the page is told (`onReconnect`), because
 * what happened meanwhile was not heard. A hidden tab closes its stream — a browser keeps six
 * connections per host, and six tabs each holding one would leave none for the calls — and
 * opens it again, catching up, when it is shown. A key the core no longer accepts (Tutti was
 * started again, a web session that ended) is said (`onRefused`), never retried in silence.
 */
import { checkedEvent, type WireEvent } from '../../../shared/api/events.ts';

export interface EventStreamHandlers {
  onEvent(event: WireEvent): void;
  /** The stream is open (again) after a gap: reload what may have been missed. */
  onReconnect(): void;
  /** The stream is open for the first time. */
  onOpen?(): void;
  /** The core refuses the key: this page cannot get in any more. */
  onRefused?(): void;
  /** The stream broke or could not be opened (not: a hidden tab closing it); retries follow. */
  onBroken?(): void;
}

/**
 * How the stream proves its right to the events: the local mode's access key (a bearer
 * header, no cookie), or the web application's session cookie (same origin).
 */
export type StreamAccess =
  | string
  | { url: string; headers: Record<string, string>; credentials: RequestCredentials };

function requestOf(access: StreamAccess) {
  return typeof access === 'string'
    ? {
        url: './api/events',
        headers: { Authorization: `Bearer ${access}` },
        credentials: 'omit' as const,
      }
    : access;
}

const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 5_000;
/** The core sends a line every 20 s: this long without one, the stream is taken for dead. */
const SILENCE_MS = 50_000;

/** Collects chunks into lines without searching the whole text again for each chunk. */
export class LineReader {
  private parts: string[] = [];

  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      this.parts.push(chunk.slice(start, end));
      const line = this.parts.join('');
      this.parts = [];
      if (line.trim() !== '') lines.push(line);
      start = end + 1;
    }
    if (start < chunk.length) this.parts.push(chunk.slice(start));
    return lines;
  }
}

export function openEventStream(
  access: StreamAccess,
  handlers: EventStreamHandlers,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  let wake: (() => void) | null = null;
  const request = requestOf(access);
  const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

  async function readOnce(onOpen: () => void): Promise<'ended' | 'refused'> {
    controller = new AbortController();
    const abort = controller;
    let silence = setTimeout(() => abort.abort(), SILENCE_MS);
    try {
      const response = await fetchImpl(request.url, {
        headers: request.headers,
        credentials: request.credentials,
        cache: 'no-store',
        signal: abort.signal,
      });
      if (response.status === 401 || response.status === 403) return 'refused';
      if (!response.ok || !response.body) return 'ended';
      onOpen();
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const lines = new LineReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return 'ended';
        clearTimeout(silence);
        silence = setTimeout(() => abort.abort(), SILENCE_MS);
        for (const line of lines.push(decoder.decode(value, { stream: true }))) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(line);
          } catch {
            continue; // a broken line changes nothing
          }
          const { event, payload } = (parsed ?? {}) as { event?: unknown; payload?: unknown };
          const checked = checkedEvent(event, payload);
          if (checked) handlers.onEvent(checked);
          else console.warn('An event that is not one was dropped.');
        }
      }
    } finally {
      clearTimeout(silence);
    }
  }

  const onVisibility = () => {
    if (hidden()) controller?.abort();
    else wake?.();
  };
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility);

  void (async () => {
    let pause = FIRST_PAUSE_MS;
    let opened = false;
    let gap = false;
    while (!stopped) {
      if (hidden()) {
        gap = true;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        continue;
      }
      let outcome: 'ended' | 'refused' = 'ended';
      try {
        outcome = await readOnce(() => {
          if (!opened) handlers.onOpen?.();
          if (opened || gap) handlers.onReconnect();
          opened = true;
          gap = false;
          pause = FIRST_PAUSE_MS;
        });
      } catch {
        // Tutti ended, the connection broke, the stream fell silent, or the tab was hidden.
      }
      gap = true;
      if (stopped) return;
      if (outcome === 'refused') {
        handlers.onRefused?.();
        return;
      }
      if (hidden()) continue;
      handlers.onBroken?.();
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
    }
  })();

  return () => {
    stopped = true;
    controller?.abort();
    wake?.();
    if (typeof document !== 'undefined')
      document.removeEventListener('visibilitychange', onVisibility);
  };
}

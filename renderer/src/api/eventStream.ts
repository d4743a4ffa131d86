/**
 * The core's events in the local browser mode (issue #25): one `fetch` of `/api/events` that
 * sends the access key in its header (an EventSource cannot) and reads JSON lines as they
 * come. A stream that ends or breaks is opened again after a pause that grows to 5 s; after a
 * gap the page is told (`onReconnect`), because what happened meanwhile was not heard.
 */
import { checkedEvent, type WireEvent } from '../../../shared/api/events.ts';

export interface EventStreamHandlers {
  onEvent(event: WireEvent): void;
  /** The stream is open again after a gap: reload what may have been missed. */
  onReconnect(): void;
}

const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 5_000;

/** Splits a growing text into complete lines; keeps the unfinished rest. */
export function takeLines(buffer: string): { lines: string[]; rest: string } {
  const parts = buffer.split('\n');
  const rest = parts.pop() ?? '';
  return { lines: parts.filter((line) => line.trim() !== ''), rest };
}

export function openEventStream(
  accessKey: string,
  handlers: EventStreamHandlers,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): () => void {
  let stopped = false;
  let controller: AbortController | null = null;

  async function readOnce(onOpen: () => void): Promise<'ended' | 'refused'> {
    controller = new AbortController();
    const response = await fetchImpl('./api/events', {
      headers: { Authorization: `Bearer ${accessKey}` },
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
    });
    if (response.status === 401 || response.status === 403) return 'refused';
    if (!response.ok || !response.body) return 'ended';
    onOpen();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'ended';
      buffer += decoder.decode(value, { stream: true });
      const { lines, rest } = takeLines(buffer);
      buffer = rest;
      for (const line of lines) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          continue; // a broken line changes nothing
        }
        const { event, payload } = (parsed ?? {}) as { event?: unknown; payload?: unknown };
        const checked = checkedEvent(event, payload);
        if (checked) handlers.onEvent(checked);
      }
    }
  }

  void (async () => {
    let pause = FIRST_PAUSE_MS;
    let first = true;
    while (!stopped) {
      let outcome: 'ended' | 'refused' = 'ended';
      try {
        outcome = await readOnce(() => {
          // Open (again): from here on nothing is missed; before it, something may have been.
          if (!first) handlers.onReconnect();
          first = false;
          pause = FIRST_PAUSE_MS;
        });
      } catch {
        // Tutti ended or the connection broke: try again.
      }
      if (stopped || outcome === 'refused') return;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
    }
  })();

  return () => {
    stopped = true;
    controller?.abort();
  };
}

import { describe, expect, it } from 'vitest';
import { LineReader, openEventStream } from './eventStream.ts';

function streamOf(chunks: string[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200 });
}

const registers = {
  event: 'records',
  payload: {
    entity: 'registers',
    upserted: [],
    removedIds: [],
    replacesAll: false,
    origin: 'sync',
  },
};

describe('the event stream of the browser mode', () => {
  it('puts lines together across chunks, however they are cut', () => {
    const reader = new LineReader();
    expect(reader.push('{"a":')).toEqual([]);
    expect(reader.push('1}\n{"b"')).toEqual(['{"a":1}']);
    expect(reader.push(':2}\n\n')).toEqual(['{"b":2}']);
  });

  it('hands over checked events, drops others, and catches up after a broken stream', async () => {
    const events: unknown[] = [];
    let reconnects = 0;
    let calls = 0;
    const stop = openEventStream(
      'key',
      {
        onEvent: (event) => events.push(event.event),
        onReconnect: () => reconnects++,
      },
      (async () => {
        calls++;
        if (calls === 1)
          return streamOf([
            `${JSON.stringify(registers)}\n{"event":"records","payload":{}}\nkaputt\n`,
          ]);
        return streamOf([`${JSON.stringify(registers)}\n`]);
      }) as typeof fetch,
    );
    await expect.poll(() => events.length, { timeout: 3_000 }).toBe(2);
    expect(reconnects).toBe(1); // the second stream told the page to read anew
    stop();
  });

  it('says when the core refuses the key, and stops asking', async () => {
    let refused = 0;
    let calls = 0;
    openEventStream(
      'old-key',
      { onEvent: () => {}, onReconnect: () => {}, onRefused: () => refused++ },
      (async () => {
        calls++;
        return new Response('{}', { status: 401 });
      }) as typeof fetch,
    );
    await expect.poll(() => refused).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(calls).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { STAMPS_KEY } from '../../../shared/web/webProtocol.ts';
import { type WebTransportHooks, webClubApi } from './webTransport.ts';

const REGISTER_ID = '7d2f3c1e-9a4b-4c5d-8e6f-0a1b2c3d4e5f';
const stamped = (name: string, stamp: string) => ({
  id: REGISTER_ID,
  name,
  sortOrder: 1,
  leaderIds: [],
  [STAMPS_KEY]: { name: stamp, sortOrder: 's0' },
});

interface Sent {
  url: string;
  init: RequestInit;
  body: { method: string; args: unknown[]; shown?: { fields: object; stamps: object } };
}

function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** A club server that answers each call by its method; every request is kept. */
function server(answer: (body: Sent['body']) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as Sent['body'];
    sent.push({ url, init, body });
    return answer(body);
  }) as unknown as typeof fetch;
  return { sent, fetchImpl };
}

function hooks(fetchImpl: typeof fetch) {
  const told = { ended: 0, reachable: [] as boolean[] };
  const h: WebTransportHooks = {
    csrfToken: () => 'csrf-123',
    onSessionEnded: () => told.ended++,
    onReachable: (r) => told.reachable.push(r),
    onEventsOpen: () => {},
    onEventsReconnect: () => {},
    fetchImpl,
  };
  return { h, told };
}

describe('the web transport', () => {
  it('says a server refusal at the fields, and a server that does not answer in words', async () => {
    const { fetchImpl } = server(() =>
      json(
        {
          ok: false,
          error: {
            code: 'validation',
            message: 'Die Anfrage ist ungültig.',
            fields: { name: 'Zu lang.' },
            key: 'server.http.invalidRequest',
            fieldMessages: { name: { key: 'validation.tooLong', params: { max: 100 } } },
          },
        },
        400,
      ),
    );
    const refused = await webClubApi(hooks(fetchImpl).h).save('registers', { name: 'x' });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'validation',
        key: 'server.http.invalidRequest',
        fields: { name: { key: 'validation.tooLong', params: { max: 100 } } },
      },
    });

    const silent = (async () => {
      throw new DOMException('The operation timed out.', 'TimeoutError');
    }) as unknown as typeof fetch;
    const { h, told } = hooks(silent);
    const late = await webClubApi(h).save('registers', { name: 'x' });
    expect(late).toEqual({ ok: false, error: { code: 'unavailable', key: 'webApp.noAnswer' } });
    expect(told.reachable).toEqual([false]);
  });

  it('hands out records without their stamps and sends them back with the shown record', async () => {
    const { sent, fetchImpl } = server(({ method }) =>
      method === 'list'
        ? json({ ok: true, value: [stamped('Flöten', 's1')] })
        : json({ ok: true, value: stamped('Querflöten', 's2') }),
    );
    const api = webClubApi(hooks(fetchImpl).h);

    const listed = await api.list('registers');
    expect(listed.ok).toBe(true);
    const shown = listed.ok ? listed.value[0]! : null;
    expect(shown).not.toHaveProperty(STAMPS_KEY);
    expect(shown?.name).toBe('Flöten');

    const saved = await api.save('registers', { ...shown!, name: 'Querflöten' }, shown!);
    expect(saved.ok && saved.value).not.toHaveProperty(STAMPS_KEY);
    const call = sent[1]!;
    expect(call.url).toBe('/api/rpc');
    expect(call.init.credentials).toBe('same-origin');
    expect((call.init.headers as Record<string, string>)['x-tutti-csrf']).toBe('csrf-123');
    expect(call.body.args).toHaveLength(2);
    expect(call.body.shown).toEqual({
      fields: { id: REGISTER_ID, name: 'Flöten', sortOrder: 1, leaderIds: [] },
      stamps: { name: 's1', sortOrder: 's0' },
    });
  });

  it('sends no shown record for a new one', async () => {
    const { sent, fetchImpl } = server(() => json({ ok: true, value: stamped('Neu', 's1') }));
    const api = webClubApi(hooks(fetchImpl).h);
    await api.save('registers', { name: 'Neu', sortOrder: 1, leaderIds: [] });
    expect(sent[0]!.body).not.toHaveProperty('shown');
  });

  it('after a conflict, saves the same form again on the server’s stamps of the conflict only', async () => {
    let saves = 0;
    const { sent, fetchImpl } = server(({ method }) => {
      if (method === 'list') return json({ ok: true, value: [stamped('Flöten', 's1')] });
      // Someone else changed the name and the order meanwhile; the form touched only the name.
      if (method === 'get')
        return json({
          ok: true,
          value: {
            ...stamped('Piccolo', 's9'),
            sortOrder: 2,
            [STAMPS_KEY]: { name: 's9', sortOrder: 's8' },
          },
        });
      saves++;
      return saves === 1
        ? json(
            {
              ok: false,
              error: {
                code: 'conflict',
                key: 'web.conflict',
                fields: { name: { key: 'nobody.knows.this', params: { value: 'Piccolo' } } },
              },
            },
            409,
          )
        : json({ ok: true, value: stamped('Querflöten', 's10') });
    });
    const api = webClubApi(hooks(fetchImpl).h);
    const listed = await api.list('registers');
    const shown = listed.ok ? listed.value[0]! : null;
    const draft = { ...shown!, name: 'Querflöten' };

    const first = await api.save('registers', draft, shown!);
    expect(first.ok).toBe(false);
    if (!first.ok) {
      expect(first.error.code).toBe('conflict');
      // A key the page does not know is said with the page's own words and the value.
      expect(first.error.fields?.name).toEqual({
        key: 'webApp.conflictField',
        params: { value: 'Piccolo' },
      });
    }
    expect(sent.map((s) => s.body.method)).toEqual(['list', 'save', 'get']);

    const second = await api.save('registers', draft, shown!);
    expect(second.ok).toBe(true);
    const again = sent.at(-1)!.body.shown!;
    // The fields as the form showed them; the conflict's field on the server's stamp now, the
    // order on the one the form showed — so the server keeps the other person's order.
    expect(again.fields).toMatchObject({ name: 'Flöten', sortOrder: 1 });
    expect(again.stamps).toEqual({ name: 's9', sortOrder: 's0' });
  });

  it('says a session that ended (401) once, as its own signal', async () => {
    const { fetchImpl } = server(() =>
      json({ ok: false, error: { code: 'forbidden', key: 'web.noSession' } }, 401),
    );
    const { h, told } = hooks(fetchImpl);
    const result = await webClubApi(h).list('members');
    expect(told.ended).toBe(1);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', key: 'webApp.sessionEnded' } });
  });

  it('answers unavailable when the club server cannot be reached', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const { h, told } = hooks(fetchImpl);
    const result = await webClubApi(h).save('registers', { name: 'X', sortOrder: 1 });
    expect(result).toEqual({ ok: false, error: { code: 'unavailable', key: 'webApp.offline' } });
    expect(told.reachable).toEqual([false]);
  });

  it('takes a proxy’s error page for an unreachable server, and passes API errors on', async () => {
    const proxy = (async () =>
      new Response('<html>Bad Gateway</html>', { status: 502 })) as unknown as typeof fetch;
    expect(await webClubApi(hooks(proxy).h).status()).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    const refused = { ok: false, error: { code: 'forbidden', key: 'rights.notAllowed' } };
    const { fetchImpl } = server(() => json(refused, 403));
    expect(await webClubApi(hooks(fetchImpl).h).remove('members', REGISTER_ID)).toEqual(refused);
  });

  it('strips the stamps of records in events, and says a refused stream as a session’s end', async () => {
    const change = {
      event: 'records',
      payload: {
        entity: 'registers',
        upserted: [stamped('Flöten', 's1')],
        removedIds: [],
        replacesAll: false,
        origin: 'sync',
      },
    };
    let streams = 0;
    const fetchImpl = (async (url: string, init: RequestInit) => {
      expect(url).toBe('/api/events');
      expect(init.credentials).toBe('same-origin');
      streams++;
      if (streams > 1) return new Response('', { status: 401 });
      return new Response(`${JSON.stringify(change)}\n`, { status: 200 });
    }) as unknown as typeof fetch;
    const { h, told } = hooks(fetchImpl);
    const api = webClubApi(h);
    const seen: unknown[] = [];
    api.onDidChangeRecords((c) => seen.push(...c.upserted));
    await expect.poll(() => seen.length, { timeout: 3_000 }).toBe(1);
    expect(seen[0]).not.toHaveProperty(STAMPS_KEY);
    await expect.poll(() => told.ended, { timeout: 3_000 }).toBe(1);
  });
});

/**
 * The desktop checks every answer of the server against the protocol before it trusts it: a
 * cursor that goes backwards, a change out of order, an invalid stamp or a missing field is
 * refused with a German sentence, and nothing of such an answer reaches the replica.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { LocalStore } from '../store/localStore.ts';
import type { JsonResponse } from './httpsJson.ts';
import { SyncClient, type SyncTransport } from './syncClient.ts';
import { SyncSettings } from './syncSettings.ts';

const MEMBER = '0190a7e4-0000-7000-8000-000000000001';
const ok = (value: unknown): JsonResponse => ({ status: 200, body: { ok: true, value } });
const page = (cursor: number, changes: unknown[] = [], extra: object = {}) => ({
  changes,
  cursor,
  hasMore: false,
  lastMutationId: 0,
  scopeEpoch: 1,
  reset: false,
  ...extra,
});
const member = (version: number, stamp = '0190a7e40000-0000-server') => ({
  entity: 'members',
  id: MEMBER,
  version,
  state: {
    fields: { firstName: 'Eva', lastName: 'Echo', status: 'aktiv', country: 'DE', deleted: false },
    stamps: { firstName: stamp, lastName: stamp, status: stamp, country: stamp, deleted: stamp },
  },
});

describe('answers of the server the desktop refuses', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: LocalStore;

  beforeEach(() => {
    temp = makeTempDir();
    store = LocalStore.open(join(temp.dir, 'tutti.db'), randomBytes(32));
    new SyncSettings(store.meta).connect('https://verein.example:8444', {
      deviceId: store.deviceId,
      privateKeyPem: 'key',
      certificatePem: 'cert',
      caCertificatePem: 'ca',
      notAfter: new Date(Date.now() + 80 * 86_400_000).toISOString(),
      syncUrl: 'https://verein.example:8444',
    });
    new SyncSettings(store.meta).setCursor(10);
  });
  afterEach(() => {
    store.close();
    temp.cleanup();
  });

  /** A server that answers pulls with `pullAnswer` (the realignment's first look aside). */
  const serverAnswering =
    (pullAnswer: unknown): SyncTransport =>
    async (_connection, _method, path) => {
      if (path.endsWith('&limit=1')) return ok(page(10)); // after connecting: what it has seen
      if (path.startsWith('/sync/v1/pull')) return ok(pullAnswer);
      throw new Error(`unexpected ${path}`);
    };

  const refusal = async (transport: SyncTransport) => {
    const error = await new SyncClient(store, transport).round().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(store.tables.members.get(MEMBER)).toBeUndefined();
    expect(new SyncSettings(store.meta).cursor()).toBe(10);
    return (error as Error).message;
  };

  it('refuses a cursor that goes backwards', async () => {
    expect(await refusal(serverAnswering(page(4, [member(4)])))).toBe(
      'Abholen der Änderungen: Der Server ging hinter den bekannten Stand zurück (4 statt ab 10).',
    );
  });

  it('refuses changes out of order or outside the page', async () => {
    expect(await refusal(serverAnswering(page(12, [member(12), member(11)])))).toContain(
      'Änderungen außer der Reihe',
    );
    expect(await refusal(serverAnswering(page(12, [member(13)])))).toContain('außer der Reihe');
  });

  it('refuses an invalid stamp and a missing field, naming where', async () => {
    expect(await refusal(serverAnswering(page(11, [member(11, 'ffff')])))).toMatch(
      /passt nicht zum Sync-Protokoll \(changes\.0\.state\.stamps\.firstName: Ungültiger HLC-Zeitstempel\.\)/,
    );
    const { hasMore: _, ...withoutHasMore } = page(11, [member(11)]);
    expect(await refusal(serverAnswering(withoutHasMore))).toContain('(hasMore:');
  });

  it('takes a page that fits', async () => {
    await new SyncClient(store, serverAnswering(page(11, [member(11)]))).round();
    expect(store.tables.members.get(MEMBER)?.record).toMatchObject({ firstName: 'Eva' });
    expect(new SyncSettings(store.meta).cursor()).toBe(11);
  });
});

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLUB_API_METHODS } from '../../shared/api/clubApi.ts';
import { ipcChannel } from '../../shared/api/ipc.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { ClubService } from '../core/clubService.ts';
import { inProcessEndpoint } from '../coreHost/coreEndpoint.ts';
import { createIpcClubApi } from '../preload/ipcClient.ts';
import { LocalStore } from '../store/localStore.ts';
import { forwardClubEvents } from './eventForwarding.ts';
import { type InvokeEventLike, type IpcMainLike, registerClubApiHandlers } from './ipcHandlers.ts';

/** Electron's ipcMain as far as the handlers use it: a map of channel → listener. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<
    string,
    (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>
  >();
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** What the handler answers, as the preload parses it (the main process sends JSON text). */
  async invoke(event: InvokeEventLike, channel: string, ...args: unknown[]) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const answer = await handler(event, ...args);
    expect(typeof answer).toBe('string');
    return JSON.parse(answer as string) as unknown;
  }
}

/** The window's side of sent events: webContents.send on one end, ipcRenderer.on on the other. */
class FakeEventBus {
  private readonly listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  readonly subscribed: string[] = [];
  send = (channel: string, payload: unknown) => {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: 'ipc' }, payload);
  };
  listen = (channel: string, listener: (payload: unknown) => void) => {
    this.subscribed.push(channel);
    const handler = (_event: unknown, payload: unknown) => listener(payload);
    const set = this.listeners.get(channel) ?? new Set();
    set.add(handler);
    this.listeners.set(channel, set);
    return () => set.delete(handler);
  };
}

const noEvents = () => () => {};

const appFrame: InvokeEventLike = { senderFrame: { url: 'app://tutti/index.html', parent: null } };

let temp: ReturnType<typeof makeTempDir>;
let store: LocalStore;
let ipcMain: FakeIpcMain;
const log: string[] = [];

beforeEach(() => {
  temp = makeTempDir();
  store = LocalStore.open(join(temp.dir, 'tutti.db'), randomBytes(32));
  ipcMain = new FakeIpcMain();
  registerClubApiHandlers(ipcMain, inProcessEndpoint(new ClubService(store, temp.dir)), (line) =>
    log.push(line),
  );
});
afterEach(() => {
  store.close();
  temp.cleanup();
});

describe('IPC handlers of the main process', () => {
  it('serve the app page through the preload API', async () => {
    const api = createIpcClubApi(
      (channel, ...args) => ipcMain.invoke(appFrame, channel, ...args),
      noEvents,
    );
    const saved = await api.save('registers', { name: 'Hörner' });
    expect(saved).toMatchObject({ ok: true, value: { name: 'Hörner' } });
    expect(await api.list('registers')).toMatchObject({ ok: true, value: [{ name: 'Hörner' }] });
  });

  it('refuse a foreign sender frame and change nothing', async () => {
    const foreign: InvokeEventLike[] = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'file:///C:/Users/x/Downloads/tutti.html', parent: null } },
      { senderFrame: { url: 'app://tutti/index.html', parent: {} } }, // an iframe inside our page
      { senderFrame: { url: 'app://tutti.evil/index.html', parent: null } },
      { senderFrame: null },
    ];
    for (const event of foreign) {
      const result = await ipcMain.invoke(event, ipcChannel('save'), 'registers', {
        name: 'Fremd',
      });
      expect(result).toEqual({
        ok: false,
        error: { code: 'forbidden', key: 'core.rpc.foreignSender' },
      });
    }
    expect(store.outbox.pendingCount()).toBe(0);
    expect(log.filter((l) => l.includes('refused'))).toHaveLength(foreign.length);
  });

  it('answer a malformed argument with a validation error and change nothing', async () => {
    const cases: unknown[][] = [
      ['passwords', {}],
      ['members', 'Anna'],
      ['members', { firstName: 'Anna', lastName: 'B', status: 'aktiv', iban: 'DE00' }],
      [],
    ];
    for (const args of cases) {
      const result = (await ipcMain.invoke(appFrame, ipcChannel('save'), ...args)) as {
        ok: boolean;
        error: { code: string };
      };
      expect(result.ok, JSON.stringify(args)).toBe(false);
      expect(['bad_request', 'validation']).toContain(result.error.code);
    }
    const badId = await ipcMain.invoke(appFrame, ipcChannel('get'), 'members', '../../etc/passwd');
    expect(badId).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(store.outbox.pendingCount()).toBe(0);
  });

  it('refuses backup calls that name a path or carry the wrong types, touching no file', async () => {
    const calls: [string, unknown[]][] = [
      ['deleteBackup', ['../../tutti.db']],
      ['deleteBackup', ['/etc/passwd']],
      ['deleteBackup', [42]],
      ['configureBackup', ['/tmp/x', 'Herbstkonzert 2026!', 'ja']],
      ['configureBackup', ['x'.repeat(5000), 'Herbstkonzert 2026!', true]],
      ['changeBackupPassphrase', ['alt', { neu: true }]],
      ['pickBackupFolder', ['/etc']],
    ];
    for (const [method, args] of calls) {
      const result = await ipcMain.invoke(appFrame, ipcChannel(method as never), ...args);
      expect(result, `${method} ${JSON.stringify(args).slice(0, 60)}`).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
  });

  it('register handlers for the API channels only', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      [...CLUB_API_METHODS].sort().map((m) => `tutti:api:${m}`),
    );
  });
});

describe('events to the window (issue #25)', () => {
  it('pass a saved record from the core to the page’s listener, payload only, on our channels', async () => {
    const core = new ClubService(store, temp.dir);
    const bus = new FakeEventBus();
    const forwarding = forwardClubEvents(inProcessEndpoint(core), bus.send);
    const api = createIpcClubApi(async () => ({ ok: true, value: null }), bus.listen);
    const received: unknown[][] = [];
    const subscription = api.onDidChangeRecords((...args: unknown[]) => received.push(args));
    await core.save('registers', { name: 'Tuben' });
    expect(received).toHaveLength(1);
    expect(received[0]).toEqual([
      expect.objectContaining({
        entity: 'registers',
        origin: 'local',
        removedIds: [],
        upserted: [expect.objectContaining({ name: 'Tuben' })],
      }),
    ]);
    expect(bus.subscribed).toEqual(['tutti:event:records']);
    // Disposed, the page hears nothing more.
    subscription.dispose();
    await core.save('registers', { name: 'Hörner' });
    expect(received).toHaveLength(1);
    forwarding.dispose();
  });
});

describe('the preload', () => {
  it('refuses to invoke a channel that is not ours', async () => {
    const invoked: string[] = [];
    const api = createIpcClubApi(async (channel) => {
      invoked.push(channel);
      return { ok: true, value: null };
    }, noEvents);
    // The page can only call the frozen API's methods; a channel of its own choosing is refused.
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => {
      (api as unknown as Record<string, unknown>).save = () => 'hijacked';
    }).toThrow();
    const { guardInvoke } = await import('../preload/ipcClient.ts');
    const guarded = guardInvoke(async (channel) => invoked.push(channel));
    await expect(guarded('tutti:api:dropDatabase')).rejects.toThrow(/refused by the preload/);
    await expect(guarded('ELECTRON_BROWSER_REQUIRE')).rejects.toThrow(/refused by the preload/);
    await api.status();
    expect(invoked).toEqual(['tutti:api:status']);
  });
});

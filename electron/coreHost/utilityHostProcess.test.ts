/**
 * The Electron side of the core host, with Electron's utilityProcess passed in: messages wait
 * for the spawn, the exit code reaches the CoreHost, nothing is sent to an ended process.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  type ForkUtility,
  type UtilityProcessLike,
  utilityHostProcess,
} from './utilityHostProcess.ts';

class FakeUtility extends EventEmitter implements UtilityProcessLike {
  readonly posted: unknown[] = [];
  killed = false;
  pid: number | undefined = undefined;
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  kill() {
    this.killed = true;
    return true;
  }
}

function started() {
  const forks: { modulePath: string; options: unknown }[] = [];
  const child = new FakeUtility();
  const fork: ForkUtility = (modulePath, _args, options) => {
    forks.push({ modulePath, options });
    return child;
  };
  return { host: utilityHostProcess(fork, '/app/dist/electron/coreHost.cjs'), child, forks };
}

describe('the core host as a utility process', () => {
  it('starts the bundled entry under its own name and holds messages until it has spawned', () => {
    const { host, child, forks } = started();
    expect(forks).toEqual([
      {
        modulePath: '/app/dist/electron/coreHost.cjs',
        options: { serviceName: 'Tutti Kern', stdio: 'inherit' },
      },
    ]);
    host.send({ type: 'ping', id: 1 });
    host.send({ type: 'listen', records: true });
    expect(child.posted).toEqual([]);
    child.pid = 4242;
    child.emit('spawn');
    expect(child.posted).toEqual([
      { type: 'ping', id: 1 },
      { type: 'listen', records: true },
    ]);
    host.send({ type: 'stop' });
    expect(child.posted).toHaveLength(3);
    expect(host.pid).toBe(4242);
  });

  it('passes messages and the exit code on, and sends nothing to an ended process', () => {
    const { host, child } = started();
    const messages: unknown[] = [];
    const exits: unknown[] = [];
    host.onMessage((message) => messages.push(message));
    host.onExit((code, signal) => exits.push([code, signal]));
    child.emit('spawn');
    child.emit('message', { type: 'ready' });
    child.emit('exit', 9);
    host.send({ type: 'ping', id: 2 });
    expect(messages).toEqual([{ type: 'ready' }]);
    expect(exits).toEqual([[9, null]]);
    expect(child.posted).toEqual([]);
    host.kill();
    expect(child.killed).toBe(true);
  });

  it('wipes the key it sent, or dropped, and hears a fatal error instead of throwing', () => {
    const logged: string[] = [];
    const child = new FakeUtility();
    const host = utilityHostProcess(
      () => child,
      '/app/coreHost.cjs',
      (line) => logged.push(line),
    );
    const key = new Uint8Array(32).fill(7);
    const open = {
      type: 'open' as const,
      profileDir: '/p',
      key,
      canPickFolder: false,
      background: true,
    };
    host.send(open);
    expect([...key].every((b) => b === 7)).toBe(true); // waits, still needed
    child.emit('spawn');
    expect(child.posted).toHaveLength(1);
    expect([...key].every((b) => b === 0)).toBe(true); // sent: not kept in this process
    expect(() => child.emit('error', 'FatalError', 'v8::OOM', '')).not.toThrow();
    expect(logged).toEqual(['The core failed: FatalError at v8::OOM']);

    const late = new FakeUtility();
    const dropped = utilityHostProcess(() => late, '/app/coreHost.cjs');
    const lateKey = new Uint8Array(32).fill(9);
    dropped.send({ ...open, key: lateKey });
    late.emit('exit', 1);
    expect([...lateKey].every((b) => b === 0)).toBe(true);
  });

  it('drops what waited for a process that ended before it spawned', () => {
    const { host, child } = started();
    host.send({ type: 'ping', id: 3 });
    child.emit('exit', 1);
    child.emit('spawn');
    expect(child.posted).toEqual([]);
  });
});

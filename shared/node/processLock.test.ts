import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { ProcessLock } from './processLock.ts';

/** Another process that takes the lock and holds it until it is killed. */
function holdInChild(path: string): Promise<ChildProcess> {
  const script = `
    const { ProcessLock } = await import(${JSON.stringify(join(import.meta.dirname, 'processLock.ts'))});
    const lock = ProcessLock.tryAcquire(${JSON.stringify(path)}, 'server');
    process.stdout.write(lock ? 'locked\\n' : 'busy\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) =>
      String(d).startsWith('locked') ? resolve(child) : reject(new Error(String(d))),
    );
    child.once('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('a lock the operating system releases', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let path = '';
  beforeEach(() => {
    temp = makeTempDir();
    path = join(temp.dir, 'server.lock');
  });
  afterEach(() => temp.cleanup());

  it('is held once in a process, names its holder, and is free again after release', () => {
    expect(ProcessLock.holder(path)).toBeNull();
    const lock = ProcessLock.tryAcquire(path, 'server');
    expect(lock).not.toBeNull();
    expect(ProcessLock.tryAcquire(path, 'command')).toBeNull();
    expect(ProcessLock.holder(path)).toMatchObject({ pid: process.pid, role: 'server' });
    lock!.release();
    expect(ProcessLock.holder(path)).toBeNull();
    const again = ProcessLock.tryAcquire(path, 'command');
    expect(again).not.toBeNull();
    again!.release();
  });

  it('is refused while another process holds it, and free once that one is killed', async () => {
    const child = await holdInChild(path);
    try {
      expect(ProcessLock.tryAcquire(path, 'server')).toBeNull();
      expect(ProcessLock.holder(path)).toMatchObject({ pid: child.pid, role: 'server' });
    } finally {
      await killed(child);
    }
    // No PID is compared: the operating system dropped the dead process's lock.
    const lock = ProcessLock.tryAcquire(path, 'server');
    expect(lock).not.toBeNull();
    lock!.release();
  }, 30_000);

  it('takes over the PID file an older Tutti left behind', () => {
    writeFileSync(path, JSON.stringify({ pid: 1, role: 'server', since: '2026-11-01' }));
    expect(ProcessLock.holder(path)).toBeNull();
    const lock = ProcessLock.tryAcquire(path, 'server');
    expect(lock).not.toBeNull();
    lock!.release();
  });

  it('is not held by a note that names a live process of someone else (a reused PID)', () => {
    writeFileSync(`${path}.json`, JSON.stringify({ pid: 1, role: 'server', since: '' }));
    writeFileSync(path, '');
    expect(ProcessLock.holder(path)).toBeNull();
    const lock = ProcessLock.tryAcquire(path, 'server');
    expect(lock).not.toBeNull();
    expect(ProcessLock.holder(path)).toMatchObject({ pid: process.pid });
    lock!.release();
  });
});

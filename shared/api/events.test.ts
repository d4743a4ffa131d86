import { describe, expect, it } from 'vitest';
import { newId } from '../domain/ids.ts';
import { checkedEvent, Emitter } from './events.ts';

const status = {
  core: {
    profile: '/home/anna/tutti',
    deviceId: 'd1',
    deviceName: 'Laptop',
    schemaVersion: 8,
    pendingMutations: 0,
    lastMutationId: 3,
  },
  sync: {
    phase: 'synced',
    server: 'https://verein.example:8443',
    lastSync: '2026-12-07T07:00:00.000Z',
    pending: 0,
    message: null,
    live: true,
    received: 12,
    clockBehind: false,
    progress: { received: 12_400, total: 57_562 },
  },
  backup: { progress: null, lastBackupAt: null, works: [] },
  import: { running: false, done: 0, total: 0, preview: false },
};

describe('the events’ payloads', () => {
  it('passes well-formed records and status events', () => {
    const id = newId();
    const records = {
      entity: 'members',
      upserted: [{ id, lastName: 'Adler' }],
      removedIds: [newId()],
      replacesAll: false,
      origin: 'sync',
    };
    expect(checkedEvent('records', records)).toEqual({ event: 'records', payload: records });
    expect(checkedEvent('status', status)).toEqual({ event: 'status', payload: status });
  });

  it('drops what is not one: unknown names, entities, origins, ids, phases and shapes', () => {
    const good = {
      entity: 'members',
      upserted: [],
      removedIds: [],
      replacesAll: false,
      origin: 'local',
    };
    for (const payload of [
      null,
      'records',
      { ...good, entity: 'users' },
      { ...good, origin: 'elsewhere' },
      { ...good, removedIds: ['../etc/passwd'] },
      { ...good, upserted: [{ lastName: 'ohne Kennung' }] },
      { ...good, upserted: 'alle' },
      { ...good, replacesAll: 'ja' },
    ])
      expect(checkedEvent('records', payload), JSON.stringify(payload)).toBeNull();
    expect(
      checkedEvent('status', { ...status, sync: { ...status.sync, phase: 'kaputt' } }),
    ).toBeNull();
    expect(
      checkedEvent('status', {
        ...status,
        sync: { ...status.sync, progress: { received: -1, total: 5 } },
      }),
    ).toBeNull();
    expect(
      checkedEvent('status', { ...status, backup: { ...status.backup, progress: 2 } }),
    ).toBeNull();
    const restoring = { work: 'restore', stage: 'replace', progress: 0.95, cancellable: false };
    expect(
      checkedEvent('status', { ...status, backup: { ...status.backup, works: [restoring] } }),
    ).not.toBeNull();
    expect(
      checkedEvent('status', {
        ...status,
        backup: { ...status.backup, works: [{ ...restoring, stage: 'rm -rf' }] },
      }),
    ).toBeNull();
    expect(checkedEvent('status', { ...status, import: undefined })).toBeNull();
    expect(checkedEvent('dropDatabase', good)).toBeNull();
  });
});

describe('an emitter', () => {
  it('calls every listener even when one throws, and stops calling a disposed one', () => {
    const emitter = new Emitter<number>();
    const heard: number[] = [];
    const errors: unknown[] = [];
    emitter.event(() => {
      throw new Error('kaputt');
    });
    const second = emitter.event((n) => heard.push(n));
    emitter.fire(1, (error) => errors.push(error));
    second.dispose();
    emitter.fire(2, (error) => errors.push(error));
    expect(heard).toEqual([1]);
    expect(errors).toHaveLength(2);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactMutation,
  compactRecordStamps,
  expandMutation,
  expandRecordStamps,
} from './compactStamps.ts';

const FIELDS = ['firstName', 'lastName', 'city', 'notes'];
const stamp = fc.constantFrom('01a-0000-aa', '01b-0000-aa', '01c-0001-bb');

describe('stamps stored compactly', () => {
  it('reads back exactly the stamps written, whatever they are', () => {
    const stamps = fc.dictionary(fc.constantFrom(...FIELDS, 'deleted'), stamp);
    fc.assert(
      fc.property(stamps, (written) => {
        const onDisk = JSON.parse(JSON.stringify(compactRecordStamps(written, FIELDS)));
        expect(expandRecordStamps(onDisk, FIELDS)).toEqual(written);
      }),
    );
  });

  it('keeps a deleted stamp that equals the shared one', () => {
    const s = '01a-0000-aa';
    const written = Object.fromEntries([...FIELDS, 'deleted'].map((f) => [f, s]));
    const onDisk = compactRecordStamps(written, FIELDS);
    expect(onDisk).toEqual({ '*': s, '*n': 4, deleted: s });
    expect(expandRecordStamps(onDisk, FIELDS)).toEqual(written);
  });

  it('gives a field added to the table later no stamp it never had', () => {
    const s = '01a-0000-aa';
    const onDisk = compactRecordStamps(Object.fromEntries(FIELDS.map((f) => [f, s])), FIELDS);
    expect(expandRecordStamps(onDisk, [...FIELDS, 'mobile'])).toEqual(
      Object.fromEntries(FIELDS.map((f) => [f, s])),
    );
  });

  it('stores an op whose fields share one stamp with that stamp once, and reads it back', () => {
    const values = fc.dictionary(
      fc.constantFrom(...FIELDS, 'deleted'),
      fc.oneof(fc.string(), fc.constant(null)),
      { minKeys: 2 },
    );
    fc.assert(
      fc.property(values, stamp, (set, shared) => {
        const stamps = Object.fromEntries(Object.keys(set).map((field) => [field, shared]));
        const mutation = { mutationId: 3, ops: [{ entity: 'members', id: 'x', set, stamps }] };
        const onDisk = JSON.parse(JSON.stringify(compactMutation(mutation as never)));
        expect(onDisk.ops[0].stamps).toEqual({ '*': shared });
        expect(expandMutation(onDisk)).toEqual(mutation);
      }),
    );
  });

  it('reads back every outbox entry exactly', () => {
    const op = fc.record({
      entity: fc.constant('members' as const),
      id: fc.constant('01a21cde-db03-7000-935c-19f844ce6e50'),
      set: fc.dictionary(
        fc.constantFrom(...FIELDS, 'deleted'),
        fc.oneof(fc.string(), fc.constant(null)),
      ),
      stamps: fc.dictionary(fc.constantFrom(...FIELDS, 'deleted'), stamp),
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 3 }), (ops) => {
        const mutation = { mutationId: 7, ops };
        const onDisk = JSON.parse(JSON.stringify(compactMutation(mutation as never)));
        expect(expandMutation(onDisk)).toEqual(mutation);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRecordsChange } from './applyRecordsChange.ts';

type Row = { id: string; name: string; tags: string[] };
const row = (id: string, name: string, tags: string[] = []): Row => ({ id, name, tags });
const mapOf = (rows: Row[]) => new Map(rows.map((r) => [r.id, r]));

describe('a change applied to a list', () => {
  it('returns the same map when nothing really changed (the echo of an own save)', () => {
    const map = mapOf([row('a', 'Anna', ['x']), row('b', 'Bernd')]);
    // Equal by value, other objects (as they arrive over the wire), keys in another order.
    const echo = { tags: ['x'], name: 'Anna', id: 'a' };
    expect(applyRecordsChange(map, { upserted: [echo], removedIds: [], replacesAll: false })).toBe(
      map,
    );
    expect(
      applyRecordsChange(map, {
        upserted: [echo, row('b', 'Bernd')],
        removedIds: ['gone'],
        replacesAll: true,
      }),
    ).toBe(map);
  });

  it('keeps the identity of every record it does not change', () => {
    const anna = row('a', 'Anna');
    const bernd = row('b', 'Bernd');
    const map = mapOf([anna, bernd]);
    const next = applyRecordsChange(map, {
      upserted: [row('b', 'Bernd Becker'), row('c', 'Clara')],
      removedIds: [],
      replacesAll: false,
    });
    expect(next).not.toBe(map);
    expect(next.get('a')).toBe(anna);
    expect(next.get('b')?.name).toBe('Bernd Becker');
    expect(next.get('c')?.name).toBe('Clara');
    expect(map.get('b')).toBe(bernd); // the old map is left as it was
  });

  it('removes what went, and with replacesAll everything not sent', () => {
    const anna = row('a', 'Anna');
    const map = mapOf([anna, row('b', 'Bernd')]);
    expect([
      ...applyRecordsChange(map, { upserted: [], removedIds: ['b'], replacesAll: false }).keys(),
    ]).toEqual(['a']);
    const all = applyRecordsChange(map, {
      upserted: [{ ...anna }],
      removedIds: [],
      replacesAll: true,
    });
    expect([...all.keys()]).toEqual(['a']);
    expect(all.get('a')).toBe(anna);
  });

  it('gives what the core holds after any sequence of changes (property)', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd');
    const record = fc.record({
      id: ids,
      name: fc.constantFrom('x', 'y'),
      tags: fc.constant<string[]>([]),
    });
    const change = fc.record({
      upserted: fc.array(record, { maxLength: 4 }),
      removedIds: fc.array(ids, { maxLength: 2 }),
      replacesAll: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 8 }), (changes) => {
        let ui: ReadonlyMap<string, Row> = new Map();
        const core = new Map<string, Row>();
        for (const c of changes) {
          // The core's own truth after the change: upserts then removals, or the whole list.
          if (c.replacesAll) core.clear();
          for (const r of c.upserted) core.set(r.id, r);
          if (!c.replacesAll) for (const id of c.removedIds) core.delete(id);
          const sent = c.replacesAll ? { ...c, upserted: [...core.values()], removedIds: [] } : c;
          ui = applyRecordsChange(ui, sent);
          const sorted = (m: ReadonlyMap<string, Row>) =>
            [...m].sort(([a], [b]) => a.localeCompare(b));
          expect(sorted(ui)).toEqual(sorted(core));
        }
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { resolveUpdate } from '../../server/sync/validate/index.js';

/**
 * Reading an update against a room's document without applying it: updates are written by hand in Yjs'
 * v1 format here, because the contradictions a crafted update can carry are exactly what Yjs' own encoder
 * never produces.
 */

/** One string item, in the v1 struct encoding. */
interface RawItem {
  client: number;
  clock: number;
  text: string;
  origin?: Y.ID;
  rightOrigin?: Y.ID;
  /** Root key, when the item has neither origin. */
  root?: string;
}

/** An update holding `items` (one client each, in order) and the delete set `deletes`. */
function rawUpdate(
  items: RawItem[],
  deletes: { client: number; clock: number; len: number }[] = [],
): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, items.length);
  for (const item of items) {
    encoding.writeVarUint(e, 1); // one struct
    encoding.writeVarUint(e, item.client);
    encoding.writeVarUint(e, item.clock);
    const info = 4 | (item.origin ? 0x80 : 0) | (item.rightOrigin ? 0x40 : 0); // ContentString = 4
    encoding.writeUint8(e, info);
    if (item.origin) {
      encoding.writeVarUint(e, item.origin.client);
      encoding.writeVarUint(e, item.origin.clock);
    }
    if (item.rightOrigin) {
      encoding.writeVarUint(e, item.rightOrigin.client);
      encoding.writeVarUint(e, item.rightOrigin.clock);
    }
    if (!item.origin && !item.rightOrigin) {
      encoding.writeVarUint(e, 1); // parent is a root type, by key
      encoding.writeVarString(e, item.root ?? 'a');
    }
    encoding.writeVarString(e, item.text);
  }
  encoding.writeVarUint(e, deletes.length);
  for (const d of deletes) {
    encoding.writeVarUint(e, d.client);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, d.clock);
    encoding.writeVarUint(e, d.len);
  }
  return encoding.toUint8Array(e);
}

/** A room document with two root texts, `a` and `b`, written by client 1. */
function room(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1;
  doc.getText('a').insert(0, 'aaaa');
  doc.getText('b').insert(0, 'bbbb');
  return doc;
}

describe('resolving an update against the room', () => {
  it('finds where a new item lands: by root key, or through its origin in the document', () => {
    const doc = room();
    const r = resolveUpdate(
      doc,
      Y.decodeUpdate(rawUpdate([{ client: 2, clock: 0, text: 'x', origin: Y.createID(1, 1) }])),
    );
    expect(r.kind).toBe('resolved');
    if (r.kind !== 'resolved') return;
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.parent).toEqual({ kind: 'type', type: doc.getText('a') });
    expect(r.clients).toEqual([2]);
    expect(r.grows).toBe(true);
  });

  it('says "missing" for an update that depends on what the room has not seen', () => {
    const doc = room();
    const unknownOrigin = rawUpdate([{ client: 2, clock: 0, text: 'x', origin: Y.createID(3, 5) }]);
    expect(resolveUpdate(doc, Y.decodeUpdate(unknownOrigin)).kind).toBe('missing');
    const gap = rawUpdate([{ client: 2, clock: 4, text: 'x', root: 'a' }]);
    expect(resolveUpdate(doc, Y.decodeUpdate(gap)).kind).toBe('missing');
    const unknownDelete = rawUpdate([], [{ client: 1, clock: 6, len: 10 }]);
    expect(resolveUpdate(doc, Y.decodeUpdate(unknownDelete)).kind).toBe('missing');
  });

  it('refuses an item whose left and right origins lie in different texts', () => {
    const doc = room();
    const torn = rawUpdate([
      { client: 2, clock: 0, text: 'x', origin: Y.createID(1, 1), rightOrigin: Y.createID(1, 6) },
    ]);
    expect(resolveUpdate(doc, Y.decodeUpdate(torn)).kind).toBe('malformed');
  });

  it('refuses an item that continues a known one but claims another place', () => {
    const doc = room();
    // Client 1's clocks 4–7 are "bbbb" in `b`; client 1's state is 8.
    const after = rawUpdate([{ client: 1, clock: 8, text: 'zz', root: 'a' }]);
    expect(resolveUpdate(doc, Y.decodeUpdate(after)).kind).toBe('resolved'); // a plain new item
    // Clocks 6–9 overlap "bb" of `b`: Yjs would link the new part after them, so it cannot claim `a`.
    const overlapping = rawUpdate([{ client: 1, clock: 6, text: 'zzzz', root: 'a' }]);
    expect(resolveUpdate(doc, Y.decodeUpdate(overlapping)).kind).toBe('malformed');
    const continuing = rawUpdate([{ client: 1, clock: 6, text: 'zzzz', root: 'b' }]);
    expect(resolveUpdate(doc, Y.decodeUpdate(continuing)).kind).toBe('resolved');
  });

  it('lists the live items a delete set removes, merging overlapping ranges, and skips what is gone', () => {
    const doc = room();
    doc.getText('a').delete(0, 1);
    const update = rawUpdate(
      [],
      [
        { client: 1, clock: 0, len: 3 },
        { client: 1, clock: 1, len: 3 },
      ],
    );
    const r = resolveUpdate(doc, Y.decodeUpdate(update));
    expect(r.kind).toBe('resolved');
    if (r.kind !== 'resolved') return;
    expect(r.deleted.map((i) => i.content.getContent().join(''))).toEqual(['aaa']);
    expect(r.grows).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorToYDoc } from 'y-prosemirror';
import { buildDocument } from '../../shared/agenda/build.js';
import { readDocument } from '../../shared/agenda/read.js';
import { agendaUnits } from '../../shared/diff/units.js';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { proseMirrorOf } from '../../server/documents/live.js';
import { transactionRanges, updateRanges, type ItemRanges } from '../../server/authorship/ranges.js';
import { AuthorshipIndex } from '../../server/authorship/lookup.js';
import { unitItems, unitItemsOfState } from '../../server/authorship/texts.js';
import type { AttributionRow, ChangeAuthor } from '../../server/authorship/repository.js';
import { agenda } from '../helpers/agenda.js';
import { measureText } from '../helpers/clients.js';

const sample = agenda({
  WONEN: { 'Meer bouwen': ['We bouwen meer woningen.', 'Minder regels voor optoppen.'] },
  DEFENSIE: { Krijgsmacht: ['We investeren in defensie.'] },
});

/** A server-side document with the sample agenda, and two clients that start from it. */
function setup() {
  const seed = prosemirrorToYDoc(buildDocument(sample), TEXT_FRAGMENT);
  const state = Y.encodeStateAsUpdate(seed);
  const server = new Y.Doc();
  Y.applyUpdate(server, state, 'storage');
  const clients = [new Y.Doc(), new Y.Doc()];
  for (const c of clients) Y.applyUpdate(c, state);
  return { server, clients, state };
}

const who = (name: string, party: string, seq: number): ChangeAuthor => ({
  personId: `p-${name}`,
  personName: name,
  party,
  onBehalfOf: null,
  decidedBy: null,
  decidedByName: null,
  at: `2026-03-0${seq}T10:00:00.000Z`,
});

/** Rows as the store writes them for one change. */
function rowsOf(ranges: ItemRanges, author: ChangeAuthor, updateSeq: number): AttributionRow[] {
  return [
    ...ranges.inserted.map(([client, clock, len]) => ({
      kind: 'insert' as const,
      client,
      clock,
      len,
      updateSeq,
      ...author,
    })),
    ...ranges.deleted.map(([client, clock, len]) => ({
      kind: 'delete' as const,
      client,
      clock,
      len,
      updateSeq,
      ...author,
    })),
  ];
}

describe('the item ranges of a change', () => {
  it('are the same read from the server’s transaction as decoded from the update it stores', () => {
    const { server, clients } = setup();
    const seen: { fromTransaction: ItemRanges; fromUpdate: ItemRanges }[] = [];
    server.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) =>
      seen.push({ fromTransaction: transactionRanges(tr), fromUpdate: updateRanges(update) }),
    );
    const [a, b] = clients as [Y.Doc, Y.Doc];
    // Two clients editing concurrently, each update sent to the server as it is made.
    const forward = (update: Uint8Array) => Y.applyUpdate(server, update);
    a.on('update', forward);
    b.on('update', forward);
    let seed = 7;
    const random = (n: number) => (((seed = (seed * 48271) % 2147483647) % n) + n) % n;
    for (let i = 0; i < 60; i++) {
      const doc = i % 2 ? a : b;
      const text = measureText(doc.getXmlFragment(TEXT_FRAGMENT), i % 3 ? 'm-1-1-1' : 'm-1-1-2');
      const at = random(text.length + 1);
      if (random(3) === 0 && text.length > 4) text.delete(Math.min(at, text.length - 3), 3);
      else if (random(4) === 0 && text.length > 4) text.format(0, 3, { bold: true });
      else text.insert(at, ['x', 'woord ', 'een zin. '][random(3)]!);
    }
    // A format that changes nothing sends no update.
    expect(seen.length).toBeGreaterThan(40);
    for (const { fromTransaction, fromUpdate } of seen) expect(fromTransaction).toEqual(fromUpdate);
  });

  it('is one range for a keystroke, not one per character', () => {
    const { server } = setup();
    let ranges: ItemRanges | null = null;
    server.on(
      'update',
      (_u: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) => (ranges = transactionRanges(tr)),
    );
    measureText(server.getXmlFragment(TEXT_FRAGMENT), 'm-1-1-1').insert(3, 'heel veel ');
    expect(ranges).toEqual({ inserted: [[server.clientID, 0, 10]], deleted: [] });
  });
});

describe('the attribution index', () => {
  it('answers who wrote and who deleted each character, and stays right after compaction', () => {
    const { server, clients, state } = setup();
    const [a, b] = clients as [Y.Doc, Y.Doc];
    const rows: AttributionRow[] = [];
    let seq = 0;
    let author = who('Anna', 'D66', 1);
    server.on('update', (_u: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) =>
      rows.push(...rowsOf(transactionRanges(tr), author, ++seq)),
    );
    const send = (from: Y.Doc, change: () => void) => {
      const before = Y.encodeStateVector(from);
      change();
      Y.applyUpdate(server, Y.encodeStateAsUpdate(from, before));
    };
    send(a, () => measureText(a.getXmlFragment(TEXT_FRAGMENT), 'm-1-1-1').insert(10, 'snel '));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(server));
    author = who('Bram', 'CDA', 2);
    send(b, () => {
      const text = measureText(b.getXmlFragment(TEXT_FRAGMENT), 'm-1-1-1');
      text.insert(text.length, ' Nu.');
      text.delete(0, 3);
    });

    const check = (doc: Y.Doc) => {
      const index = new AuthorshipIndex(rows);
      const live = unitItems(doc).get('m-1-1-1')!;
      expect(live.text).toBe('bouwen snel meer woningen. Nu.');
      const names = index.runs(live.ids, 'insert').map(([n, au]) => [n, au?.name ?? null]);
      expect(names).toEqual([
        [7, null],
        [5, 'Anna'],
        [14, null],
        [4, 'Bram'],
      ]);
      // The original's "We " was deleted by Bram.
      const original = unitItemsOfState(state).get('m-1-1-1')!;
      expect(index.runs(original.ids, 'delete').map(([n, au]) => [n, au?.name ?? null])).toEqual([
        [3, 'Bram'],
        [21, null],
      ]);
    };
    check(server);
    // Compaction: the log becomes one merged update; a fresh document loaded from it has the same item ids.
    const compacted = new Y.Doc();
    Y.applyUpdate(compacted, Y.mergeUpdates([Y.encodeStateAsUpdate(server)]));
    check(compacted);
  });

  it('walks the same texts and unit ids as the diff engine reads', () => {
    const { server } = setup();
    const items = unitItems(server);
    const units = agendaUnits(readDocument(proseMirrorOf(server)));
    expect([...items.keys()].sort()).toEqual(units.map((u) => u.id).sort());
    for (const unit of units) expect(items.get(unit.id)?.text, unit.id).toBe(unit.text);
  });
});

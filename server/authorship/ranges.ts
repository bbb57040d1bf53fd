/**
 * What a change to a text room inserted and deleted, as ranges of Yjs item ids: the keys of the
 * attribution index. Item ids (client, clock) never change — compaction merges updates but keeps them —
 * so a range recorded once stays valid for the life of the document.
 */
import * as Y from 'yjs';

/** A run of Yjs item ids: one client's clocks `clock … clock + length - 1`. */
export type IdRange = readonly [client: number, clock: number, length: number];

/** The item ids a change inserted (its new items) and deleted (its delete set), merged per client. */
export interface ItemRanges {
  inserted: IdRange[];
  deleted: IdRange[];
}

/** Appends a range, joining it to the previous one when it continues it. */
function push(out: IdRange[], client: number, clock: number, length: number): void {
  if (length <= 0) return;
  const last = out[out.length - 1];
  if (last && last[0] === client && last[1] + last[2] === clock)
    out[out.length - 1] = [client, last[1], last[2] + length];
  else out.push([client, clock, length]);
}

/**
 * The ranges of one transaction, read from the document after it: the items integrated between its state
 * before and after (garbage-collected ranges left out: nothing of them can be shown) and its delete set.
 * Costs a walk over the new structs only — a keystroke is one range.
 */
export function transactionRanges(tr: Y.Transaction): ItemRanges {
  const inserted: IdRange[] = [];
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = tr.doc.store.clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]!;
      if (struct.id.clock >= after) break;
      if (struct instanceof Y.GC) continue;
      const from = Math.max(struct.id.clock, before);
      push(inserted, client, from, Math.min(struct.id.clock + struct.length, after) - from);
    }
  }
  return { inserted, deleted: deleteRanges(tr.deleteSet) };
}

/** The ranges of a delete set, per client in clock order. */
function deleteRanges(ds: Y.Transaction['deleteSet']): IdRange[] {
  const out: IdRange[] = [];
  for (const [client, items] of ds.clients) {
    const sorted = [...items].sort((a, b) => a.clock - b.clock);
    for (const item of sorted) push(out, client, item.clock, item.len);
  }
  return out;
}

/**
 * The ranges of an encoded update (v1): its items (GC and Skip structs left out) and its delete set. For
 * updates that were not applied here, such as a document's first update.
 */
export function updateRanges(update: Uint8Array): ItemRanges {
  const { structs, ds } = Y.decodeUpdate(update);
  const inserted: IdRange[] = [];
  for (const struct of structs)
    if (struct instanceof Y.Item) push(inserted, struct.id.client, struct.id.clock, struct.length);
  return { inserted, deleted: deleteRanges(ds) };
}

/** True when a change inserted and deleted nothing. */
export function isEmptyRanges(ranges: ItemRanges): boolean {
  return ranges.inserted.length === 0 && ranges.deleted.length === 0;
}

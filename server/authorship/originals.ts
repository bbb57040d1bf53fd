import type { Store } from '../storage/store.js';
import { unitItemsOfState, type UnitItems } from './texts.js';

/** How many documents' originals are kept read: a server holds a handful of documents. */
const KEPT = 8;

/**
 * The original's text units with their item ids, read once per document: the original never changes, and
 * reading it (a whole Yjs state) is a large part of an attributed diff. A document replaced by a new
 * import (a new `createdAt`) is read again.
 */
export class OriginalItems {
  private readonly read = new Map<string, ReadonlyMap<string, UnitItems> | null>();

  constructor(private readonly store: Pick<Store, 'getDocument' | 'getOriginalState'>) {}

  /** The original's units of a document, or null when its Yjs state is not kept. */
  of(documentId: string): ReadonlyMap<string, UnitItems> | null {
    const key = `${documentId}\u0000${this.store.getDocument(documentId)?.createdAt ?? ''}`;
    if (this.read.has(key)) return this.read.get(key)!;
    const state = this.store.getOriginalState(documentId);
    const items = state ? unitItemsOfState(state) : null;
    if (this.read.size >= KEPT) this.read.delete(this.read.keys().next().value!);
    this.read.set(key, items);
    return items;
  }
}

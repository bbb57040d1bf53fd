import type { DocumentRows } from '../storage/storage.js';
import type { ItemRanges } from './ranges.js';

/**
 * Who made one stored change of a text room, as recorded beside its item ranges (names as they were then).
 * For a change the chair made on a party's behalf (an accepted amendment) the person is the proposer (when
 * known), the party the proposing party, and `decidedBy` the chair; for Akkoord's own changes (numbering)
 * every person field is null.
 */
export interface ChangeAuthor {
  personId: string | null;
  personName: string | null;
  party: string | null;
  /** The party the change was made for, when the writer was someone else (the chair). */
  onBehalfOf: string | null;
  /** Who decided a change made on a party's behalf (the chair's person id). */
  decidedBy: string | null;
  decidedByName: string | null;
  /** When the change was stored (ISO 8601). */
  at: string;
}

/** One row of the attribution index: a range of item ids one change inserted or deleted, and its author. */
export interface AttributionRow extends ChangeAuthor {
  kind: 'insert' | 'delete';
  client: number;
  clock: number;
  len: number;
  /** The stored update that made the change (the audit entry's `updateSeq`). */
  updateSeq: number;
}

/**
 * The attribution index of the text rooms: for every stored change, the item ranges it inserted and
 * deleted with who made it. The store writes it in the transaction that stores the update (so it is never
 * behind the text), and compaction leaves it alone: item ids survive compaction. The SQLite implementation
 * is `storage/sqlite/attribution.ts`.
 */
export interface AttributionRepository extends DocumentRows {
  /** Records one change's ranges; the store calls it inside the transaction that stores the update. */
  record(documentId: string, updateSeq: number, ranges: ItemRanges, author: ChangeAuthor): void;
  /** Every row of a document's index. */
  rows(documentId: string): AttributionRow[];
  /** The author recorded for each of these stored updates of a document that has index rows. */
  authorsOfUpdates(documentId: string, updateSeqs: readonly number[]): Map<number, ChangeAuthor>;
}

import type { Agenda } from '../../shared/agenda/types.js';
import type { ItemRanges } from '../authorship/ranges.js';

/** A document as listed: its id, title and when it was made. */
export interface DocumentRecord {
  id: string;
  title: string;
  createdAt: string;
}

/** Who sent an update and what it touched, recorded with it in the audit log. */
export interface UpdateMeta {
  /** Null for the server itself. */
  personId: string | null;
  personName?: string | null;
  party?: string | null;
  /** The party the change was made for, when not the sender's own (an accepted amendment). */
  onBehalfOf?: string | null;
  /** The measures whose text or existence the update changed. */
  measureIds?: string[];
  /**
   * The item ranges the update inserted and deleted (text rooms only): recorded in the attribution index
   * with the update's author, in the same transaction.
   */
  ranges?: ItemRanges;
  /** The person credited with the words when not the sender: an accepted amendment's first author. */
  authorId?: string | null;
}

/** A document to store: its record, its baseline (the original) and the first update of its live room. */
export interface NewDocument {
  id: string;
  title: string;
  baseline: Agenda;
  initialUpdate: Uint8Array;
  /**
   * The Yjs state of the original (kept for authorship): the initial update unless said otherwise; null
   * when the live text does not start from the original (a restored export whose live text was edited).
   */
  originalState?: Uint8Array | null;
}

/** One stored update of a room's log, with its sequence number. */
export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
}

/**
 * Where an appended update landed in its room's log: its sequence number, and that of the room's update
 * stored just before it (0 for the first). Instances sharing a database tell each other `{seq, prev}`, so
 * each one sees when it missed an update (`prev` is not the last it has) and reads the log from there.
 */
export interface Appended {
  seq: number;
  prev: number;
}

/**
 * The updates repository: documents with their immutable baseline, and per room an append-only log of Yjs
 * updates that is compacted now and then, each stored update with its audit entry. Small on purpose, so that
 * a second adapter (PostgreSQL) is a file, not a rewrite. The other repositories are in `storage.ts`.
 */
export interface Store {
  listDocuments(): Promise<DocumentRecord[]>;
  getDocument(id: string): Promise<DocumentRecord | null>;
  /** The original text as imported; never changes after `createDocument`. */
  getBaseline(id: string): Promise<Agenda | null>;
  /**
   * The Yjs state of the original as imported (its item ids tell which of its words later changes
   * deleted); null for a document imported before it was kept whose first update was compacted since.
   */
  getOriginalState(id: string): Promise<Uint8Array | null>;
  /**
   * Stores a new document: its record, its baseline and the first update of its live room, in one
   * transaction. With `replace`, an existing document of that id is replaced in the same transaction: its
   * rooms and every feature's rows for it go (see `DocumentRows` in `storage.ts`); its people stay.
   */
  createDocument(doc: NewDocument, replace?: boolean): Promise<void>;
  /** All stored updates of a room, oldest first. */
  fetchUpdates(room: string): Promise<Uint8Array[]>;
  /**
   * The stored updates of a room with a sequence number above `afterSeq` (0: all of them), oldest first.
   * Sequence numbers grow across the whole store, and within one room in the order the appends commit
   * (a store with concurrent writers serializes the appends to one room), so "everything after the last one
   * I have" is exactly what an instance missed.
   */
  fetchLog(room: string, afterSeq: number): Promise<StoredUpdate[]>;
  /** Appends one update to a room's log; durable when it returns. */
  appendUpdate(room: string, update: Uint8Array, meta: UpdateMeta): Promise<Appended>;
  /**
   * Appends several updates to a room's log, in order, in one transaction (one commit for all: a room
   * that receives updates faster than one commit takes stores them together); durable when it returns.
   * Returns where each landed, in the same order.
   */
  appendUpdates(
    room: string,
    entries: readonly { update: Uint8Array; meta: UpdateMeta }[],
  ): Promise<Appended[]>;
  /** When the newest update of a room's log was stored (ISO 8601), or null for an empty log. */
  lastUpdateAt(room: string): Promise<string | null>;
  /** How many updates a room's log holds. */
  countUpdates(room: string): Promise<number>;
  /**
   * Replaces a room's updates with a sequence number up to `throughSeq` (all those in the compacting
   * document) with one merged update, in one transaction, so updates appended meanwhile (by this instance
   * or another) are kept. The merged update takes a new, higher sequence number: an instance that reads the
   * log after what it has gets it. Returns where it landed, or null when there was nothing to replace.
   */
  compact(room: string, merged: Uint8Array, throughSeq: number): Promise<Appended | null>;
  close(): Promise<void>;
}

import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Store } from '../storage/store.js';
import { encodeAwareness, encodeUpdate } from './messages.js';
import { recordRemovedIds, touchedMeasures } from './touched.js';
import type { RoomHooks } from './hooks.js';
import { transactionRanges } from '../authorship/ranges.js';
import { parseRoomName } from '../../shared/protocol/rooms.js';

/** One side of a connection as the room sees it: it can be sent bytes and knows who is behind it. */
export interface Peer {
  send(data: Uint8Array): void;
  /** The person behind the connection, recorded with every update they send (null while anonymous). */
  readonly personId: string | null;
  /** Awareness client ids this peer announced; removed when it leaves. */
  readonly awarenessClients: Set<number>;
}

/**
 * Compaction threshold: after this many appended updates the room's log is replaced by one merged update.
 * At a few hundred bytes an update, 500 keeps a room's log well under a megabyte and its load fast.
 */
const COMPACT_EVERY = 500;

/**
 * A loaded room: its Y.Doc (loaded from storage before anyone is answered), its awareness and the peers in
 * it. Every update is appended to storage before it is sent to any other peer.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<Peer>();
  private appendedSinceCompaction = 0;

  constructor(
    readonly name: string,
    private readonly store: Store,
    hooks: RoomHooks = {},
  ) {
    // The server is not a person: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    const updates = store.fetchUpdates(name);
    applyStoredUpdates(this.doc, updates);
    this.appendedSinceCompaction = updates.length;
    recordRemovedIds(this.doc);

    // The text room's changes are attributed by item (the attribution index); the others are not shown so.
    const attributed = parseRoomName(name)?.kind === 'text';
    this.doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      if (origin === 'storage') return;
      const sender = isPeer(origin) ? origin : null;
      const write = isServerWrite(origin) ? origin : null;
      const personId = write ? write.personId : (sender?.personId ?? null);
      // Durable first: if this throws, nobody else has seen the update and the sender gets an error.
      store.appendUpdate(name, update, {
        personId,
        onBehalfOf: write?.onBehalfOf ?? null,
        measureIds: touchedMeasures(tr),
        ...(attributed ? { ranges: transactionRanges(tr), authorId: write?.authorId ?? null } : {}),
      });
      if (++this.appendedSinceCompaction >= COMPACT_EVERY) this.compact();
      const message = encodeUpdate(update);
      for (const peer of this.peers) if (peer !== sender) peer.send(message);
      hooks.afterUpdate?.(this, tr);
    });

    this.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        if (isPeer(origin)) {
          for (const id of added) origin.awarenessClients.add(id);
          for (const id of removed) origin.awarenessClients.delete(id);
        }
        const changed = [...added, ...updated, ...removed];
        if (changed.length === 0) return;
        const message = encodeAwareness(this.awareness, changed);
        for (const peer of this.peers) peer.send(message);
      },
    );
    hooks.loaded?.(this);
  }

  /** Compacts at once when the log is long (a server that crashed before compacting), so the next load is fast. */
  compactIfLong(): void {
    if (this.appendedSinceCompaction >= COMPACT_EVERY) this.compact();
  }

  /** Replaces the stored log with one update equal to the document's state. */
  compact(): void {
    const count = this.store.countUpdates(this.name);
    if (count > 1) this.store.compact(this.name, Y.encodeStateAsUpdate(this.doc), count);
    this.appendedSinceCompaction = 0;
  }

  leave(peer: Peer): void {
    this.peers.delete(peer);
    if (peer.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessClients], null);
    }
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/**
 * The origin of a change the server makes on someone's behalf (an accepted amendment, a status set through
 * the API): recorded with that person, broadcast to every peer.
 */
export interface ServerWrite {
  serverWrite: true;
  personId: string | null;
  /** The party on whose behalf the change is made, if not the person's own. */
  onBehalfOf: string | null;
  /** Who the words are credited to when not `personId` (an accepted amendment's first author). */
  authorId?: string | null;
}

function isServerWrite(origin: unknown): origin is ServerWrite {
  return typeof origin === 'object' && origin !== null && 'serverWrite' in origin;
}

/**
 * Applies a room's stored updates to a fresh document. One transaction with each update applied in turn:
 * for 10,000 small updates this takes ~0.2 s, where Y.mergeUpdates first takes ~3 s (bench/room-load.ts).
 */
export function applyStoredUpdates(doc: Y.Doc, updates: Uint8Array[]): void {
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update, 'storage');
  }, 'storage');
}

function isPeer(origin: unknown): origin is Peer {
  return typeof origin === 'object' && origin !== null && 'awarenessClients' in origin && 'send' in origin;
}

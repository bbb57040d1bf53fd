import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Appended, Store, StoredUpdate, UpdateMeta } from '../storage/store.js';
import { CloseCode, TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { parseRoomName, type RoomRef } from '../../shared/protocol/rooms.js';
import { encodeAwareness, encodeUpdate } from './messages.js';
import { recordRemovedIds, touchedMeasures } from './touched.js';
import type { RoomHooks } from './hooks.js';
import type { ClientIdClaims } from './clientIds.js';
import { MemoryClientIds } from './clientIds.js';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from './settings.js';
import { TextIndex } from './textIndex.js';
import { ByteBudget } from './limits.js';
import { transactionRanges } from '../authorship/ranges.js';
import type { RoomBus, RoomMessage } from './bus.js';
import { LocalBus } from './bus/local.js';
import { LogHead } from './logHead.js';

/** One side of a connection as the room sees it: it can be sent bytes and knows who is behind it. */
export interface Peer {
  send(data: Uint8Array): void;
  /** The person behind the connection, recorded with every update they send (null while anonymous). */
  readonly personId: string | null;
  /** Awareness client ids this peer announced; removed when it leaves. */
  readonly awarenessClients: Set<number>;
  /** Ends the peer's connection with a close code and a sentence (the room is going away). */
  close?(code: number, reason: string): void;
}

/**
 * Compaction threshold: after this many appended updates the room's log is replaced by one merged update.
 * At a few hundred bytes an update, 500 keeps a room's log well under a megabyte and its load fast.
 */
const COMPACT_EVERY = 500;

/** How long a compaction may hold its lock: far longer than one takes, short should its instance die. */
const COMPACT_LOCK_MS = 30_000;

/**
 * The origin of what another instance stored (heard on the bus, or read from the log to catch up): applied
 * and relayed to this instance's peers, never stored again, and not numbered or claimed again here.
 */
export const REMOTE: { readonly remote: true } = Object.freeze({ remote: true });

/** What every room of a server shares: who claimed which client ids, the limits, and features' hooks. */
export interface RoomOptions {
  claims: ClientIdClaims;
  settings: SyncSettings;
  hooks?: RoomHooks;
  /** The other instances on the same database (none by default). */
  bus?: RoomBus;
}

/**
 * A loaded room: its Y.Doc (loaded from storage before anyone is answered), its awareness and the peers in
 * it. Every update is appended to storage before it is sent to any other peer.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<Peer>();
  /** Which room this is (null for a name that is none of the known kinds: nobody may write it). */
  readonly ref: RoomRef | null;
  /** The text room's live and removed ids, for the update check (null in other rooms). */
  readonly textIndex: TextIndex | null = null;
  readonly claims: ClientIdClaims;
  readonly settings: SyncSettings;
  private appendedSinceCompaction = 0;
  /** An upper bound of the document's encoded size: exact after load and compaction, plus every update since. */
  private sizeEstimate = 0;
  private readonly budgets = new Map<string, ByteBudget>();
  /** How far this room has read its log: the other instances' updates up to here are in `doc`. */
  readonly head: LogHead;
  private readonly bus: RoomBus;
  private destroyed = false;

  /**
   * The room's writes to storage, in order: each update is appended, then published to the other instances
   * and relayed to the other peers; a compaction or a catch-up from the log takes its turn between them.
   * Every task waits for the one before, so updates are stored and broadcast in the order they were applied.
   */
  private queue: Promise<void> = Promise.resolve();
  private readonly hooks: RoomHooks;

  /**
   * Loads a room from storage: its stored log applied, its document's client-id claims read and the
   * features' `loaded` hooks run, all before anyone is answered.
   */
  static async load(name: string, store: Store, options?: RoomOptions): Promise<Room> {
    const log = await store.fetchLog(name, 0);
    const room = new Room(name, store, options, log);
    if (room.ref) await room.claims.load?.(room.ref.documentId);
    await room.hooks.loaded?.(room);
    return room;
  }

  /** Use `Room.load`; the constructor takes the stored log already read (none for a fresh room). */
  constructor(
    readonly name: string,
    private readonly store: Store,
    options: RoomOptions = { claims: new MemoryClientIds(), settings: DEFAULT_SYNC_SETTINGS },
    log: StoredUpdate[] = [],
  ) {
    this.ref = parseRoomName(name);
    this.claims = options.claims;
    this.settings = options.settings;
    this.bus = options.bus ?? new LocalBus();
    // The server is not a person: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    applyStoredUpdates(
      this.doc,
      log.map((u) => u.data),
    );
    this.head = new LogHead(log.at(-1)?.seq ?? 0);
    this.appendedSinceCompaction = log.length;
    this.sizeEstimate = log.reduce((sum, u) => sum + u.data.byteLength, 0);
    const hooks = (this.hooks = options.hooks ?? {});
    if (this.ref?.kind === 'text') {
      this.textIndex = new TextIndex(this.doc.getXmlFragment(TEXT_FRAGMENT), (id) =>
        hooks.numberOf?.(this, id),
      );
    }
    recordRemovedIds(this.doc);

    // The text room's changes are attributed by item (the attribution index); the others are not shown so.
    const attributed = this.ref?.kind === 'text';
    this.doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      if (origin === 'storage') return;
      this.sizeEstimate += update.byteLength;
      if (origin === REMOTE) {
        // Stored by another instance (or read back from the log): only this instance's peers need it.
        const message = encodeUpdate(update);
        for (const peer of this.peers) peer.send(message);
        hooks.afterRemoteUpdate?.(this, tr);
        return;
      }
      const sender = isPeer(origin) ? origin : null;
      // The server's own writes claim the client ids they use, so no connection can write with them.
      if (!sender && this.ref) {
        for (const [client, clock] of tr.afterState) {
          if (clock !== (tr.beforeState.get(client) ?? 0))
            this.claims.claim(this.ref.documentId, client, null);
        }
      }
      const write = isServerWrite(origin) ? origin : null;
      // A peer's update was admitted only with client ids bound to its person (admission.ts), so the items
      // it inserted are that person's: the binding of client ids is what the attribution index records.
      const personId = write ? write.personId : (sender?.personId ?? null);
      const meta = {
        personId,
        onBehalfOf: write?.onBehalfOf ?? null,
        measureIds: touchedMeasures(tr),
        ...(attributed ? { ranges: transactionRanges(tr), authorId: write?.authorId ?? null } : {}),
      };
      this.toStore({ update, meta, sender, message: encodeUpdate(update) });
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
        if (origin !== REMOTE && this.bus.shared) {
          const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
          this.bus.publish(name, { kind: 'awareness', update });
        }
      },
    );
  }

  /**
   * Runs `task` after every write queued before it (a store write that must precede the next update, such
   * as the numbers a numbering change shows). A failing task is logged; the queue goes on.
   */
  enqueue(task: () => Promise<void>): Promise<void> {
    // Updates applied after this task are stored after it: they start a batch of their own.
    this.batch = null;
    return this.chain(task);
  }

  /** The updates applied but not yet being stored: stored together by one task of the queue. */
  private batch: Pending[] | null = null;

  /**
   * Queues an update to be stored, then published to the other instances and relayed to the peers here: with
   * the others applied before its turn comes, in one transaction.
   */
  private toStore(pending: Pending): void {
    if (this.batch) {
      this.batch.push(pending);
      return;
    }
    const batch: Pending[] = [pending];
    this.batch = batch;
    void this.chain(async () => {
      if (this.batch === batch) this.batch = null;
      let appended: Appended[];
      try {
        // Durable first: if storing fails, nobody else has seen the updates and their senders are disconnected.
        appended = await this.store.appendUpdates(
          this.name,
          batch.map((p) => ({ update: p.update, meta: p.meta })),
        );
      } catch (err) {
        console.error(`Opslaan in ${this.name} mislukt:`, err);
        for (const p of batch) p.sender?.close?.(CloseCode.resync, 'Opslaan mislukt; verbind opnieuw');
        return;
      }
      let gap = false;
      batch.forEach((p, i) => {
        const at = appended[i]!;
        this.bus.publish(this.name, { kind: 'update', ...at, update: p.update });
        if (this.head.offer(at.seq, at.prev) === 'gap') gap = true;
      });
      for (const p of batch) for (const peer of this.peers) if (peer !== p.sender) peer.send(p.message);
      // Another instance stored an update in between that has not reached this one yet: read it now.
      if (gap) await this.catchUpNow();
      await this.logGrew(batch.length);
    });
  }

  private chain(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch((err: unknown) => console.error(`Schrijven in ${this.name} mislukt:`, err));
    return this.queue;
  }

  /** Resolves once every update applied so far is stored and relayed. */
  stored(): Promise<void> {
    return this.queue;
  }

  /** Compacts at once when the log is long (a server that crashed before compacting), so the next load is fast. */
  compactIfLong(): Promise<void> {
    return this.appendedSinceCompaction >= COMPACT_EVERY ? this.compact() : this.stored();
  }

  /**
   * Replaces the stored log, as far as this room has read it, with one update equal to the document's
   * state, after the writes queued before: under a lock, so one instance at a time compacts a room (with one
   * instance: at once). Updates stored meanwhile, here or by another instance, stay in the log. Resolves when
   * done or skipped (another instance holds the lock, or the bus is down: a later compaction or load does
   * it); never rejects.
   */
  compact(): Promise<void> {
    return this.enqueue(() => this.compactNow());
  }

  private async compactNow(): Promise<void> {
    this.appendedSinceCompaction = 0;
    if (this.destroyed || (await this.store.countUpdates(this.name)) <= 1) return;
    const merged = Y.encodeStateAsUpdate(this.doc);
    const through = this.head.seq;
    try {
      await this.bus.exclusive(`compact:${this.name}`, COMPACT_LOCK_MS, async () => {
        const appended = await this.store.compact(this.name, merged, through);
        if (!appended) return;
        this.sizeEstimate = merged.byteLength;
        this.bus.publish(this.name, { kind: 'head', ...appended });
        if (this.head.offer(appended.seq, appended.prev) === 'gap') await this.catchUpNow();
      });
    } catch (err) {
      console.error(`Compacteren van ${this.name} mislukt: ${(err as Error).message}`);
    }
  }

  /** Whether a catch-up is queued and has not started: another one would read nothing new. */
  private catchUpQueued = false;

  /**
   * Reads what this room has not yet read of its log (stored by other instances) into the document, which
   * relays it to the peers here: in the room's queue, after the writes queued before. Resolves when done.
   */
  catchUp(): Promise<void> {
    if (this.catchUpQueued) return this.queue;
    this.catchUpQueued = true;
    return this.chain(async () => {
      this.catchUpQueued = false;
      await this.catchUpNow();
    });
  }

  /** Reads the log after the head now; returns how many updates were read. */
  private async catchUpNow(): Promise<number> {
    if (this.destroyed) return 0;
    const missed = await this.store.fetchLog(this.name, this.head.seq);
    // Destroyed while reading, or already read by a message heard meanwhile: only what is still new.
    const fresh = missed.filter((u) => u.seq > this.head.seq);
    if (this.destroyed || fresh.length === 0) return 0;
    this.doc.transact(() => {
      for (const u of fresh) Y.applyUpdate(this.doc, u.data, REMOTE);
    }, REMOTE);
    this.head.readTo(fresh.at(-1)!.seq);
    await this.logGrew(fresh.length);
    return fresh.length;
  }

  /**
   * Counts rows the log gained since this room's last compaction — its own and those read from the other
   * instances (however many one catch-up applies in one transaction) — and compacts past the threshold
   * (inside the queue's task that counted them).
   */
  private async logGrew(rows: number): Promise<void> {
    this.appendedSinceCompaction += rows;
    if (this.appendedSinceCompaction >= COMPACT_EVERY) await this.compactNow();
  }

  /** Acts on what another instance said about this room. */
  receive(message: RoomMessage): void {
    if (this.destroyed) return;
    switch (message.kind) {
      case 'update': {
        const offer = this.head.offer(message.seq, message.prev);
        if (offer === 'next') {
          Y.applyUpdate(this.doc, message.update, REMOTE);
          this.countRemote(1);
        } else if (offer === 'gap') void this.catchUp();
        break;
      }
      case 'head':
        if (this.head.offer(message.seq, message.prev) === 'gap') void this.catchUp();
        break;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, REMOTE);
        break;
      case 'queryAwareness':
        this.publishOwnAwareness();
        break;
      default:
        message satisfies never;
    }
  }

  /** Counts an update heard from another instance; past the threshold a compaction takes its turn in the queue. */
  private countRemote(rows: number): void {
    this.appendedSinceCompaction += rows;
    if (this.appendedSinceCompaction < COMPACT_EVERY || this.compactionQueued) return;
    this.compactionQueued = true;
    void this.compact().finally(() => (this.compactionQueued = false));
  }

  private compactionQueued = false;

  /** Tells the other instances the awareness of this instance's own peers (not what it heard from them). */
  publishOwnAwareness(): void {
    const states = this.awareness.getStates();
    const own = [...this.peers].flatMap((p) => [...p.awarenessClients]).filter((id) => states.has(id));
    if (own.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, own);
    this.bus.publish(this.name, { kind: 'awareness', update });
  }

  /** The most this room may hold, in encoded bytes (the meta room is the server's alone: no limit). */
  get sizeLimit(): number {
    if (this.ref?.kind === 'text') return this.settings.textRoomBytes;
    if (this.ref?.kind === 'party') return this.settings.partyRoomBytes;
    return Infinity;
  }

  /**
   * Whether `extra` more bytes would take the room past its size limit. The running estimate over-counts
   * (an update's bytes are more than what it adds to the merged state), so near the limit the document is
   * measured exactly before anything is refused.
   */
  wouldOverflow(extra: number): boolean {
    const limit = this.sizeLimit;
    if (this.sizeEstimate + extra <= limit) return false;
    this.sizeEstimate = Y.encodeStateAsUpdate(this.doc).byteLength;
    return this.sizeEstimate + extra > limit;
  }

  /** The write budget of a person in this room, shared by all their connections to it. */
  budgetOf(personId: string): ByteBudget {
    let budget = this.budgets.get(personId);
    if (!budget) this.budgets.set(personId, (budget = new ByteBudget(this.settings.writeBytesPerMinute)));
    return budget;
  }

  leave(peer: Peer): void {
    this.peers.delete(peer);
    if (peer.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessClients], null);
    }
  }

  destroy(): void {
    this.destroyed = true;
    this.textIndex?.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** An update applied to a room's document and waiting for its turn to be stored, then relayed. */
interface Pending {
  update: Uint8Array;
  meta: UpdateMeta;
  sender: Peer | null;
  message: Uint8Array;
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

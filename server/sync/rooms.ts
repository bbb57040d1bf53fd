import type { Store } from '../storage/store.js';
import { Room } from './room.js';
import type { RoomHooks } from './hooks.js';
import { MemoryClientIds, type ClientIdClaims } from './clientIds.js';
import { syncSettings, type SyncSettings } from './settings.js';
import type { RoomBus } from './bus.js';
import { LocalBus } from './bus/local.js';

/** What the rooms of a server share; each part has a default (claims in memory, limits from the environment). */
export interface RoomsOptions {
  /** Who claimed which Yjs client ids (the server passes its repository). */
  claims?: ClientIdClaims;
  settings?: SyncSettings;
  /** Called after a person's accepted update changed the text of drafts in a party room. */
  onDraftsEdited?: (room: Room, draftIds: string[], personId: string) => void;
  /** The other instances on the same database (none by default). */
  bus?: RoomBus;
}

/**
 * The rooms loaded in memory. A room is loaded from storage on first use (synchronously, so nobody is
 * answered before it is complete) and unloaded, after compaction, when its last peer leaves. With other
 * instances on the bus, a loaded room listens to its channel; once listening it reads the log once more
 * (what was stored between the load and the subscription) and asks for the others' awareness. After a bus
 * outage every loaded room reads what it missed and says how far its log goes.
 */
export class Rooms {
  private readonly loaded = new Map<string, Room>();
  readonly claims: ClientIdClaims;
  readonly settings: SyncSettings;
  readonly onDraftsEdited: NonNullable<RoomsOptions['onDraftsEdited']>;
  readonly bus: RoomBus;
  /** Compactions under way (they wait for a lock): closing waits for them. */
  private readonly compacting = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    /** Features' hooks, run in every room this loads (numbering, in the server). */
    private readonly hooks: RoomHooks = {},
    options: RoomsOptions = {},
  ) {
    this.claims = options.claims ?? new MemoryClientIds();
    this.settings = options.settings ?? syncSettings();
    this.onDraftsEdited = options.onDraftsEdited ?? (() => {});
    this.bus = options.bus ?? new LocalBus();
    this.bus.onReconnect(() => {
      for (const room of this.loaded.values()) {
        room.catchUp();
        // The others may have missed what this instance stored while the bus was down.
        this.bus.publish(room.name, { kind: 'head', seq: room.head.seq, prev: room.head.seq });
        this.bus.publish(room.name, { kind: 'queryAwareness' });
      }
    });
  }

  /** The loaded room, loading it from storage first if needed. */
  open(name: string): Room {
    let room = this.loaded.get(name);
    if (!room) {
      room = new Room(name, this.store, {
        claims: this.claims,
        settings: this.settings,
        hooks: this.hooks,
        bus: this.bus,
      });
      room.compactIfLong();
      this.loaded.set(name, room);
      if (this.bus.shared) this.listen(room);
    }
    return room;
  }

  private listen(room: Room): void {
    void this.bus
      .join(room.name, (message) => room.receive(message))
      .then(() => {
        if (this.loaded.get(room.name) !== room) return;
        room.catchUp();
        this.bus.publish(room.name, { kind: 'queryAwareness' });
      });
  }

  /** Stops a room: no longer listened to, compacted (unless `compact` is false), destroyed. */
  private unload(room: Room, compact: boolean): void {
    if (this.bus.shared) this.bus.leave(room.name);
    if (compact) {
      const done = room.compact();
      this.compacting.add(done);
      void done.then(() => this.compacting.delete(done));
    }
    room.destroy();
  }

  /** The room if it is loaded now, else null (for readers that must not keep a room alive). */
  peek(name: string): Room | null {
    return this.loaded.get(name) ?? null;
  }

  /** Unloads a room that has no peers left. */
  release(room: Room): void {
    if (room.peers.size > 0 || this.loaded.get(room.name) !== room) return;
    this.loaded.delete(room.name);
    this.unload(room, true);
  }

  /** Drops a loaded room without compaction, e.g. after its document was replaced underneath it. */
  evict(name: string): Room | null {
    const room = this.loaded.get(name) ?? null;
    this.loaded.delete(name);
    if (room && this.bus.shared) this.bus.leave(name);
    return room;
  }

  /**
   * Ends every loaded room of a document — its text, meta and party rooms — without compaction: each peer's
   * connection is closed with `code` (a final one, so stock clients do not reconnect and push the old text
   * back) and the rooms are dropped. For a document replaced underneath them.
   */
  discardDocument(documentId: string, code: number, reason: string): void {
    for (const [name, room] of [...this.loaded]) {
      if (name !== documentId && !name.startsWith(`${documentId}/`)) continue;
      this.loaded.delete(name);
      for (const peer of [...room.peers]) peer.close?.(code, reason);
      this.unload(room, false);
    }
  }

  /** Compacts and unloads every room; resolves when their compactions are done. */
  async closeAll(): Promise<void> {
    for (const room of this.loaded.values()) this.unload(room, true);
    this.loaded.clear();
    await Promise.all(this.compacting);
  }
}

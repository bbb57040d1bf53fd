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
 * The rooms loaded in memory. A room is loaded from storage on first use (all of it before anybody is
 * answered; two who open it at once share one load) and unloaded, after its queued writes and a
 * compaction, when its last peer leaves. A room being unloaded is loaded again only once that is done, so
 * the new copy reads every update the old one stored. With other instances on the bus, a loaded room
 * listens to its channel; once listening it reads the log once more (what was stored between the load and
 * the subscription) and asks for the others' awareness. After a bus outage every loaded room reads what it
 * missed and says how far its log goes.
 */
export class Rooms {
  private readonly loaded = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  readonly claims: ClientIdClaims;
  readonly settings: SyncSettings;
  readonly onDraftsEdited: NonNullable<RoomsOptions['onDraftsEdited']>;
  readonly bus: RoomBus;

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
        void room.catchUp().then(() => {
          // The others may have missed what this instance stored while the bus was down.
          this.bus.publish(room.name, { kind: 'head', seq: room.head.seq, prev: room.head.seq });
          this.bus.publish(room.name, { kind: 'queryAwareness' });
        });
      }
    });
  }

  /**
   * The loaded room, loading it from storage first if needed. Whoever opens a room releases it (`release`)
   * when done, unless a peer joined it meanwhile.
   */
  async open(name: string): Promise<Room> {
    const room = this.loaded.get(name);
    if (room) return room;
    let loading = this.loading.get(name);
    if (!loading) {
      loading = this.load(name);
      this.loading.set(name, loading);
      void loading.then(
        () => this.loading.delete(name),
        () => this.loading.delete(name),
      );
    }
    return loading;
  }

  private async load(name: string): Promise<Room> {
    await this.unloading.get(name);
    const room = await Room.load(name, this.store, {
      claims: this.claims,
      settings: this.settings,
      hooks: this.hooks,
      bus: this.bus,
    });
    this.loaded.set(name, room);
    if (this.bus.shared) this.listen(room);
    await room.compactIfLong();
    return room;
  }

  private listen(room: Room): void {
    void this.bus
      .join(room.name, (message) => room.receive(message))
      .then(async () => {
        if (this.loaded.get(room.name) !== room) return;
        await room.catchUp();
        this.bus.publish(room.name, { kind: 'queryAwareness' });
      });
  }

  /** The room if it is loaded now, else null (for readers that must not keep a room alive). */
  peek(name: string): Room | null {
    return this.loaded.get(name) ?? null;
  }

  /** Unloads a room that has no peers left: its queued writes finish, then it is compacted and destroyed. */
  release(room: Room): Promise<void> {
    if (room.peers.size > 0 || this.loaded.get(room.name) !== room) return Promise.resolve();
    this.loaded.delete(room.name);
    if (this.bus.shared) this.bus.leave(room.name);
    const done = room
      .compact()
      .then(() => room.destroy())
      .finally(() => {
        if (this.unloading.get(room.name) === done) this.unloading.delete(room.name);
      });
    this.unloading.set(room.name, done);
    return done;
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
   * back) and the rooms are dropped. For a document replaced underneath them (here or on another instance).
   */
  discardDocument(documentId: string, code: number, reason: string): void {
    for (const [name, room] of [...this.loaded]) {
      if (name !== documentId && !name.startsWith(`${documentId}/`)) continue;
      this.loaded.delete(name);
      if (this.bus.shared) this.bus.leave(name);
      for (const peer of [...room.peers]) peer.close?.(code, reason);
      room.destroy();
    }
  }

  /** Compacts and unloads every room, after their queued writes (the server closes). */
  async closeAll(): Promise<void> {
    const rooms = [...this.loaded.values()];
    this.loaded.clear();
    await Promise.all(
      rooms.map(async (room) => {
        if (this.bus.shared) this.bus.leave(room.name);
        await room.compact();
        room.destroy();
      }),
    );
    await Promise.all([...this.unloading.values()]);
  }
}

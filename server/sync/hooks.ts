import type * as Y from 'yjs';
import type { Room } from './room.js';

/**
 * What a server feature may do around a room's document (Hocuspocus-style optional hooks): run once the
 * stored text is loaded, before anyone is answered, and after each change has been stored and broadcast.
 * A hook that changes the document does so in its own transaction, with a `ServerWrite` origin: that change
 * is stored and broadcast like any other, attributed to the server.
 */
export interface RoomHooks {
  /** The room's stored updates are applied; nobody has been answered until the promise resolves. */
  loaded?(room: Room): Promise<void> | void;
  /**
   * One change has been applied to the room's document; its storing and broadcast are queued (a write the
   * hook queues with `room.enqueue` comes after them).
   */
  afterUpdate?(room: Room, tr: Y.Transaction): void;
  /**
   * A change another instance stored (and ran `afterUpdate` for) has been applied here and sent to this
   * instance's peers: what a hook keeps in memory about the room may need reading again.
   */
  afterRemoteUpdate?(room: Room, tr: Y.Transaction): void;
  /**
   * The number the server gave a chapter, section or measure (a removed one too), for the update check: a
   * client that restores a removed node (an undo) may bring back exactly that number, and no other.
   */
  numberOf?(room: Room, id: string): string | undefined;
}

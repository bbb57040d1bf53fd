/**
 * The room bus: how instances of Akkoord that share one database keep their loaded rooms in step. One
 * instance alone needs none (`bus/local.ts`); several use Redis (`bus/redis.ts`, with REDIS_URL). The bus
 * carries no state of its own: the database is the truth, and every message can be missed without loss,
 * because an instance that notices a gap reads the room's log from the database.
 */

/** What instances tell each other about one room, on that room's channel. */
export type RoomMessage =
  /** An update stored in the room's log as `seq`, right after `prev`: apply it and relay it (never store it). */
  | { kind: 'update'; seq: number; prev: number; update: Uint8Array }
  /**
   * The room's log now reaches `seq` (stored right after `prev`) without new content: a compaction, or an
   * instance back after an outage saying how far the log goes. Whoever has less reads the log.
   */
  | { kind: 'head'; seq: number; prev: number }
  /** An awareness update of the sender's own connections. */
  | { kind: 'awareness'; update: Uint8Array }
  /** Asks every instance to send the awareness of its connections (an instance that just loaded the room). */
  | { kind: 'queryAwareness' };

/** What instances tell each other about people and documents, on one channel for all. */
export type BusEvent =
  /** A person's access was revoked: end their connections. */
  | { kind: 'endPerson'; personId: string }
  /** A browser session ended (signed out, expired): end its connections. `key` is the session's hash. */
  | { kind: 'endSession'; key: string; reason: string }
  /** A document was replaced underneath its rooms: drop them and close their connections with `code`. */
  | { kind: 'discardDocument'; documentId: string; code: number; reason: string }
  /** The chair opened or closed drafting: read the document's mode again before the next message. */
  | { kind: 'draftingChanged'; documentId: string };

/** The seam between the rooms of one instance and the others. Nothing here throws: failures are logged. */
export interface RoomBus {
  /** Whether other instances exist to tell (false for the one-instance bus). */
  readonly shared: boolean;
  /**
   * Listens to a room's channel; resolves once listening (from then on nothing published is missed while
   * the connection holds), or when listening failed (the bus is down: the caller catches up later).
   */
  join(room: string, onMessage: (message: RoomMessage) => void): Promise<void>;
  /** Stops listening to a room's channel. */
  leave(room: string): void;
  /** Tells the other instances with the room loaded; lost if the bus is down (they catch up from the log). */
  publish(room: string, message: RoomMessage): void;
  /** Tells every other instance. */
  announce(event: BusEvent): void;
  /** Called with the events other instances announce. */
  onEvent(handler: (event: BusEvent) => void): void;
  /**
   * Called when the bus is back after an outage (or a slow start): messages published meanwhile may have
   * been missed, so every loaded room catches up from the log.
   */
  onReconnect(handler: () => void): void;
  /**
   * Runs `work` (and waits for it) while holding a lock named `name` that no other instance holds, released afterwards (and
   * by expiry after `ttlMs` should this instance die). Resolves false without running it when another
   * instance holds the lock or the bus is down.
   */
  exclusive(name: string, ttlMs: number, work: () => void | Promise<void>): Promise<boolean>;
  close(): Promise<void>;
}

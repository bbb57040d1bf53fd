import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode, SYNC_PATH } from '../../shared/protocol/protocol.js';
import type { MessageKey } from '../../shared/i18n/messages.js';

/** A room's connection state, as the header shows it. */
export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected'; synced: boolean }
  | { kind: 'disconnected'; reason: MessageKey | null };

/** A joined room: its Y.Doc and the stock y-websocket provider that keeps it in step with the server. */
export interface RoomHandle {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

const REASONS: Partial<Record<number, MessageKey>> = {
  [CloseCode.malformed]: 'closedMalformed',
  [CloseCode.tooLarge]: 'closedTooLarge',
  [CloseCode.tooManyRequests]: 'closedTooMany',
  [CloseCode.notFound]: 'closedNotFound',
  [CloseCode.unauthorized]: 'closedUnauthorized',
  [CloseCode.forbidden]: 'closedForbidden',
  [CloseCode.refused]: 'closedRefused',
  [CloseCode.clientIdTaken]: 'closedClientId',
  [CloseCode.roomFull]: 'closedRoomFull',
  [CloseCode.writeQuota]: 'closedWriteQuota',
  [CloseCode.tooManyConnections]: 'closedTooManyConnections',
  [CloseCode.resync]: 'closedResync',
  [CloseCode.replaced]: 'closedReplaced',
};

/**
 * Close codes after which this browser's copy of the room holds a change the server refused: reconnecting
 * with it would send that change again, so the room starts again from a fresh copy of the server's state
 * (the stock client treats these codes as final and does not reconnect by itself).
 */
const FRESH_START: ReadonlySet<number> = new Set([
  CloseCode.refused,
  CloseCode.clientIdTaken,
  CloseCode.roomFull,
]);

/** The websocket base URL of this page's server (`ws(s)://host/sync`). */
export function syncUrl(): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}${SYNC_PATH}`;
}

/**
 * A room left by its last user stays connected this long: switching tabs back and forth (the notes, the
 * drafts) then costs no reconnection and no second sync.
 */
const LINGER_MS = 30_000;

interface Shared {
  handle: RoomHandle;
  state: ConnectionState;
  /** Why the room started again from the server's copy, until someone dismisses it. */
  notice: MessageKey | null;
  users: number;
  /** Told of every change: the state, the notice, or a fresh handle. */
  listeners: Set<() => void>;
  linger: ReturnType<typeof setTimeout> | null;
}

const joined = new Map<string, Shared>();

function tell(shared: Shared): void {
  for (const listener of shared.listeners) listener();
}

/** Connects `shared` to its room with a new Y.Doc and provider (at first, and after a refused change). */
function connect(room: string, shared: Shared): RoomHandle {
  const doc = new Y.Doc();
  // The session cookie goes with the upgrade request; stock clients elsewhere pass `?token=` instead.
  const provider = new WebsocketProvider(syncUrl(), room, doc);
  const handle = { doc, provider };
  const set = (state: ConnectionState) => {
    if (shared.handle !== handle) return; // a provider replaced after a refusal says nothing more
    shared.state = state;
    tell(shared);
  };
  let lastReason: MessageKey | null = null;
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') set({ kind: 'connected', synced: provider.synced });
    else if (status === 'connecting') set({ kind: 'connecting' });
    else set({ kind: 'disconnected', reason: lastReason });
  });
  provider.on('sync', (synced: boolean) => set({ kind: 'connected', synced }));
  // The stock client (3.x) itself stops reconnecting after a close code in 4400–4499 (no access, no such
  // document, a refused message); codes outside that range (resync, too many messages) reconnect.
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (!event || shared.handle !== handle) return; // closed by this browser itself
    lastReason = REASONS[event.code] ?? null;
    if (!FRESH_START.has(event.code)) return set({ kind: 'disconnected', reason: lastReason });
    // Every user of the room gets the fresh copy: a refused change is never sent again, nor lost silently.
    // The old copy goes first: alive, it would hand the refused change to the new one (y-websocket's
    // BroadcastChannel answers a new provider of the same room in this page).
    provider.destroy();
    doc.destroy();
    shared.notice = lastReason;
    shared.state = { kind: 'connecting' };
    shared.handle = connect(room, shared);
    tell(shared);
  });
  return handle;
}

function open(room: string): Shared {
  const shared = {
    state: { kind: 'connecting' },
    notice: null,
    users: 0,
    listeners: new Set(),
    linger: null,
  } as Omit<Shared, 'handle'> as Shared;
  shared.handle = connect(room, shared);
  return shared;
}

/** A use of a shared room: its handle, its state now, and how to follow it and let go of it. */
export interface RoomUse {
  /** The room's Y.Doc and provider now (a new pair after the server refused a change; see `follow`). */
  readonly handle: RoomHandle;
  state(): ConnectionState;
  /** Why the room started again from the server's copy, or null. */
  notice(): MessageKey | null;
  /** Clears the notice for every user of the room. */
  dismissNotice(): void;
  /** Calls `listener` on every change of the state, the notice or the handle; returns how to stop. */
  follow(listener: (state: ConnectionState) => void): () => void;
  release(): void;
}

/**
 * Joins a room, or shares the connection already open to it: one websocket per room for the whole page,
 * however many features use it (the text, the meta room, the party room of notes, drafts and threads).
 * Each use must be released; the connection ends a while after the last one.
 */
export function acquireRoom(room: string): RoomUse {
  let shared = joined.get(room);
  if (!shared) joined.set(room, (shared = open(room)));
  const current = shared;
  if (current.linger) clearTimeout(current.linger);
  current.linger = null;
  current.users++;
  let released = false;
  return {
    get handle() {
      return current.handle;
    },
    state: () => current.state,
    notice: () => current.notice,
    dismissNotice() {
      current.notice = null;
      tell(current);
    },
    follow(listener) {
      const call = () => listener(current.state);
      current.listeners.add(call);
      return () => current.listeners.delete(call);
    },
    release() {
      if (released) return;
      released = true;
      if (--current.users > 0) return;
      current.linger = setTimeout(() => {
        if (current.users > 0 || joined.get(room) !== current) return;
        joined.delete(room);
        current.handle.provider.destroy();
        current.handle.doc.destroy();
      }, LINGER_MS);
    },
  };
}

/** How many rooms this page is connected to now (for tests and the load benchmark). */
export function joinedRooms(): string[] {
  return [...joined.keys()];
}

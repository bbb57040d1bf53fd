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
};

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
  users: number;
  listeners: Set<(state: ConnectionState) => void>;
  linger: ReturnType<typeof setTimeout> | null;
}

const joined = new Map<string, Shared>();

function open(room: string): Shared {
  const doc = new Y.Doc();
  // The session cookie goes with the upgrade request; stock clients elsewhere pass `?token=` instead.
  const provider = new WebsocketProvider(syncUrl(), room, doc);
  const shared: Shared = {
    handle: { doc, provider },
    state: { kind: 'connecting' },
    users: 0,
    listeners: new Set(),
    linger: null,
  };
  const set = (state: ConnectionState) => {
    shared.state = state;
    for (const listener of shared.listeners) listener(state);
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
    if (!event) return; // closed by this browser itself
    lastReason = REASONS[event.code] ?? null;
    set({ kind: 'disconnected', reason: lastReason });
  });
  return shared;
}

/** A use of a shared room: its handle, its state now, and how to follow it and let go of it. */
export interface RoomUse {
  handle: RoomHandle;
  state(): ConnectionState;
  /** Calls `listener` on every change of the connection's state; returns how to stop. */
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
    handle: current.handle,
    state: () => current.state,
    follow(listener) {
      current.listeners.add(listener);
      return () => current.listeners.delete(listener);
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

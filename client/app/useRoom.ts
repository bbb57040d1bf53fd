import { useCallback, useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode, SYNC_PATH } from '../../shared/protocol/protocol.js';
import type { MessageKey } from '../../shared/i18n/messages.js';

/** The connection's state, as the header shows it. */
export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected'; synced: boolean }
  | { kind: 'disconnected'; reason: MessageKey | null };

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
 * Joins a room with the stock y-websocket client, and follows its connection. The provider reconnects on its
 * own; edits made while offline are kept in the Y.Doc and merged when it is back. When the server refused a
 * change of this browser, the room starts again from the server's copy and `notice` says what happened,
 * until it is dismissed: a refused change is never lost silently.
 */
export function useRoom(room: string): {
  handle: RoomHandle | null;
  connection: ConnectionState;
  notice: MessageKey | null;
  dismissNotice: () => void;
} {
  const [handle, setHandle] = useState<RoomHandle | null>(null);
  const [connection, setConnection] = useState<ConnectionState>({ kind: 'connecting' });
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const doc = new Y.Doc();
    // The session cookie goes with the upgrade request; stock clients elsewhere pass `?token=` instead.
    const provider = new WebsocketProvider(syncUrl(), room, doc);
    let lastReason: MessageKey | null = null;
    provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') setConnection({ kind: 'connected', synced: provider.synced });
      else if (status === 'connecting') setConnection({ kind: 'connecting' });
      else setConnection({ kind: 'disconnected', reason: lastReason });
    });
    provider.on('sync', (synced: boolean) => setConnection({ kind: 'connected', synced }));
    // The stock client (3.x) itself stops reconnecting after a close code in 4400–4499 (no access, no such
    // document, a refused message); codes outside that range (resync, too many messages) reconnect.
    provider.on('connection-close', (event: CloseEvent | null) => {
      if (!event) return; // closed by this browser itself
      lastReason = REASONS[event.code] ?? null;
      setConnection({ kind: 'disconnected', reason: lastReason });
      if (FRESH_START.has(event.code)) {
        setNotice(lastReason);
        setGeneration((g) => g + 1);
      }
    });
    setHandle({ doc, provider });
    return () => {
      provider.destroy();
      doc.destroy();
      setHandle(null);
    };
  }, [room, generation]);

  const dismissNotice = useCallback(() => setNotice(null), []);
  return { handle, connection, notice, dismissNotice };
}

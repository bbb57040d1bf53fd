import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../shared/i18n/messages.js';
import { acquireRoom, type ConnectionState, type RoomHandle, type RoomUse } from './rooms.js';

export { syncUrl, type ConnectionState, type RoomHandle } from './rooms.js';

/**
 * Uses a room through the page's one shared connection to it (see rooms.ts), and follows that connection;
 * none while `room` is null. The provider reconnects on its own; edits made while offline are kept in the
 * Y.Doc and merged when it is back. When the server refused a change of this browser, the room starts again
 * from the server's copy (a new handle) and `notice` says what happened, until it is dismissed: a refused
 * change is never lost silently.
 */
export function useRoom(room: string | null): {
  handle: RoomHandle | null;
  connection: ConnectionState;
  notice: MessageKey | null;
  dismissNotice: () => void;
} {
  const [handle, setHandle] = useState<RoomHandle | null>(null);
  const [connection, setConnection] = useState<ConnectionState>({ kind: 'connecting' });
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const current = useRef<RoomUse | null>(null);

  useEffect(() => {
    if (room === null) return;
    const use = acquireRoom(room);
    current.current = use;
    const sync = () => {
      setHandle(use.handle);
      setConnection(use.state());
      setNotice(use.notice());
    };
    sync();
    const stop = use.follow(sync);
    return () => {
      stop();
      use.release();
      current.current = null;
      setHandle(null);
    };
  }, [room]);

  const dismissNotice = useCallback(() => current.current?.dismissNotice(), []);
  return { handle, connection, notice, dismissNotice };
}

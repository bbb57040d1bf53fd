import { useEffect, useState } from 'react';
import { acquireRoom, type ConnectionState, type RoomHandle } from './rooms.js';

export { syncUrl, type ConnectionState, type RoomHandle } from './rooms.js';

/**
 * Uses a room through the page's one shared connection to it (see rooms.ts), and follows that connection;
 * none while `room` is null.
 * The provider reconnects on its own; edits made while offline are kept in the Y.Doc and merged when it is
 * back.
 */
export function useRoom(room: string | null): { handle: RoomHandle | null; connection: ConnectionState } {
  const [handle, setHandle] = useState<RoomHandle | null>(null);
  const [connection, setConnection] = useState<ConnectionState>({ kind: 'connecting' });

  useEffect(() => {
    if (room === null) return;
    const use = acquireRoom(room);
    setHandle(use.handle);
    setConnection(use.state());
    const stop = use.follow(setConnection);
    return () => {
      stop();
      use.release();
      setHandle(null);
    };
  }, [room]);

  return { handle, connection };
}

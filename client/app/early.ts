import { acquireRoom } from './rooms.js';
import { api, type Me } from './session.js';

let me: Promise<Me> | null = null;

/**
 * On a document's address, starts at once — before the page's React code has been read — what the page
 * will wait for: joining its text room (the session cookie goes with the websocket too) and asking
 * `/api/me`, in parallel. The page takes both over when it mounts (the room's connection ends a while after
 * if it never does, see rooms.ts).
 */
export function joinEarly(pathname: string): void {
  const match = /^\/d\/([^/]+)\/?$/.exec(pathname);
  if (!match) return;
  acquireRoom(decodeURIComponent(match[1]!)).release();
  me = api<Me>('GET', '/api/me');
  // Whoever takes it handles a failure; until then it is not an unhandled rejection.
  me.catch(() => undefined);
}

/** `/api/me` as asked early, once (later askers ask again). */
export function takeEarlyMe(): Promise<Me> | null {
  const taken = me;
  me = null;
  return taken;
}

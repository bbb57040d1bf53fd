import type * as Y from 'yjs';
import type { Rooms } from './rooms.js';

/**
 * Changes a room's document on the server, on behalf of a person: the change is stored (attributed to them)
 * and broadcast to everyone in the room like any other update. Loads the room if nobody is in it, and
 * unloads it again afterwards.
 */
export function writeRoom<T>(
  rooms: Rooms,
  room: string,
  personId: string | null,
  change: (doc: Y.Doc) => T,
  /**
   * The party the change is made for (an accepted amendment: the chair writes it, the proposer's party
   * asked), and the person its words are credited to (the amendment's first author).
   */
  options: { onBehalfOf?: string; authorId?: string } = {},
): T {
  const loaded = rooms.open(room);
  try {
    let result!: T;
    loaded.doc.transact(
      () => {
        result = change(loaded.doc);
      },
      {
        serverWrite: true,
        personId,
        onBehalfOf: options.onBehalfOf ?? null,
        authorId: options.authorId ?? null,
      },
    );
    return result;
  } finally {
    rooms.release(loaded);
  }
}

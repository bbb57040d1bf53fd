import type * as Y from 'yjs';
import type { Rooms } from './rooms.js';

/**
 * Changes a room's document on the server, on behalf of a person: the change is stored (attributed to them)
 * and broadcast to everyone in the room like any other update; the promise resolves once it is stored.
 * Loads the room if nobody is in it, and unloads it again afterwards.
 */
export async function writeRoom<T>(
  rooms: Rooms,
  room: string,
  personId: string | null,
  change: (doc: Y.Doc) => T,
  /**
   * The party the change is made for (an accepted amendment: the chair writes it, the proposer's party
   * asked), and the person its words are credited to (the amendment's first author).
   */
  options: { onBehalfOf?: string; authorId?: string } = {},
): Promise<T> {
  const loaded = await rooms.open(room);
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
    await loaded.stored();
    return result;
  } finally {
    await rooms.release(loaded);
  }
}

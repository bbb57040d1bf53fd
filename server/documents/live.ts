import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { Node } from 'prosemirror-model';
import { schema } from '../../shared/schema/schema.js';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { readDocument } from '../../shared/agenda/read.js';
import type { Agenda } from '../../shared/agenda/types.js';
import type { Store } from '../storage/store.js';
import type { Rooms } from '../sync/rooms.js';
import { applyStoredUpdates } from '../sync/room.js';

/**
 * Runs `read` on the live Y.Doc of a document: the loaded room's when people are in it, else one loaded from
 * storage for this read only (so reading never keeps a room alive).
 */
export async function withLiveDoc<T>(
  store: Store,
  rooms: Rooms,
  id: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const room = rooms.peek(id);
  if (room) return read(room.doc);
  const updates = await store.fetchUpdates(id);
  const loaded = rooms.peek(id);
  if (loaded) return read(loaded.doc);
  const doc = new Y.Doc();
  try {
    applyStoredUpdates(doc, updates);
    return read(doc);
  } finally {
    doc.destroy();
  }
}

/** The ProseMirror document of a Y.Doc's agenda text. */
export function proseMirrorOf(doc: Y.Doc): Node {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(TEXT_FRAGMENT), schema);
}

/** The live text of a document as agenda JSON (ids and stable numbers as stored). */
export function liveAgenda(store: Store, rooms: Rooms, id: string): Promise<Agenda> {
  return withLiveDoc(store, rooms, id, (doc) => readDocument(proseMirrorOf(doc)));
}

import * as Y from 'yjs';
import { updateYFragment } from 'y-prosemirror';
import type { Node } from 'prosemirror-model';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { readDocument } from '../../shared/agenda/read.js';
import type { Agenda } from '../../shared/agenda/types.js';
import { proseMirrorOf, withLiveDoc } from '../documents/live.js';
import type { Store } from '../storage/store.js';
import type { Rooms } from '../sync/rooms.js';
import { writeRoom } from '../sync/serverWrite.js';

/** The live text of a document at one moment: as agenda JSON and as the Yjs state that rebuilds it exactly. */
export interface TextSnapshot {
  agenda: Agenda;
  state: Uint8Array;
  /** The Yjs state vector: equal vectors mean no change in between. */
  stateVector: Uint8Array;
}

/** Takes a snapshot of a document's live text (the loaded room's, or the stored one). */
export function snapshotLive(store: Store, rooms: Rooms, documentId: string): Promise<TextSnapshot> {
  return withLiveDoc(store, rooms, documentId, (doc) => ({
    agenda: readDocument(proseMirrorOf(doc)),
    state: Y.encodeStateAsUpdate(doc),
    stateVector: Y.encodeStateVector(doc),
  }));
}

/** The state vector of a document's live text: cheap to compare, to tell whether anything changed. */
export function liveStateVector(store: Store, rooms: Rooms, documentId: string): Promise<Uint8Array> {
  return withLiveDoc(store, rooms, documentId, (doc) => Y.encodeStateVector(doc));
}

/** The ProseMirror document a stored Yjs state holds. */
export function proseMirrorOfState(state: Uint8Array): Node {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return proseMirrorOf(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Makes the live text equal to `target` as one new change on behalf of `personId`: stored with them,
 * broadcast live to everyone in the room, undoable by restoring another version. History is never
 * rewritten. y-prosemirror's `updateYFragment` changes only what differs (unchanged measures keep
 * their Yjs items, so ids, comments' anchors and the update stay small).
 */
export async function replaceLiveText(
  rooms: Rooms,
  documentId: string,
  personId: string,
  target: Node,
): Promise<void> {
  await writeRoom(rooms, documentId, personId, (doc) => {
    updateYFragment(doc, doc.getXmlFragment(TEXT_FRAGMENT), target, {
      mapping: new Map(),
      isOMark: new Map(),
    });
  });
}

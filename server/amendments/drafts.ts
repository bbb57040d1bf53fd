/**
 * Draft amendments in their party's private room (`<doc>/party/<PARTY>`): a Y.Map per draft whose text and
 * rationale are Y.Texts, so the party's negotiators draft together live and no other party receives a byte.
 */
import * as Y from 'yjs';
import { roomName } from '../../shared/protocol/rooms.js';
import { PARTY_DRAFTS } from '../../shared/amendments/types.js';
import type { Amendment } from '../../shared/amendments/types.js';
import type { Store } from '../storage/store.js';
import type { Rooms } from '../sync/rooms.js';
import type { Room } from '../sync/room.js';
import { writeRoom } from '../sync/serverWrite.js';
import { withLiveDoc } from '../documents/live.js';

/** A draft as drafted so far. */
export interface DraftContent {
  text: string;
  rationale: string;
  authors: string[];
}

function partyRoom(documentId: string, party: string): string {
  return roomName({ kind: 'party', documentId, party });
}

function readEntry(entry: unknown): DraftContent | null {
  if (!(entry instanceof Y.Map)) return null;
  const text = entry.get('text');
  const rationale = entry.get('rationale');
  const authors = entry.get('authors');
  return {
    text: text instanceof Y.Text ? text.toString() : '',
    rationale: rationale instanceof Y.Text ? rationale.toString() : '',
    authors:
      authors instanceof Y.Array ? authors.toArray().filter((a): a is string => typeof a === 'string') : [],
  };
}

/** Creates a draft in its party's room, on behalf of its first author. */
export async function createDraft(rooms: Rooms, amendment: Amendment, personId: string): Promise<void> {
  await writeRoom(rooms, partyRoom(amendment.documentId, amendment.party), personId, (doc) => {
    const entry = new Y.Map<unknown>();
    doc.getMap(PARTY_DRAFTS).set(amendment.id, entry);
    entry.set('id', amendment.id);
    entry.set('number', amendment.number);
    entry.set('measureId', amendment.measureId);
    entry.set('kind', amendment.kind);
    entry.set('createdAt', amendment.createdAt);
    if (amendment.parent !== null) entry.set('parent', amendment.parent);
    entry.set('text', new Y.Text(amendment.text ?? ''));
    entry.set('rationale', new Y.Text(amendment.rationale));
    entry.set('authors', Y.Array.from(amendment.authors));
  });
}

/** The drafts of a party as drafted now: id → content (reading never keeps the room loaded). */
export async function readDrafts(
  store: Store,
  rooms: Rooms,
  documentId: string,
  party: string,
): Promise<Map<string, DraftContent>> {
  return await withLiveDoc(store, rooms, partyRoom(documentId, party), (doc) => {
    const out = new Map<string, DraftContent>();
    doc.getMap(PARTY_DRAFTS).forEach((entry, id) => {
      const content = readEntry(entry);
      if (content) out.set(id, content);
    });
    return out;
  });
}

/** Replaces a draft's text and rationale (by small edits, as a person typing would). */
export async function writeDraft(
  rooms: Rooms,
  amendment: Amendment,
  personId: string,
  content: { text?: string; rationale?: string },
): Promise<boolean> {
  return await writeRoom(rooms, partyRoom(amendment.documentId, amendment.party), personId, (doc) => {
    const entry = doc.getMap(PARTY_DRAFTS).get(amendment.id);
    if (!(entry instanceof Y.Map)) return false;
    for (const field of ['text', 'rationale'] as const) {
      const value = content[field];
      const target = entry.get(field);
      if (value === undefined || !(target instanceof Y.Text)) continue;
      target.delete(0, target.length);
      target.insert(0, value);
    }
    const authors = entry.get('authors');
    if (authors instanceof Y.Array && !authors.toArray().includes(personId)) authors.push([personId]);
    return true;
  });
}

/** Removes a draft from its party's room (once submitted or withdrawn). */
export async function removeDraft(rooms: Rooms, amendment: Amendment, personId: string): Promise<void> {
  await writeRoom(rooms, partyRoom(amendment.documentId, amendment.party), personId, (doc) => {
    doc.getMap(PARTY_DRAFTS).delete(amendment.id);
  });
}

/**
 * Adds a person to the authors of the drafts whose text or rationale they just typed in (their update was
 * accepted in the party room): a server write, so a client never writes the authors itself.
 */
export function addDraftAuthors(room: Room, draftIds: string[], personId: string): void {
  const drafts = room.doc.getMap(PARTY_DRAFTS);
  const lists = draftIds
    .map((id) => drafts.get(id))
    .map((entry) => (entry instanceof Y.Map ? entry.get('authors') : null))
    .filter((a): a is Y.Array<string> => a instanceof Y.Array && !a.toArray().includes(personId));
  if (lists.length === 0) return;
  room.doc.transact(
    () => {
      for (const authors of lists) authors.push([personId]);
    },
    { serverWrite: true, personId, onBehalfOf: null },
  );
}

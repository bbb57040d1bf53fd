/**
 * Search on the server (`GET /documents/:id/search?q=`): the same entries and the same matching as in the
 * browser (shared/search), over the rooms the person may open — the text, the meta room, and their own
 * party's room — never another party's. Each room's entries are folded once and kept until the room changes.
 */
import type * as Y from 'yjs';
import type { AppContext } from '../context.js';
import type { PersonRecord } from '../people/repository.js';
import { withLiveDoc, proseMirrorOf } from '../documents/live.js';
import { roomAccess } from '../auth/access.js';
import { roomName, type RoomRef } from '../../shared/protocol/rooms.js';
import { readDocument } from '../../shared/agenda/read.js';
import {
  entriesOfAgenda,
  entriesOfMeta,
  entriesOfPartyRoom,
  prepare,
  search,
  type PreparedEntry,
  type SearchEntry,
  type SearchResult,
} from '../../shared/search/index.js';

interface Cached {
  version: string;
  prepared: PreparedEntry[];
  numbers: Map<string, string>;
}

const NO_NUMBERS = new Map<string, string>();

/**
 * How far a room's stored log has come: its length and the time of its newest update. Every change of a room
 * is appended before anyone sees it, so an unchanged version means an unchanged room, loaded now or not
 * (compaction changes the length but not the content: at worst one needless re-read).
 */
function roomVersion(store: AppContext['store'], room: string): string {
  return `${store.countUpdates(room)}@${store.lastUpdateAt(room) ?? ''}`;
}

/** Searches what a person may see in a document. */
export class SearchService {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly ctx: AppContext) {}

  /** The hits of `query` for `person`: measures and titles, amendments, threads. */
  search(person: PersonRecord, query: string): SearchResult {
    const documentId = person.documentId;
    const drafting = this.ctx.people.drafting(documentId);
    const rooms: {
      ref: RoomRef;
      read: (doc: Y.Doc) => { entries: SearchEntry[]; numbers?: Map<string, string> };
    }[] = [
      { ref: { kind: 'text', documentId }, read: (doc) => entriesOfAgenda(readDocument(proseMirrorOf(doc))) },
      { ref: { kind: 'meta', documentId }, read: (doc) => ({ entries: entriesOfMeta(doc) }) },
      {
        ref: { kind: 'party', documentId, party: person.party },
        read: (doc) => ({ entries: entriesOfPartyRoom(doc, person.party) }),
      },
    ];
    const parts = rooms
      .filter(({ ref }) => roomAccess(person, ref, drafting) !== 'none')
      .map(({ ref, read }) => this.entries(roomName(ref), read));
    const numbers = parts[0]?.numbers ?? NO_NUMBERS;
    const text = parts[0]?.prepared ?? [];
    // Amendments (the meta room's, then the party's drafts), then threads, as the browser lists them.
    const rest = parts.slice(1).flatMap((p) => p.prepared);
    const ordered = [
      ...text,
      ...rest.filter((p) => p.entry.kind === 'amendment'),
      ...rest.filter((p) => p.entry.kind === 'thread'),
    ];
    return search(ordered, query, (id) => numbers.get(id) ?? null);
  }

  /** A room's prepared entries, read again only when its stored log moved on. */
  private entries(
    room: string,
    read: (doc: Y.Doc) => { entries: SearchEntry[]; numbers?: Map<string, string> },
  ): Cached {
    const version = roomVersion(this.ctx.store, room);
    const cached = this.cache.get(room);
    if (cached && cached.version === version) return cached;
    const { entries, numbers } = withLiveDoc(this.ctx.store, this.ctx.rooms, room, read);
    const fresh = { version, prepared: entries.map(prepare), numbers: numbers ?? NO_NUMBERS };
    this.cache.set(room, fresh);
    return fresh;
  }
}

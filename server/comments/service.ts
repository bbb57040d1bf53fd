import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { AppContext } from '../context.js';
import type { PersonRecord } from '../people/repository.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.js';
import { writeRoom } from '../sync/serverWrite.js';
import { withLiveDoc } from '../documents/live.js';
import { roomName } from '../../shared/protocol/rooms.js';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import {
  THREADS_MAP,
  type Anchor,
  type Audience,
  type AuthorRef,
  type Thread,
} from '../../shared/comments/types.js';
import { flatOffset, normalizeQuote, unitPosition, type Resolution } from '../../shared/comments/anchor.js';
import {
  anchorSpan,
  findInMeasure,
  hasMeasure,
  hintOf,
  resolveAnchors,
  textUnitsOf,
  type YTextUnits,
} from '../../shared/comments/yAnchor.js';
import {
  byDocumentOrder,
  isOpen,
  threadsOf,
  withEditedMessage,
  withMessage,
  withStatus,
  withoutMessage,
} from '../../shared/comments/threads.js';
import type { CommentRepository } from './repository.js';

/** Where to put a thread: a measure and a quote in it, optionally the exact span as relative positions. */
export interface PlaceInput {
  measure?: string;
  quote: string;
  /** Relative positions (base64) of the selection the person made; the server checks they read as the quote. */
  at?: { start: string; end: string };
}

/** A thread as the API shows it: where it stands now and whether it lost its words. */
export interface ThreadView {
  id: string;
  audience: Audience;
  party: string;
  status: 'open' | 'resolved';
  resolved: { by: AuthorRef; at: string } | null;
  anchor: {
    /** The measure the words are in now (the original one when detached); null outside measures. */
    measureId: string | null;
    quote: string;
    /** The words at the anchor now (they may differ a little from the quote); null when detached. */
    current: string | null;
  };
  detached: boolean;
  createdAt: string;
  createdBy: AuthorRef;
  messages: Thread['messages'];
}

const authorOf = (p: PersonRecord): AuthorRef => ({ personId: p.id, name: p.name, party: p.party });

/**
 * Comment threads: who may see and change what, and where each kind is kept. Everyone-threads are
 * stored in SQLite and mirrored into the meta room; party threads are written into the party's own room.
 */
export class CommentService {
  readonly repository: CommentRepository;

  constructor(
    private readonly ctx: AppContext,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repository = ctx.comments;
  }

  /** Threads the person may see (everyone's and their own party's), in document order, resolved against the live text. */
  list(person: PersonRecord, filter: { measure?: string; status?: 'open' | 'resolved' } = {}): ThreadView[] {
    const threads = [...this.repository.list(person.documentId), ...this.partyThreads(person)];
    const views = this.resolve(person.documentId, threads);
    return views.filter(
      (v) =>
        (filter.measure === undefined || v.anchor.measureId === filter.measure) &&
        (filter.status === undefined || v.status === filter.status),
    );
  }

  /** One thread the person may see, or 404 (another party's thread does not exist for them). */
  view(person: PersonRecord, threadId: string): ThreadView {
    return this.resolve(person.documentId, [this.find(person, threadId)])[0]!;
  }

  /** Starts a thread with its first message. */
  create(person: PersonRecord, input: PlaceInput & { audience: Audience; text: string }): ThreadView {
    const anchor = this.place(person.documentId, input);
    const at = this.now().toISOString();
    const author = authorOf(person);
    const thread: Thread = {
      id: `t-${randomUUID()}`,
      documentId: person.documentId,
      audience: input.audience,
      party: person.party,
      anchor,
      status: { kind: 'open' },
      createdAt: at,
      createdBy: author,
      messages: [{ id: `c-${randomUUID()}`, author, text: input.text, createdAt: at, editedAt: null }],
    };
    this.save(person, thread);
    this.ctx.events.emit({ kind: 'comment.posted', thread, message: thread.messages[0]!, actor: person });
    return this.view(person, thread.id);
  }

  /** Adds a reply. */
  reply(person: PersonRecord, threadId: string, text: string): ThreadView {
    const thread = this.find(person, threadId);
    const at = this.now().toISOString();
    const message = {
      id: `c-${randomUUID()}`,
      author: authorOf(person),
      text,
      createdAt: at,
      editedAt: null,
    };
    const next = withMessage(thread, message);
    this.save(person, next);
    this.ctx.events.emit({ kind: 'comment.posted', thread: next, message, actor: person });
    return this.view(person, threadId);
  }

  /** Changes one's own message. */
  edit(person: PersonRecord, threadId: string, messageId: string, text: string): ThreadView {
    const thread = this.find(person, threadId);
    this.ownMessage(person, thread, messageId);
    this.save(person, withEditedMessage(thread, messageId, text, this.now().toISOString()));
    return this.view(person, threadId);
  }

  /** Deletes one's own message; a thread without messages is deleted with it. Returns the thread, or null. */
  deleteMessage(person: PersonRecord, threadId: string, messageId: string): ThreadView | null {
    const thread = this.find(person, threadId);
    this.ownMessage(person, thread, messageId);
    const next = withoutMessage(thread, messageId);
    if (next) {
      this.save(person, next);
      return this.view(person, threadId);
    }
    this.remove(person, thread);
    return null;
  }

  /** Resolves or reopens a thread. */
  setResolved(person: PersonRecord, threadId: string, resolved: boolean): ThreadView {
    const thread = this.find(person, threadId);
    if (isOpen(thread) !== resolved) {
      throw new Conflict(
        `thread ${thread.status.kind}`,
        resolved ? 'Deze draad is al afgehandeld.' : 'Deze draad is al open.',
      );
    }
    this.save(
      person,
      withStatus(
        thread,
        resolved ? { resolve: true, by: authorOf(person), at: this.now().toISOString() } : { resolve: false },
      ),
    );
    return this.view(person, threadId);
  }

  /** Puts a (detached) thread on new words. */
  reattach(person: PersonRecord, threadId: string, input: PlaceInput): ThreadView {
    const thread = this.find(person, threadId);
    this.save(person, { ...thread, anchor: this.place(person.documentId, input) });
    return this.view(person, threadId);
  }

  /**
   * Makes the meta room show exactly the stored everyone-threads (after a crash between the database and
   * the room, or a room that was compacted away). Writes only when something differs.
   */
  mirrorAll(documentId: string): void {
    const stored = new Map(this.repository.list(documentId).map((t) => [t.id, JSON.stringify(t)]));
    const meta = roomName({ kind: 'meta', documentId });
    const differs = withLiveDoc(this.ctx.store, this.ctx.rooms, meta, (doc) => {
      const map = doc.getMap(THREADS_MAP);
      if (map.size !== stored.size) return true;
      for (const [id, json] of stored) if (JSON.stringify(map.get(id)) !== json) return true;
      return false;
    });
    if (!differs) return;
    writeRoom(this.ctx.rooms, meta, null, (doc) => {
      const map = doc.getMap(THREADS_MAP);
      for (const id of [...map.keys()]) if (!stored.has(id)) map.delete(id);
      for (const [id, json] of stored)
        if (JSON.stringify(map.get(id)) !== json) map.set(id, JSON.parse(json));
    });
  }

  private partyRoom(person: PersonRecord): string {
    return roomName({ kind: 'party', documentId: person.documentId, party: person.party });
  }

  /** The threads in the person's party room (written there by the server or by the party's own members). */
  private partyThreads(person: PersonRecord): Thread[] {
    return withLiveDoc(this.ctx.store, this.ctx.rooms, this.partyRoom(person), (doc) =>
      threadsOf(doc.getMap(THREADS_MAP).values()).filter(
        (t) => t.audience === 'party' && t.documentId === person.documentId,
      ),
    );
  }

  private find(person: PersonRecord, threadId: string): Thread {
    const stored = this.repository.get(threadId);
    if (stored && stored.documentId === person.documentId) return stored;
    const own = this.partyThreads(person).find((t) => t.id === threadId);
    if (own) return own;
    throw new NotFound('thread', 'Deze opmerking bestaat niet (meer).');
  }

  private ownMessage(person: PersonRecord, thread: Thread, messageId: string): void {
    const message = thread.messages.find((m) => m.id === messageId);
    if (!message) throw new NotFound('message', 'Dit bericht bestaat niet (meer).');
    if (message.author.personId !== person.id)
      throw new Forbidden(
        person.role,
        'comment.write',
        'U kunt alleen uw eigen berichten wijzigen of verwijderen.',
      );
  }

  private save(person: PersonRecord, thread: Thread): void {
    switch (thread.audience) {
      case 'everyone':
        this.repository.save(thread);
        writeRoom(
          this.ctx.rooms,
          roomName({ kind: 'meta', documentId: thread.documentId }),
          person.id,
          (doc) => doc.getMap(THREADS_MAP).set(thread.id, thread),
        );
        return;
      case 'party':
        writeRoom(this.ctx.rooms, this.partyRoom(person), person.id, (doc) =>
          doc.getMap(THREADS_MAP).set(thread.id, thread),
        );
        return;
    }
  }

  private remove(person: PersonRecord, thread: Thread): void {
    switch (thread.audience) {
      case 'everyone':
        this.repository.delete(thread.id);
        writeRoom(
          this.ctx.rooms,
          roomName({ kind: 'meta', documentId: thread.documentId }),
          person.id,
          (doc) => doc.getMap(THREADS_MAP).delete(thread.id),
        );
        return;
      case 'party':
        writeRoom(this.ctx.rooms, this.partyRoom(person), person.id, (doc) =>
          doc.getMap(THREADS_MAP).delete(thread.id),
        );
        return;
    }
  }

  /** An anchor on the live text: the person's exact selection if it reads as the quote, else the quote's first occurrence in the measure. */
  private place(documentId: string, input: PlaceInput): Anchor {
    const quote = input.quote.trim();
    if (quote === '') throw new Invalid('Kies de woorden waarop de opmerking gaat.');
    const anchor = withLiveDoc(this.ctx.store, this.ctx.rooms, documentId, (doc) => {
      const units = textUnitsOf(doc.getXmlFragment(TEXT_FRAGMENT));
      if (input.at) {
        const span = selectionSpan(doc, units, input.at, quote);
        if (span) return anchorSpan(units, span.from, span.to);
      }
      if (input.measure === undefined) return 'unplaced' as const;
      if (!hasMeasure(units, input.measure)) return 'no-measure' as const;
      const span = findInMeasure(units, input.measure, quote);
      return span ? anchorSpan(units, span.from, span.to) : null;
    });
    if (anchor === 'unplaced')
      throw new Conflict(
        'text not yet synced',
        'De gekozen tekst is nog niet bij de server aangekomen; probeer het zo opnieuw.',
      );
    if (anchor === 'no-measure') throw new NotFound('measure', `Er is geen maatregel "${input.measure}".`);
    if (!anchor) throw new Invalid(`De tekst "${quote}" staat niet in maatregel ${input.measure}.`);
    return anchor;
  }

  private resolve(documentId: string, threads: Thread[]): ThreadView[] {
    const items = withLiveDoc(this.ctx.store, this.ctx.rooms, documentId, (doc) => {
      const { units, resolutions } = resolveAnchors(
        doc,
        doc.getXmlFragment(TEXT_FRAGMENT),
        threads.map((t) => t.anchor),
      );
      return threads.map((thread, i) => ({ thread, resolution: resolutions[i]!, units }));
    });
    return byDocumentOrder(items).map(({ thread, resolution, units }) => toView(thread, resolution, units));
  }
}

/** The flat span a person's selection covers now, when it reads as the quote. */
function selectionSpan(
  doc: Y.Doc,
  units: YTextUnits,
  at: { start: string; end: string },
  quote: string,
): { from: number; to: number } | null {
  const hint = hintOf(doc, units, at);
  if (!hint.start || !hint.end) return null;
  const from = flatOffset(units.flat, hint.start);
  const to = flatOffset(units.flat, hint.end);
  if (to <= from || normalizeQuote(units.flat.text.slice(from, to)).trim() !== normalizeQuote(quote))
    return null;
  return { from, to };
}

function toView(thread: Thread, resolution: Resolution, units: YTextUnits): ThreadView {
  const anchored = resolution.kind === 'anchored' ? resolution : null;
  const unit = anchored ? units.flat.units[unitPosition(units.flat, anchored.from).unit] : undefined;
  return {
    id: thread.id,
    audience: thread.audience,
    party: thread.party,
    status: thread.status.kind,
    resolved: thread.status.kind === 'resolved' ? { by: thread.status.by, at: thread.status.at } : null,
    anchor: {
      measureId: anchored ? (unit?.measureId ?? null) : thread.anchor.measureId,
      quote: thread.anchor.quote,
      current: anchored ? units.flat.text.slice(anchored.from, anchored.to) : null,
    },
    detached: anchored === null,
    createdAt: thread.createdAt,
    createdBy: thread.createdBy,
    messages: thread.messages,
  };
}

/**
 * The server hands out the numbers of chapters, sections and measures, and only the server: clients create
 * nodes with number '' and never change one. After every change to a text room that brings a node without
 * its number (a new measure, a split, an accepted amendment's insert, a pasted or restored node), the server
 * writes the numbers in a change of its own, attributed to the server. Updates are handled one at a time,
 * so two measures inserted at once after the same one get distinct numbers.
 *
 * Every number given is remembered (`node_numbers`: document, id, number), so that a number never moves and
 * is never given twice: a removed measure keeps its number (the diff shows it as "vervallen"), one that
 * comes back (a restored version, a cut and paste) gets it back.
 *
 * Documents made before numbers were stable carry positional, copied or empty numbers. The first time such
 * a room is loaded, it is numbered once, in document order, top down (`planNumbers`): the ids of the
 * original (the baseline) get the original's numbers; every other node keeps the number it carries if that
 * is free and in order between its neighbours (a document read in from a JSON export keeps its numbers),
 * else gets a new number between its neighbours.
 */
import * as Y from 'yjs';
import type { Agenda } from '../../shared/agenda/types.js';
import { planNumbers, type NumberBook, type NumberedNode } from '../../shared/agenda/numberPlan.js';
import { parseRoomName } from '../../shared/protocol/rooms.js';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import type { Store } from '../storage/store.js';
import type { AuditLog } from '../storage/audit.js';
import type { GivenNumber, NumberStore } from './numberStore.js';
import type { RoomHooks } from '../sync/hooks.js';
import type { Room, ServerWrite } from '../sync/room.js';

/** The kinds of node that carry a number, from the top down. */
const LEVELS = ['chapter', 'section', 'measure'] as const;

/** The origin of the server's numbering change: a server write by nobody, so it is stored as the server's. */
const NUMBERING: ServerWrite & { numbering: true } = {
  serverWrite: true,
  personId: null,
  onBehalfOf: null,
  numbering: true,
};

/** The numbers one document has given: by id, and the set of all of them. */
class Book implements NumberBook {
  readonly byId = new Map<string, string>();
  readonly numbers = new Set<string>();
  numberOf(id: string): string | undefined {
    return this.byId.get(id);
  }
  taken(number: string): boolean {
    return this.numbers.has(number);
  }
  add(id: string, number: string): void {
    this.byId.set(id, number);
    this.numbers.add(number);
  }
}

/**
 * The numbers given, per document. An import that replaces a document (`import --replace`) starts a new
 * book: rows are kept per import (the audit entry of that import), so a replaced document's numbers never
 * leak into the new one.
 */
export class NumberRegistry {
  constructor(
    private readonly numbers: NumberStore,
    private readonly audit: Pick<AuditLog, 'lastImport'>,
  ) {}

  /** The import a document's numbers belong to (0 for a store without an import entry). */
  private async importOf(documentId: string): Promise<number> {
    return (await this.audit.lastImport(documentId)) ?? 0;
  }

  /** Whether the document's current import has been numbered (its room loaded once since). */
  async isNumbered(documentId: string): Promise<boolean> {
    return this.numbers.any(documentId, await this.importOf(documentId));
  }

  /**
   * The book of a document's current import, and a function that remembers new numbers in it: in the book
   * at once, in storage by the promise it returns.
   */
  async open(documentId: string): Promise<NumberState> {
    const seq = await this.importOf(documentId);
    const book = new Book();
    const read = async () => {
      for (const row of await this.numbers.given(documentId, seq)) book.add(row.id, row.number);
    };
    await read();
    return {
      book,
      reread: read,
      remember: async (entries) => {
        if (entries.length === 0) return;
        for (const e of entries) book.add(e.id, e.number);
        await this.numbers.add(documentId, seq, entries, new Date().toISOString());
      },
    };
  }
}

/** A document's book of numbers, and how new ones are remembered (see `NumberRegistry.open`). */
export interface NumberState {
  book: Book;
  remember: (entries: GivenNumber[]) => Promise<void>;
  /** Reads the stored numbers into the book again (another instance may have given some). */
  reread: () => Promise<void>;
}

/** The numbered nodes of a Y.Doc's agenda text, with the element of each id (its first occurrence). */
export function numberedTree(doc: Y.Doc): { roots: NumberedNode[]; elements: Map<string, Y.XmlElement> } {
  const elements = new Map<string, Y.XmlElement>();
  const walk = (parent: Y.XmlFragment | Y.XmlElement, depth: number): NumberedNode[] => {
    const out: NumberedNode[] = [];
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement) || child.nodeName !== LEVELS[depth]) continue;
      const rawId = child.getAttribute('id');
      const id = typeof rawId === 'string' && rawId !== '' ? rawId : null;
      if (id !== null && !elements.has(id)) elements.set(id, child);
      const number = child.getAttribute('number');
      out.push({
        id,
        number: typeof number === 'string' ? number : '',
        children: depth + 1 < LEVELS.length ? walk(child, depth + 1) : [],
      });
    }
    return out;
  };
  return { roots: walk(doc.getXmlFragment(TEXT_FRAGMENT), 0), elements };
}

/** The numbers of the original: what a document numbered for the first time starts from. */
export function baselineNumbers(agenda: Agenda): { id: string; number: string }[] {
  const out: { id: string; number: string }[] = [];
  for (const chapter of agenda.chapters) {
    out.push({ id: chapter.id, number: String(chapter.number) });
    for (const section of chapter.sections) {
      out.push({ id: section.id, number: section.number });
      for (const measure of section.measures) out.push({ id: measure.id, number: measure.number });
    }
  }
  return out;
}

const NUMBERED: ReadonlySet<string> = new Set(LEVELS);

/**
 * Whether a transaction may have brought a node without its number: a chapter, section or measure list
 * changed, or an id or number attribute did. Typing changes only text, and costs nothing more here.
 */
export function mayNeedNumbers(tr: Y.Transaction): boolean {
  for (const [type, keys] of tr.changed) {
    if (type instanceof Y.XmlElement) {
      if (!NUMBERED.has(type.nodeName)) continue;
      if (keys.has('number') || keys.has('id') || (keys.has(null) && type.nodeName !== 'measure'))
        return true;
    } else if (type instanceof Y.XmlFragment && keys.has(null)) return true;
  }
  return false;
}

/**
 * Numbers a text room's document now: plans, remembers new numbers, and writes every number that differs
 * in one server change. `first`: the document is numbered for the first time (see `planNumbers`'s
 * `keepCarried`). Returns how many attributes it wrote.
 */
export function numberRoom(room: Room, state: NumberState, first = false): number {
  const { roots, elements } = numberedTree(room.doc);
  const plan = planNumbers(roots, state.book, { keepCarried: first });
  if (plan.length === 0) return 0;
  // Remembered before written: the room stores the numbering change only after the numbers are stored, so a
  // crash in between leaves a number given but not shown, which the next load writes; never one shown that
  // could be given again.
  const remembered = state.remember(plan.filter((a) => a.fresh));
  remembered.catch(() => {}); // reported by the room's queue, which awaits it
  void room.enqueue(() => remembered);
  const writes = plan.filter((a) => a.write);
  if (writes.length > 0)
    room.doc.transact(() => {
      for (const a of writes) elements.get(a.id)?.setAttribute('number', a.number);
    }, NUMBERING);
  return writes.length;
}

/**
 * The numbering hooks of the text rooms: on load, the room is numbered (the first time from the
 * original's numbers); after each change that may have brought a new node, the new nodes are numbered.
 */
export function numberingHooks(registry: NumberRegistry, store: Pick<Store, 'getBaseline'>): RoomHooks {
  const books = new WeakMap<Room, NumberState>();
  return {
    async loaded(room) {
      const ref = parseRoomName(room.name);
      if (ref?.kind !== 'text') return;
      const first = !(await registry.isNumbered(ref.documentId));
      const state = await registry.open(ref.documentId);
      if (first) {
        const baseline = await store.getBaseline(ref.documentId);
        const seen = new Set<string>();
        const entries = (baseline ? baselineNumbers(baseline) : []).filter((e) => {
          // A hand-made original could repeat an id or a number; the first one counts.
          if (seen.has(e.id) || seen.has(` ${e.number}`) || !e.number) return false;
          seen.add(e.id).add(` ${e.number}`);
          return true;
        });
        await state.remember(entries);
      }
      books.set(room, state);
      try {
        numberRoom(room, state, first);
      } catch (err) {
        console.error(`Nummeren van ${room.name} mislukt:`, err);
      }
    },
    numberOf(room, id) {
      return books.get(room)?.book.numberOf(id);
    },
    afterRemoteUpdate(room, tr) {
      // Another instance numbered new nodes (remembered before it wrote them): read its book again, in the
      // room's queue (after what this one remembered before), so a number given there is never given here.
      const ref = parseRoomName(room.name);
      const state = books.get(room);
      if (ref?.kind === 'text' && state && mayNeedNumbers(tr)) void room.enqueue(() => state.reread());
    },
    afterUpdate(room, tr) {
      if (tr.origin === NUMBERING) return;
      const state = books.get(room);
      if (!state || !mayNeedNumbers(tr)) return;
      try {
        numberRoom(room, state);
      } catch (err) {
        // The change itself is stored and sent; the next change (or load) numbers what this could not.
        console.error(`Nummeren van ${room.name} mislukt:`, err);
      }
    },
  };
}

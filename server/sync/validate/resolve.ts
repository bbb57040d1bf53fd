import * as Y from 'yjs';

/**
 * Where a new item of an update lands, found without applying the update: Yjs only writes an item's parent
 * when it has no left or right origin, so the parent is otherwise the parent of its origin — which may be in
 * the room's document or in the same update.
 */
export type ParentRef =
  /** A root type, by its name (`doc.get(name)`). */
  | { kind: 'root'; key: string }
  /** A type already in the room's document (alive). */
  | { kind: 'type'; type: Y.AbstractType<unknown> }
  /** A type created by this same update: the item whose content is that type. */
  | { kind: 'new'; item: Y.Item }
  /** A deleted or garbage-collected parent: Yjs integrates such an item as deleted, so it has no effect. */
  | { kind: 'gone' };

/** An item of the update that the room's document does not have yet, with where it lands. */
export interface NewItem {
  item: Y.Item;
  parent: ParentRef;
  /** The map key for attributes and map entries; null for an item in a list (children, text). */
  parentSub: string | null;
  /** Created and deleted by this same update: it never shows. */
  deletedHere: boolean;
}

/** An update read against a room's document. */
export type Resolution =
  | {
      kind: 'resolved';
      /** New items, in the update's order. */
      items: NewItem[];
      /** Items of the room's document, alive before, that this update deletes. */
      deleted: Y.Item[];
      /** Client ids that write new structs (items or garbage-collected ranges). */
      clients: number[];
      /** Whether the update adds anything that shows (new items not deleted at once). */
      grows: boolean;
    }
  /** The update depends on changes the room has not seen (Yjs would keep it pending). */
  | { kind: 'missing' }
  /** The update's structure is contradictory (an item whose left and right origins lie in different places). */
  | { kind: 'malformed'; detail: string };

type Struct = Y.Item | Y.GC | Y.Skip;

/** An update as `Y.decodeUpdate` reads it: its structs and its delete set. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** The struct of `structs` (sorted by clock, contiguous or not) that contains `clock`, or null. */
function structAt<T extends { id: Y.ID; length: number }>(structs: T[], clock: number): T | null {
  let lo = 0;
  let hi = structs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid]!;
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return null;
}

/** The struct of the room's document that contains `id`, or null when the document does not have it yet. */
export function docStructAt(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | null {
  const structs = doc.store.clients.get(id.client);
  if (!structs || id.clock >= Y.getState(doc.store, id.client)) return null;
  return structs[Y.findIndexSS(structs, id.clock)] ?? null;
}

/**
 * Calls `f` for every item of the document in the given clock range (no splitting, nothing changed: the
 * document is only read).
 */
export function forEachDocItemIn(
  doc: Y.Doc,
  client: number,
  clock: number,
  end: number,
  f: (item: Y.Item) => void,
): void {
  const structs = doc.store.clients.get(client);
  if (!structs) return;
  const state = Y.getState(doc.store, client);
  if (clock >= state) return;
  for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
    const s = structs[i]!;
    if (s.id.clock >= end) break;
    if (s instanceof Y.Item) f(s);
  }
}

/** Where a type of the room's document stands: alive, or gone (deleted or collected) with everything in it. */
function placeOfDocType(type: Y.AbstractType<unknown> | null | undefined): ParentRef {
  if (!type) return { kind: 'gone' };
  if (type._item !== null && type._item.deleted) return { kind: 'gone' };
  return { kind: 'type', type };
}

/**
 * Reads an update against the room's document without changing either: which of its structs are new, where
 * each new item lands, and which live items it deletes. Costs a few lookups per struct (binary searches in
 * the document's struct store), never a copy of the document.
 */
export function resolveUpdate(doc: Y.Doc, decoded: DecodedUpdate): Resolution {
  const store = doc.store;
  // The update's structs per client, in clock order, and where each client's new structs end.
  const byClient = new Map<number, Struct[]>();
  for (const s of decoded.structs) {
    let list = byClient.get(s.id.client);
    if (!list) byClient.set(s.id.client, (list = []));
    list.push(s);
  }
  const fresh: Y.Item[] = [];
  const freshSet = new Set<Y.Item>();
  const clients: number[] = [];
  const knownEnd = new Map<number, number>();
  for (const [client, list] of byClient) {
    list.sort((a, b) => a.id.clock - b.id.clock);
    let next = Y.getState(store, client);
    let wrote = false;
    for (const s of list) {
      const end = s.id.clock + s.length;
      if (s instanceof Y.Skip) continue;
      if (end <= next) continue; // known already: Yjs skips it
      if (s.id.clock > next) return { kind: 'missing' }; // a gap: Yjs would keep the rest pending
      next = end;
      wrote = true;
      if (s instanceof Y.Item) {
        fresh.push(s);
        freshSet.add(s);
      }
    }
    knownEnd.set(client, next);
    if (wrote) clients.push(client);
  }

  const updateStructAt = (id: Y.ID): Struct | null => {
    const list = byClient.get(id.client);
    return list ? structAt(list, id.clock) : null;
  };
  /** The struct an id refers to: in the document if it has it, else in this update, else null (missing). */
  const lookup = (id: Y.ID): Y.Item | Y.GC | null => {
    const inDoc = docStructAt(doc, id);
    if (inDoc) return inDoc;
    const inUpdate = updateStructAt(id);
    if (inUpdate instanceof Y.Skip) return null;
    return inUpdate && (freshSet.has(inUpdate as Y.Item) || inUpdate instanceof Y.GC) ? inUpdate : null;
  };

  const resolved = new Map<Y.Item, { parent: ParentRef; parentSub: string | null }>();
  type Outcome = { parent: ParentRef; parentSub: string | null } | 'missing' | { malformed: string };

  /** Where an item that is already in the document, or resolved, lands. */
  const landingOf = (s: Y.Item | Y.GC): { parent: ParentRef; parentSub: string | null } | null => {
    if (s instanceof Y.GC) return { parent: { kind: 'gone' }, parentSub: null };
    if (!freshSet.has(s)) {
      // An item of the document (deleted or not): Yjs has resolved its parent to a type.
      return { parent: placeOfDocType(s.parent as Y.AbstractType<unknown> | null), parentSub: s.parentSub };
    }
    return resolved.get(s) ?? null;
  };

  /** Resolves one new item whose origins are already resolved (or in the document). */
  const resolveOne = (item: Y.Item): Outcome | Y.Item => {
    const parent = item.parent as unknown;
    if (typeof parent === 'string')
      return { parent: { kind: 'root', key: parent }, parentSub: item.parentSub };
    if (parent instanceof Y.ID) {
      if (
        parent.client !== item.id.client &&
        parent.clock >= (knownEnd.get(parent.client) ?? Y.getState(store, parent.client))
      )
        return 'missing';
      const p = lookup(parent);
      if (!p) return 'missing';
      if (p instanceof Y.GC || !(p.content instanceof Y.ContentType))
        return { parent: { kind: 'gone' }, parentSub: item.parentSub };
      if (freshSet.has(p)) return { parent: { kind: 'new', item: p }, parentSub: item.parentSub };
      return {
        parent: p.deleted ? { kind: 'gone' } : placeOfDocType(p.content.type),
        parentSub: item.parentSub,
      };
    }
    const left = item.origin ? lookup(item.origin) : null;
    const right = item.rightOrigin ? lookup(item.rightOrigin) : null;
    if ((item.origin && !left) || (item.rightOrigin && !right)) return 'missing';
    if (left instanceof Y.Item && freshSet.has(left) && !resolved.has(left)) return left;
    if (right instanceof Y.Item && freshSet.has(right) && !resolved.has(right)) return right;
    const fromLeft = left ? landingOf(left) : null;
    const fromRight = right ? landingOf(right) : null;
    // Yjs drops an item next to collected content (it becomes collected too).
    if (left instanceof Y.GC || right instanceof Y.GC) return { parent: { kind: 'gone' }, parentSub: null };
    const landing = fromLeft ?? fromRight;
    if (!landing) return { malformed: 'Onderdeel zonder plaats' };
    if (fromLeft && fromRight && !sameLanding(fromLeft, fromRight)) {
      return { malformed: 'Onderdeel tussen twee verschillende plaatsen' };
    }
    return landing;
  };

  for (const item of fresh) {
    if (resolved.has(item)) continue;
    // Resolve along the chain of origins inside the update without recursion (a crafted update may chain
    // a hundred thousand items).
    const stack: Y.Item[] = [item];
    const onStack = new Set<Y.Item>([item]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const outcome = resolveOne(top);
      if (outcome instanceof Y.Item) {
        if (onStack.has(outcome)) return { kind: 'malformed', detail: 'Kringverwijzing in een wijziging' };
        stack.push(outcome);
        onStack.add(outcome);
        continue;
      }
      if (outcome === 'missing') return { kind: 'missing' };
      if ('malformed' in outcome) return { kind: 'malformed', detail: outcome.malformed };
      resolved.set(top, outcome);
      stack.pop();
      onStack.delete(top);
    }
  }

  // A partly known item continues its own known part: it must land where that part is.
  for (const item of fresh) {
    const known = Y.getState(store, item.id.client) - item.id.clock;
    if (known <= 0) continue;
    const prefix = docStructAt(doc, Y.createID(item.id.client, item.id.clock + known - 1));
    const mine = resolved.get(item)!;
    const theirs = prefix ? landingOf(prefix) : null;
    if (
      theirs &&
      !sameLanding(mine, theirs) &&
      mine.parent.kind !== 'gone' &&
      theirs.parent.kind !== 'gone'
    ) {
      return { kind: 'malformed', detail: 'Vervolg van een bekend onderdeel op een andere plaats' };
    }
  }

  // The delete set: live items of the document it deletes, new items it deletes at once, nothing unknown.
  // Ranges are merged first, so overlapping ranges in a crafted update cannot multiply the work.
  const deleted: Y.Item[] = [];
  const deletedHere = new Set<Y.Item>();
  for (const [client, ranges] of decoded.ds.clients) {
    const end = Math.max(knownEnd.get(client) ?? 0, Y.getState(store, client));
    const list = byClient.get(client) ?? [];
    for (const range of mergeRanges(ranges)) {
      if (range.end > end) return { kind: 'missing' };
      forEachDocItemIn(doc, client, range.clock, range.end, (it) => {
        if (!it.deleted) deleted.push(it);
      });
      for (let i = firstAtOrAfter(list, range.clock); i < list.length; i++) {
        const s = list[i]!;
        if (s.id.clock >= range.end) break;
        if (s instanceof Y.Item && freshSet.has(s) && s.id.clock + s.length <= range.end) deletedHere.add(s);
      }
    }
  }

  const items: NewItem[] = fresh.map((item) => {
    const { parent, parentSub } = resolved.get(item)!;
    return { item, parent, parentSub, deletedHere: deletedHere.has(item) };
  });
  const grows = items.some(
    (n) => !n.deletedHere && n.parent.kind !== 'gone' && !(n.item.content instanceof Y.ContentDeleted),
  );
  return { kind: 'resolved', items, deleted, clients, grows };
}

function sameLanding(
  a: { parent: ParentRef; parentSub: string | null },
  b: { parent: ParentRef; parentSub: string | null },
): boolean {
  if (a.parentSub !== b.parentSub) return false;
  const p = a.parent;
  const q = b.parent;
  if (p.kind === 'gone' || q.kind === 'gone') return true;
  if (p.kind === 'root' && q.kind === 'root') return p.key === q.key;
  if (p.kind === 'type' && q.kind === 'type') return p.type === q.type;
  if (p.kind === 'new' && q.kind === 'new') return p.item === q.item;
  // A root named by key and the same root as a type of the document.
  if (p.kind === 'root' && q.kind === 'type')
    return q.type._item === null && q.type.doc?.share.get(p.key) === q.type;
  if (p.kind === 'type' && q.kind === 'root')
    return p.type._item === null && p.type.doc?.share.get(q.key) === p.type;
  return false;
}

function mergeRanges(ranges: { clock: number; len: number }[]): { clock: number; end: number }[] {
  const sorted = ranges
    .map((r) => ({ clock: r.clock, end: r.clock + r.len }))
    .sort((a, b) => a.clock - b.clock);
  const out: { clock: number; end: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.clock <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Index of the first struct (sorted by clock) that starts at or after `clock`. */
function firstAtOrAfter(list: { id: Y.ID }[], clock: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.id.clock < clock) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

import * as Y from 'yjs';
import { TEXT_FRAGMENT } from '../../../shared/protocol/protocol.js';
import {
  DOC_RULE,
  elementRule,
  FIXED_NODES,
  isValidId,
  isValidMarkValue,
  type NodeRule,
} from './schemaRules.js';
import { docStructAt, type NewItem, type ParentRef, type Resolution } from './resolve.js';
import { wouldBeDropped } from './repair.js';
import type { Check } from './check.js';

/** Who writes: the chair may change the structure; a negotiator during open drafting only words in measures. */
export interface TextWriter {
  structure: boolean;
}

/** What the check needs to know of the room beyond the update: the live ids and those that were removed. */
export interface IdBook {
  /** Id → element, for every chapter, section and measure in the text now. */
  live(): ReadonlyMap<string, Y.XmlElement>;
  /**
   * The number a chapter, section or measure had before it was removed (and its node name, when known), or
   * undefined for an id that never had a number.
   */
  retired(id: string): { name: string | null; number: string } | undefined;
}

/** Where a new item lands, in the terms of the agenda. */
type Place =
  | { kind: 'gone' }
  | { kind: 'root' }
  | { kind: 'foreign' }
  | { kind: 'element'; rule: NodeRule; existing: Y.XmlElement | null; key: object }
  | { kind: 'text'; element: Place; existingElement: Y.XmlElement | null };

/** Nested deeper than any agenda: a crafted nesting, refused without walking it further. */
const MAX_DEPTH = 16;

const STRUCTURE =
  'Alleen de voorzitter wijzigt de opbouw; u kunt de woorden in bestaande maatregelen wijzigen';

const refuse = (reason: string): Check => ({ ok: false, reason });
/** A name from an update, safe to quote in a close reason. */
const quote = (name: string) => `"${name.replace(/[^\w-]/g, '?').slice(0, 24)}"`;

/**
 * Checks an update to the text room against the schema and the writer's role, before it is applied:
 * - every element name is in the schema, and sits where the schema allows it (its name is allowed in its
 *   parent's content — not the order, which honest concurrent edits can merge into an odd state that
 *   y-prosemirror repairs itself);
 * - attributes are the schema's, with well-formed values; text carries only the marks its block allows;
 * - chapters, sections and measures have an id, unique among the live ones, that never changes; their
 *   `number` is the server's: a client sends it empty on a new node, or (restoring a removed node, as undo
 *   does) exactly the number that node had;
 * - a writer without `structure` (a negotiator) changes words inside existing measures only: no elements,
 *   no attributes, no deletions but text in measures — and y-prosemirror's deletion of an element that no
 *   longer fits the schema.
 */
export function checkTextUpdate(
  doc: Y.Doc,
  update: Extract<Resolution, { kind: 'resolved' }>,
  writer: TextWriter,
  book: IdBook,
): Check {
  const fragment = doc.share.get(TEXT_FRAGMENT);
  const byItem = new Map<Y.Item, NewItem>(update.items.map((n) => [n.item, n]));
  const places = new Map<Y.Item, Place>();

  const placeOfType = (type: Y.AbstractType<unknown>, depth: number): Place => {
    if (depth > MAX_DEPTH) return { kind: 'foreign' };
    if (type._item !== null && type._item.deleted) return { kind: 'gone' };
    if (type instanceof Y.XmlElement) {
      const rule = elementRule(type.nodeName);
      return rule ? { kind: 'element', rule, existing: type, key: type } : { kind: 'foreign' };
    }
    if (type instanceof Y.XmlText) {
      const parent = type._item?.parent as Y.AbstractType<unknown> | undefined;
      const element = parent ? placeOfType(parent, depth + 1) : ({ kind: 'foreign' } as const);
      return { kind: 'text', element, existingElement: parent instanceof Y.XmlElement ? parent : null };
    }
    if (type._item === null && type === fragment) return { kind: 'root' };
    return { kind: 'foreign' };
  };

  const placeOf = (ref: ParentRef, depth = 0): Place => {
    if (depth > MAX_DEPTH) return { kind: 'foreign' };
    switch (ref.kind) {
      case 'gone':
        return { kind: 'gone' };
      case 'root':
        return ref.key === TEXT_FRAGMENT ? { kind: 'root' } : { kind: 'foreign' };
      case 'type':
        return placeOfType(ref.type, depth);
      case 'new': {
        const known = places.get(ref.item);
        if (known) return known;
        const n = byItem.get(ref.item)!;
        const content = ref.item.content as Y.ContentType;
        let place: Place;
        const outer = n.deletedHere ? ({ kind: 'gone' } as const) : placeOf(n.parent, depth + 1);
        if (outer.kind === 'gone') place = outer;
        else if (content.type instanceof Y.XmlElement) {
          const rule = elementRule(content.type.nodeName);
          place = rule ? { kind: 'element', rule, existing: null, key: ref.item } : { kind: 'foreign' };
        } else if (content.type instanceof Y.XmlText) {
          place = { kind: 'text', element: outer, existingElement: null };
        } else place = { kind: 'foreign' };
        places.set(ref.item, place);
        return place;
      }
    }
  };

  /** New elements' attributes (element item → key → values) and keys set on existing elements. */
  const newAttrs = new Map<Y.Item, Map<string, unknown[]>>();
  const setOnExisting = new Map<Y.XmlElement, Set<string>>();
  /** Ids newly given to existing elements that had none (a legacy element getting its first id). */
  const firstIds: string[] = [];
  const newIdentities: { item: Y.Item; rule: NodeRule }[] = [];
  const rootInserts: { item: Y.Item; name: string }[] = [];

  for (const n of update.items) {
    const content = n.item.content;
    if (n.deletedHere || content instanceof Y.ContentDeleted) continue;
    const place = placeOf(n.parent);
    if (place.kind === 'gone') continue;
    if (place.kind === 'foreign') return refuse('Onbekende gegevens in de tekst');

    if (n.parentSub !== null) {
      // An attribute of an element.
      if (place.kind !== 'element') return refuse('Attribuut op een plek zonder attributen');
      const key = n.parentSub;
      const valid = place.rule.attrs.get(key);
      if (!valid) return refuse(`Attribuut ${quote(key)} hoort niet bij ${quote(place.rule.name)}`);
      if (!(content instanceof Y.ContentAny) || content.arr.length !== 1 || !valid(content.arr[0])) {
        return refuse(`Ongeldige waarde voor ${quote(key)}`);
      }
      if (!writer.structure) return refuse(STRUCTURE);
      const value = content.arr[0];
      if (place.existing) {
        let keys = setOnExisting.get(place.existing);
        if (!keys) setOnExisting.set(place.existing, (keys = new Set()));
        keys.add(key);
        if (place.rule.identity && key === 'id') {
          const current = place.existing.getAttribute('id');
          if (isValidId(current) && value !== current)
            return refuse('Het id van een hoofdstuk, sectie of maatregel verandert nooit');
          if (!isValidId(current)) firstIds.push(value as string);
        }
        if (
          place.rule.identity &&
          key === 'number' &&
          value !== (place.existing.getAttribute('number') ?? '')
        ) {
          return refuse('Nummers worden door de server toegekend');
        }
      } else {
        const item = place.key as Y.Item;
        let attrs = newAttrs.get(item);
        if (!attrs) newAttrs.set(item, (attrs = new Map()));
        attrs.set(key, [...(attrs.get(key) ?? []), value]);
      }
      continue;
    }

    // A child in a list: an element, a text, or characters and formats in a text.
    if (place.kind === 'text') {
      const element = place.element;
      if (element.kind === 'gone') continue;
      if (element.kind !== 'element' || !element.rule.textblock) return refuse('Tekst op een verkeerde plek');
      if (content instanceof Y.ContentFormat) {
        if (!element.rule.marks.has(content.key) || !isValidMarkValue(content.value)) {
          return refuse(`Opmaak ${quote(content.key)} niet toegestaan in ${quote(element.rule.name)}`);
        }
      } else if (!(content instanceof Y.ContentString)) {
        return refuse('Onbekende gegevens in een tekst');
      }
      if (!writer.structure && !(element.rule.name === 'measure' && element.existing))
        return refuse(STRUCTURE);
      continue;
    }

    const rule = place.kind === 'root' ? DOC_RULE : place.rule;
    if (!(content instanceof Y.ContentType)) return refuse('Onbekende gegevens in de tekst');
    const type = content.type;
    if (type instanceof Y.XmlText) {
      if (!rule.textblock) return refuse(`Tekst hoort niet direct in ${quote(rule.name)}`);
      const inExistingMeasure =
        place.kind === 'element' && rule.name === 'measure' && place.existing !== null;
      if (!writer.structure && !inExistingMeasure) return refuse(STRUCTURE);
      continue;
    }
    if (!(type instanceof Y.XmlElement)) return refuse('Onbekend soort gegevens in de tekst');
    const childRule = elementRule(type.nodeName);
    if (!childRule) return refuse(`Onbekend element ${quote(type.nodeName)}`);
    if (rule.textblock || !rule.children.has(childRule.name)) {
      return refuse(`Element ${quote(childRule.name)} hoort niet in ${quote(rule.name)}`);
    }
    if (!writer.structure) return refuse(STRUCTURE);
    if (FIXED_NODES.has(childRule.name) && !(place.kind === 'element' && place.existing === null)) {
      return refuse(`${quote(childRule.name)} hoort vast bij zijn hoofdstuk, sectie of de agenda`);
    }
    if (place.kind === 'root') rootInserts.push({ item: n.item, name: childRule.name });
    if (childRule.identity) newIdentities.push({ item: n.item, rule: childRule });
  }

  // The agenda's own order (title, introduction, chapters, footnotes) is not left to repair: an editor
  // shows a document whose top level is out of order wrongly or not at all. A new chapter lands after the
  // introduction or a chapter and before a chapter or the footnotes; footnotes only at the end, and once.
  const rootProblem = checkRootInserts(doc, rootInserts, byItem);
  if (rootProblem) return refuse(rootProblem);

  // Deletions: which live content this update removes.
  const removedElements = new Set<Y.AbstractType<unknown>>();
  for (const item of update.deleted) {
    if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement)
      removedElements.add(item.content.type as Y.AbstractType<unknown>);
  }
  const insideRemoved = (type: Y.AbstractType<unknown> | null): boolean => {
    for (let t = type, depth = 0; t && depth <= MAX_DEPTH; depth++) {
      if (removedElements.has(t)) return true;
      t = (t._item?.parent as Y.AbstractType<unknown> | undefined) ?? null;
    }
    return false;
  };
  const isMeasure = (type: unknown) => type instanceof Y.XmlElement && type.nodeName === 'measure';
  const removedIds = new Map<string, { name: string; number: string }>();

  for (const item of update.deleted) {
    const parent = item.parent as Y.AbstractType<unknown> | null;
    const content = item.content;
    if (item.parentSub !== null) {
      if (insideRemoved(parent)) continue;
      if (setOnExisting.get(parent as Y.XmlElement)?.has(item.parentSub)) continue; // replaced: checked above
      const rule = parent instanceof Y.XmlElement ? elementRule(parent.nodeName) : null;
      if (rule?.identity && (item.parentSub === 'id' || item.parentSub === 'number')) {
        return refuse('Het id en nummer van een hoofdstuk, sectie of maatregel blijven');
      }
      if (!writer.structure) return refuse(STRUCTURE);
      continue;
    }
    if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement) {
      if (FIXED_NODES.has(content.type.nodeName) && !insideRemoved(parent)) {
        return refuse(`${quote(content.type.nodeName)} hoort vast bij zijn hoofdstuk, sectie of de agenda`);
      }
      if (!writer.structure && !insideRemoved(parent) && !wouldBeDropped(content.type))
        return refuse(STRUCTURE);
      collectIdentities(content.type, removedIds, 0);
      continue;
    }
    if (writer.structure || insideRemoved(parent)) continue;
    // Words: characters and formats in a measure's text, or a measure's text itself.
    if (content instanceof Y.ContentType && content.type instanceof Y.XmlText && isMeasure(parent)) continue;
    if (parent instanceof Y.XmlText && isMeasure(parent._item?.parent)) continue;
    return refuse(STRUCTURE);
  }

  // Identities: present, unique among the live ones, and a number only when restoring a removed node.
  const live = book.live();
  const taken = new Set<string>();
  const free = (id: string) => !taken.has(id) && (!live.has(id) || removedIds.has(id));
  for (const id of firstIds) {
    if (!free(id)) return refuse(`Dubbel id ${quote(id)}`);
    taken.add(id);
  }
  for (const { item, rule } of newIdentities) {
    const attrs = newAttrs.get(item);
    const ids = attrs?.get('id') ?? [];
    if (ids.length !== 1) return refuse(`Nieuw element ${quote(rule.name)} zonder id`);
    const id = ids[0] as string;
    if (!free(id)) return refuse(`Dubbel id ${quote(id)}`);
    taken.add(id);
    const numbers = attrs?.get('number') ?? [];
    if (numbers.length > 1) return refuse('Nummers worden door de server toegekend');
    const number = (numbers[0] as string | undefined) ?? '';
    if (number !== '') {
      const before = removedIds.get(id) ?? book.retired(id);
      if (!before || (before.name !== null && before.name !== rule.name) || before.number !== number)
        return refuse('Nummers worden door de server toegekend');
    }
  }
  return { ok: true };
}

/** The name of a root item (a live one's element name; null for deleted or collected content). */
function rootName(item: Y.Item | Y.GC | null): string | null {
  if (!(item instanceof Y.Item) || item.deleted) return null;
  return item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement
    ? item.content.type.nodeName
    : null;
}

/** The nearest live root element beside a document item, skipping deleted ones; null at the start or end. */
function liveBeside(item: Y.Item | Y.GC | null, direction: 'left' | 'right'): string | null {
  let current: Y.Item | null = item instanceof Y.Item ? item : null;
  while (current && rootName(current) === null) current = direction === 'left' ? current.left : current.right;
  return current ? rootName(current) : null;
}

function checkRootInserts(
  doc: Y.Doc,
  inserts: { item: Y.Item; name: string }[],
  byItem: Map<Y.Item, NewItem>,
): string | null {
  if (inserts.length === 0) return null;
  const fresh = new Map(inserts.map((i) => [i.item, i.name]));
  const side = (id: Y.ID | null, direction: 'left' | 'right'): string | null => {
    if (id === null) return null;
    const inDoc = docStructAt(doc, id);
    if (inDoc) return liveBeside(inDoc, direction);
    for (const [item, name] of fresh) {
      if (item.id.client === id.client && item.id.clock === id.clock && !byItem.get(item)?.deletedHere)
        return name;
    }
    return null;
  };
  const fragment = doc.share.get(TEXT_FRAGMENT);
  const liveFootnotes =
    fragment instanceof Y.XmlFragment &&
    fragment.toArray().some((c) => c instanceof Y.XmlElement && c.nodeName === 'footnotes');
  let newFootnotes = 0;
  for (const { item, name } of inserts) {
    const left = side(item.origin, 'left');
    const right = side(item.rightOrigin, 'right');
    if (left !== 'intro' && left !== 'chapter') return 'Een hoofdstuk hoort na de inleiding';
    if (name === 'footnotes') {
      if (right !== null || liveFootnotes || ++newFootnotes > 1)
        return 'Voetnoten staan eenmaal, aan het einde';
    } else if (right !== null && right !== 'chapter' && right !== 'footnotes') {
      return 'Een hoofdstuk hoort voor de voetnoten';
    }
  }
  return null;
}

/**
 * Adds the chapters, sections and measures in an element (itself included) to `into`. `removed` reads an
 * element that a transaction has just deleted: its children and attributes are marked deleted too, but their
 * content is still there until Yjs collects it at the end of the transaction.
 */
export function collectIdentities(
  element: Y.XmlElement,
  into: Map<string, { name: string; number: string }>,
  depth: number,
  removed = false,
): void {
  if (depth > MAX_DEPTH) return;
  const rule = elementRule(element.nodeName);
  if (rule?.identity) {
    const id = removed ? rawAttribute(element, 'id') : element.getAttribute('id');
    const number = removed ? rawAttribute(element, 'number') : element.getAttribute('number');
    if (typeof id === 'string')
      into.set(id, { name: rule.name, number: typeof number === 'string' ? number : '' });
  }
  if (rule?.textblock) return;
  if (!removed) {
    for (const child of element.toArray()) {
      if (child instanceof Y.XmlElement) collectIdentities(child, into, depth + 1);
    }
    return;
  }
  for (let item = element._start; item !== null; item = item.right) {
    const content = item.content;
    if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement) {
      collectIdentities(content.type, into, depth + 1, true);
    }
  }
}

/** An attribute's last value, deleted or not (see `collectIdentities`). */
function rawAttribute(element: Y.XmlElement, key: string): unknown {
  const item = element._map.get(key);
  if (!item || !(item.content instanceof Y.ContentAny)) return undefined;
  return item.content.arr[item.content.arr.length - 1];
}
